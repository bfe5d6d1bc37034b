import { rankOf, type ReplayPlacement } from '@curio/catalog-cli';
import type { NextItemModel } from './baselines/nextItemModel.js';
import { replayMetrics, type ReplayMetrics } from './replayMetrics.js';

/** Picks per case (HR@20, MRR@20). */
const CUTOFF = 20;
/** Items a baseline is asked for when its list is filtered to one category. */
const CATEGORY_POOL = 200;

/** How a baseline is replayed: on which placement, after which unrelated browsing. */
export interface BaselineReplayOptions {
  placement?: ReplayPlacement;
  /** Unrelated clicks put before test session `s` (the detour scenario); session models see them as part of the session. */
  detour?: (s: number) => readonly number[] | undefined;
  /** Item → category number (category placement: the list keeps the last click's category only). */
  categoryOf?: ArrayLike<number>;
}

/**
 * Replays every case of `sessions` through a baseline. One call per case serves both variants:
 * the model returns enough items to fill 20 after hiding the prefix's items. On the product
 * placement the product on screen (the last click) is never picked, as in Curio.
 * @param model the baseline
 * @param sessions test sessions as product indexes (unknown items −1)
 * @param onCase called after each case (progress)
 */
export function evaluateBaseline(model: NextItemModel, sessions: readonly number[][], onCase: () => void, options: BaselineReplayOptions = {}): ReplayMetrics {
  const { placement = 'home', detour, categoryOf } = options;
  const metrics = replayMetrics();
  sessions.forEach((session, s) => {
    const before = detour?.(s) ?? [];
    for (let k = 1; k < session.length; k++) {
      const prefix = session.slice(0, k);
      const target = session[k]!;
      const seen = new Set(prefix);
      const isNew = !seen.has(target);
      const last = prefix[k - 1]!;
      const category = placement === 'category' && categoryOf && last >= 0 ? categoryOf[last]! : undefined;
      const keep = (i: number): boolean => !(placement === 'product' && i === last) && (category === undefined || categoryOf![i] === category);
      const ranked = model.recommend([...before, ...prefix], category === undefined ? CUTOFF + seen.size + 1 : CATEGORY_POOL).filter(keep);
      const known = target >= 0;
      metrics.all.add(known ? rankOf(ranked.slice(0, CUTOFF), target) : 0, isNew);
      metrics.hideSeen.add(known ? rankOf(ranked.filter((i) => !seen.has(i)).slice(0, CUTOFF), target) : 0, isNew);
      onCase();
    }
  });
  return metrics;
}
