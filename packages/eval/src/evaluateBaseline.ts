import { rankOf } from '@curio/catalog-cli';
import type { NextItemModel } from './baselines/nextItemModel.js';
import { replayMetrics, type ReplayMetrics } from './replayMetrics.js';

/** Picks per case (HR@20, MRR@20). */
const CUTOFF = 20;

/**
 * Replays every case of `sessions` through a baseline. One call per case serves both variants:
 * the model returns enough items to fill 20 after hiding the prefix's items.
 * @param model the baseline
 * @param sessions test sessions as product indexes (unknown items −1)
 * @param onCase called after each case (progress)
 */
export function evaluateBaseline(model: NextItemModel, sessions: readonly number[][], onCase: () => void): ReplayMetrics {
  const metrics = replayMetrics();
  for (const session of sessions) {
    for (let k = 1; k < session.length; k++) {
      const prefix = session.slice(0, k);
      const target = session[k]!;
      const seen = new Set(prefix);
      const isNew = !seen.has(target);
      const ranked = model.recommend(prefix, CUTOFF + seen.size);
      const known = target >= 0;
      metrics.all.add(known ? rankOf(ranked.slice(0, CUTOFF), target) : 0, isNew);
      metrics.hideSeen.add(known ? rankOf(ranked.filter((i) => !seen.has(i)).slice(0, CUTOFF), target) : 0, isNew);
      onCase();
    }
  }
  return metrics;
}
