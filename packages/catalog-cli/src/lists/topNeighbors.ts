import { dequantizeWeight, quantizeWeight } from '@curio/core/internal';
import type { NeighborRow } from './neighborTable.js';
import type { PairCounts } from './pairCounts.js';

/**
 * Keeps the `k` strongest neighbours of every item, divided by the row maximum and rounded to
 * the 8-bit log scale of the shard format — so inline rows and shards carry the same weights.
 * Ties go to the lower product index, which keeps output deterministic.
 * @param counts accumulated pair scores
 * @param k neighbours per item
 * @param score optional rescoring of a pair's accumulated value (e.g. normalisation by counts)
 */
export function topNeighbors(
  counts: PairCounts,
  k: number,
  score: (a: number, b: number, value: number) => number = (_a, _b, value) => value,
): Array<NeighborRow | undefined> {
  const rows: Array<NeighborRow | undefined> = new Array(counts.size);
  for (let a = 0; a < counts.size; a++) {
    const row = counts.row(a);
    if (!row) continue;
    const pairs: Array<[number, number]> = [];
    for (const [b, value] of row) {
      const s = score(a, b, value);
      if (s > 0) pairs.push([b, s]);
    }
    if (pairs.length === 0) continue;
    pairs.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const kept = pairs.slice(0, k);
    const max = kept[0]![1];
    rows[a] = {
      ids: kept.map(([b]) => b),
      weights: kept.map(([, s]) => dequantizeWeight(quantizeWeight(s, max))),
    };
  }
  return rows;
}
