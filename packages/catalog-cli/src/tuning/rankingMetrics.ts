/** Next-item ranking metrics, accumulated case by case. */

/** HR@k and MRR@k in %, over all cases and over new-target cases (target not in the prefix). */
export interface RankingScores {
  cases: number;
  hr: number;
  mrr: number;
  newCases: number;
  newHr: number;
  newMrr: number;
}

/** Accumulates hits and reciprocal ranks; `rank` is 1-based, 0 for a miss. */
export class RankingMetrics {
  private counts = { cases: 0, hits: 0, reciprocal: 0, newCases: 0, newHits: 0, newReciprocal: 0 };

  /** @param cutoff the list length k of HR@k / MRR@k */
  constructor(readonly cutoff = 20) {}

  /**
   * Records one case.
   * @param rank 1-based rank of the target among the picks, 0 if absent
   * @param newTarget whether the target was not among the prefix's items
   */
  add(rank: number, newTarget: boolean): void {
    const hit = rank >= 1 && rank <= this.cutoff;
    const reciprocal = hit ? 1 / rank : 0;
    const c = this.counts;
    c.cases++;
    c.hits += hit ? 1 : 0;
    c.reciprocal += reciprocal;
    if (newTarget) {
      c.newCases++;
      c.newHits += hit ? 1 : 0;
      c.newReciprocal += reciprocal;
    }
  }

  /** Adds another accumulator's counts (e.g. from a worker). */
  merge(other: RankingMetrics): void {
    for (const key of Object.keys(this.counts) as Array<keyof RankingMetrics['counts']>) {
      this.counts[key] += other.counts[key];
    }
  }

  /** The raw counts, for sending across threads. */
  toJSON(): RankingMetrics['counts'] {
    return { ...this.counts };
  }

  /** Rebuilds an accumulator from {@link RankingMetrics.toJSON}. */
  static fromJSON(counts: RankingMetrics['counts'], cutoff = 20): RankingMetrics {
    const metrics = new RankingMetrics(cutoff);
    metrics.counts = { ...counts };
    return metrics;
  }

  /** The scores so far, in %. */
  scores(): RankingScores {
    const c = this.counts;
    const pct = (x: number, n: number): number => (n > 0 ? (100 * x) / n : 0);
    return {
      cases: c.cases,
      hr: pct(c.hits, c.cases),
      mrr: pct(c.reciprocal, c.cases),
      newCases: c.newCases,
      newHr: pct(c.newHits, c.newCases),
      newMrr: pct(c.newReciprocal, c.newCases),
    };
  }
}

/**
 * The 1-based rank of `target` in `ranked` (0 if absent).
 * @param ranked recommended ids, best first
 * @param target the id that came next
 */
export function rankOf<T>(ranked: readonly T[], target: T): number {
  return ranked.indexOf(target) + 1;
}
