import { RankingMetrics } from '@curio/catalog-cli';

/** Metrics of one model: as is, and with the prefix's items hidden from the picks. */
export interface ReplayMetrics {
  all: RankingMetrics;
  hideSeen: RankingMetrics;
}

/** Counts of {@link ReplayMetrics}, as sent between threads. */
export interface ReplayCounts {
  all: ReturnType<RankingMetrics['toJSON']>;
  hideSeen: ReturnType<RankingMetrics['toJSON']>;
}

/** Fresh accumulators. */
export function replayMetrics(): ReplayMetrics {
  return { all: new RankingMetrics(20), hideSeen: new RankingMetrics(20) };
}

/** Serialises for `postMessage`. */
export function toCounts(metrics: ReplayMetrics): ReplayCounts {
  return { all: metrics.all.toJSON(), hideSeen: metrics.hideSeen.toJSON() };
}

/** Adds counts received from a worker into `into`. */
export function mergeCounts(into: ReplayMetrics, counts: ReplayCounts): void {
  into.all.merge(RankingMetrics.fromJSON(counts.all, 20));
  into.hideSeen.merge(RankingMetrics.fromJSON(counts.hideSeen, 20));
}
