/**
 * Recency-weighted popularity: every click (or ordered item) counts, later sessions more —
 * a session's weight halves every `halfLife` sessions back from the newest.
 * @param sequences sessions or orders of product indexes, oldest first
 * @param itemCount number of products
 * @param halfLife half-life in sessions; default a tenth of the log (at least 1)
 * @returns popularity per product index, maximum 1 (all zeros for an empty log)
 */
export function recencyWeightedPopularity(sequences: number[][], itemCount: number, halfLife?: number): Float64Array {
  const popularity = new Float64Array(itemCount);
  const life = halfLife ?? Math.max(1, sequences.length / 10);
  const newest = sequences.length - 1;
  sequences.forEach((sequence, s) => {
    const weight = Math.pow(2, (s - newest) / life);
    for (const item of sequence) popularity[item]! += weight;
  });
  let max = 0;
  for (const p of popularity) if (p > max) max = p;
  if (max > 0) for (let i = 0; i < itemCount; i++) popularity[i] = popularity[i]! / max;
  return popularity;
}
