import { createRanker, type CatalogFile } from '@curio/core/internal';
import { rankOf, replayCase } from '@curio/catalog-cli';
import { performance } from 'node:perf_hooks';
import { replayMetrics, type ReplayMetrics } from './replayMetrics.js';

/** What replaying sessions through the shipped ranker measured. */
export interface CurioReplay {
  metrics: ReplayMetrics;
  /** Distinct items that appeared in some top-20 (catalog coverage). */
  recommended: Set<string>;
  /** Time spent inside the ranker for the all-items variant, ms. */
  rankMs: number;
}

/**
 * Replays every case of `sessions` through the shipped ranker (`createRanker` from
 * `@curio/core/internal`), placement `home`, 20 picks: once as is, once hiding the prefix's items.
 * @param catalog the built catalog (inline rows)
 * @param sessions test sessions as item ids
 * @param onCase called after each case (progress)
 */
export function evaluateCurio(catalog: CatalogFile, sessions: readonly string[][], onCase: () => void): CurioReplay {
  const ranker = createRanker(catalog);
  const metrics = replayMetrics();
  const recommended = new Set<string>();
  let rankMs = 0;
  for (const session of sessions) {
    for (let k = 1; k < session.length; k++) {
      const target = session[k]!;
      const isNew = !session.slice(0, k).includes(target);
      const started = performance.now();
      const picks = replayCase(ranker, session, k);
      rankMs += performance.now() - started;
      for (const item of picks) recommended.add(item);
      metrics.all.add(rankOf(picks, target), isNew);
      metrics.hideSeen.add(rankOf(replayCase(ranker, session, k, { hideSeen: true }), target), isNew);
      onCase();
    }
  }
  return { metrics, recommended, rankMs };
}
