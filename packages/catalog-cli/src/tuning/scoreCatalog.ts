import { createRanker, type CatalogFile, type Ranker } from '@curio/core/internal';
import { replayCase, type ReplayCase, type ReplayPlacement } from './replayCases.js';
import { RankingMetrics, rankOf, type RankingScores } from './rankingMetrics.js';

/**
 * Replays cases through the shipped ranker built from `catalog` and scores its picks.
 * @param catalog a catalog with inline neighbour rows, or a ranker already built over one (the
 *   tuning builds one and tries weights on it with `ranker.withWeights`, interning the catalog once)
 * @param sessions sessions as product ids
 * @param cases the cases to replay
 * @param cutoff list length k of HR@k / MRR@k
 * @param placement where the picks are shown (default `home`)
 */
export function scoreCatalog(
  catalog: CatalogFile | Ranker,
  sessions: readonly string[][],
  cases: readonly ReplayCase[],
  cutoff = 20,
  placement: ReplayPlacement = 'home',
): RankingScores {
  const ranker = 'rankItems' in catalog ? catalog : createRanker(catalog);
  const metrics = new RankingMetrics(cutoff);
  for (const { session, prefix } of cases) {
    const items = sessions[session]!;
    const target = items[prefix]!;
    const picks = replayCase(ranker, items, prefix, { limit: cutoff, placement });
    // New target: not among the prefix's items (its first occurrence is the target itself).
    metrics.add(rankOf(picks, target), items.indexOf(target) === prefix);
  }
  return metrics.scores();
}

/** The tuning objective: HR@20 + 2·MRR@20 (both in %). */
export function tuningObjective(scores: RankingScores): number {
  return scores.hr + 2 * scores.mrr;
}
