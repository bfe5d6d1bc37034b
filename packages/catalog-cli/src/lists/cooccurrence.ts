import type { NeighborRow } from './neighborTable.js';
import { PairCounts } from './pairCounts.js';
import { topNeighbors } from './topNeighbors.js';

/** Options of {@link cooccurrence}. */
export interface CooccurrenceOptions {
  /** Neighbours kept per item. */
  k: number;
  /** Exponent α of the asymmetric normalisation c(a,b) / (n(a)^α · n(b)^(1−α)). Default 0.8. */
  alpha?: number;
}

/**
 * Asymmetric co-occurrence: c(a,b) / (n(a)^α · n(b)^(1−α)), where n counts the sessions (or
 * orders) containing an item and c those containing both. Measured better than cosine (α = 0.5).
 * @param sequences sessions or orders of product indexes
 * @param itemCount number of products
 */
export function cooccurrence(
  sequences: number[][],
  itemCount: number,
  { k, alpha = 0.8 }: CooccurrenceOptions,
): Array<NeighborRow | undefined> {
  const counts = new PairCounts(itemCount);
  const containing = new Float64Array(itemCount);
  for (const sequence of sequences) {
    const distinct = [...new Set(sequence)];
    for (const a of distinct) containing[a]!++;
    if (distinct.length < 2) continue;
    for (const a of distinct) for (const b of distinct) if (a !== b) counts.add(a, b, 1);
  }
  return topNeighbors(counts, k, cooccurrenceScore(containing, alpha));
}

/**
 * The score of a pair from its counts, as both builders compute it (the SQL builder's candidates
 * are scored here too, so rows never depend on an engine's `pow`).
 * @param containing per product index, the sequences (of 2 or more clicks) holding it
 * @param alpha the exponent of the asymmetric normalisation
 */
export function cooccurrenceScore(containing: ArrayLike<number>, alpha: number): (a: number, b: number, together: number) => number {
  return (a, b, together) => together / (Math.pow(containing[a]!, alpha) * Math.pow(containing[b]!, 1 - alpha));
}
