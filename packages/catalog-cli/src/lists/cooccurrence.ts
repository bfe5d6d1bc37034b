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
  return topNeighbors(counts, k, (a, b, c) => c / (Math.pow(containing[a]!, alpha) * Math.pow(containing[b]!, 1 - alpha)));
}
