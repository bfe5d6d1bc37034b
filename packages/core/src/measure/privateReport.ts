/**
 * The daily report's local differential privacy (docs/privacy.md#what-a-report-contains). Each
 * report carries ONE of the day's measures, chosen at random independently of the data, and
 * that measure's value after randomized response with the whole daily budget ε:
 * - a yes/no measure is kept with probability e^ε / (1 + e^ε) and flipped otherwise;
 * - the revenue band (one of k bands, 0 = no order) is kept with probability e^ε / (e^ε + k − 1)
 *   and otherwise replaced by one of the other k − 1 bands, uniformly (k-ary randomized response).
 * Whatever the visitor did that day, any report is at most e^ε times likelier than under any other
 * day: ε-local differential privacy per day. Shared with `curio-catalog report`, which inverts it.
 */

/** The measures of a visitor's day (docs/measurement.md). */
export const MEASURES = ['shown', 'clicked', 'pick_cart', 'pick_order', 'ordered', 'revenue'] as const;

/** One measure's name. */
export type Measure = (typeof MEASURES)[number];

/**
 * How often each measure is the one reported: the lift measures (orders, revenue) more often,
 * the funnel measures less. Independent of the data, so the choice reveals nothing.
 */
export const MEASURE_SHARE: Record<Measure, number> = { shown: 0.1, clicked: 0.1, pick_cart: 0.1, pick_order: 0.1, ordered: 0.3, revenue: 0.3 };

/** Default revenue band edges, in the catalog's currency: bands 0 (no order), (0, 25], (25, 50], (50, 100], (100, 200], over 200. */
export const DEFAULT_REVENUE_BANDS = [25, 50, 100, 200];

/** Default privacy budget per visitor and day. */
export const DEFAULT_EPSILON = 1;

/** What the device knows about one day, before any noise. */
export interface DayCounts {
  shown: 0 | 1;
  clicked: 0 | 1;
  pick_cart: 0 | 1;
  pick_order: 0 | 1;
  ordered: 0 | 1;
  /** Revenue of the day's orders (catalog prices). */
  revenue: number;
}

/** The body of a report, exactly as sent (JSON schema in docs/privacy.md). */
export interface PrivateReport {
  schema: 'curio-report/1';
  /** The UTC day the report describes, `YYYY-MM-DD`. */
  day: string;
  arm: 'curio' | 'control';
  epsilon: number;
  measure: Measure;
  /** 0 or 1, or a revenue band index from 0 (no order) to `bands.length`. */
  value: number;
  /** Revenue band edges (revenue reports only). */
  bands?: number[];
}

/** Probability that randomized response keeps the true value among `k` possible values. */
export const keepProbability = (epsilon: number, k: number): number => Math.exp(epsilon) / (Math.exp(epsilon) + k - 1);

/** The band of a revenue: 0 for none, else 1 + the number of edges below it. */
export const revenueBand = (revenue: number, bands: readonly number[]): number => (revenue > 0 ? 1 + bands.filter((edge) => revenue > edge).length : 0);

/** The measure whose cumulative share covers `u` in [0, 1). */
const pickMeasure = (u: number): Measure => {
  let sum = 0;
  for (const m of MEASURES) if (u < (sum += MEASURE_SHARE[m])) return m;
  return MEASURES[MEASURES.length - 1]!;
};

/** Randomized response over `k` values: the truth with {@link keepProbability}, else another value uniformly. */
export function randomizedResponse(truth: number, k: number, epsilon: number, random: () => number): number {
  if (random() < keepProbability(epsilon, k)) return truth;
  const other = Math.floor(random() * (k - 1));
  return other >= truth ? other + 1 : other;
}

/** A day's counts as the report the device sends: one measure, perturbed. `random` is injectable for tests. */
export function privateReport(day: string, arm: PrivateReport['arm'], counts: DayCounts, epsilon: number, bands: readonly number[], random: () => number = Math.random): PrivateReport {
  const measure = pickMeasure(random());
  const revenue = measure === 'revenue';
  const k = revenue ? bands.length + 2 : 2;
  const value = randomizedResponse(revenue ? revenueBand(counts.revenue, bands) : counts[measure], k, epsilon, random);
  return { schema: 'curio-report/1', day, arm, epsilon, measure, value, ...(revenue && { bands: [...bands] }) };
}
