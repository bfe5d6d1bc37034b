/** A small coordinate-descent search over a grid of candidate values per parameter. */

/** One tunable parameter and the values tried for it. */
export interface SearchDimension<P> {
  name: string;
  values: number[];
  get(point: P): number;
  set(point: P, value: number): P;
}

/** One accepted improvement. */
export interface SearchStep {
  parameter: string;
  value: number;
  objective: number;
}

/** The outcome of {@link coordinateDescent}. */
export interface SearchResult<P> {
  best: P;
  objective: number;
  start: number;
  evaluations: number;
  steps: SearchStep[];
}

/**
 * Tries every candidate value of one parameter at a time, keeps the best, and repeats the
 * sweep until a round brings no improvement (or `rounds` sweeps are done). Points already
 * evaluated are not evaluated again.
 * @param start the starting point
 * @param dimensions parameters in sweep order
 * @param objective higher is better
 * @param key identifies equal points (for the cache)
 */
export function coordinateDescent<P>(
  start: P,
  dimensions: SearchDimension<P>[],
  objective: (point: P) => number,
  key: (point: P) => string,
  rounds = 2,
): SearchResult<P> {
  const cache = new Map<string, number>();
  const evaluate = (point: P): number => {
    const k = key(point);
    let value = cache.get(k);
    if (value === undefined) cache.set(k, (value = objective(point)));
    return value;
  };
  let best = start;
  let bestValue = evaluate(start);
  const startValue = bestValue;
  const steps: SearchStep[] = [];
  for (let round = 0; round < rounds; round++) {
    let improved = false;
    for (const dimension of dimensions) {
      for (const value of dimension.values) {
        if (value === dimension.get(best)) continue;
        const candidate = dimension.set(best, value);
        const candidateValue = evaluate(candidate);
        if (candidateValue > bestValue + 1e-9) {
          best = candidate;
          bestValue = candidateValue;
          improved = true;
          steps.push({ parameter: dimension.name, value, objective: candidateValue });
        }
      }
    }
    if (!improved) break;
  }
  return { best, objective: bestValue, start: startValue, evaluations: cache.size, steps };
}
