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
  const life = halfLife ?? popularityHalfLife(sequences.length);
  const newest = sequences.length - 1;
  sequences.forEach((sequence, s) => {
    const weight = Math.pow(2, (s - newest) / life);
    for (const item of sequence) popularity[item]! += weight;
  });
  return divideByMax(popularity);
}

/**
 * Divides every value by the largest (in place); all zeros stay zeros.
 * @returns the same array
 */
export function divideByMax(values: Float64Array): Float64Array {
  let max = 0;
  for (const p of values) if (p > max) max = p;
  if (max > 0) for (let i = 0; i < values.length; i++) values[i] = values[i]! / max;
  return values;
}

/**
 * The default half-life of {@link recencyWeightedPopularity}: a tenth of the log, at least 1.
 * @param sequences number of sessions or orders in the log
 */
export function popularityHalfLife(sequences: number): number {
  return Math.max(1, sequences / 10);
}
