/**
 * Lift per arm from private reports (docs/measurement.md#private-reports). Each report's value
 * went through randomized response on the device; this inverts it report by report: with keep
 * probability p over k values, `(1[value = j] − q) / (p − q)` (q = (1 − p) / (k − 1)) is an
 * unbiased estimate of "the true value is j". A measure's estimate per arm is the mean of those
 * per-report estimates, and its standard error the sample standard deviation over √n, which holds
 * both the visitors' own variation and the added noise: the intervals account for the noise.
 */
import { keepProbability, MEASURES, type Measure, type PrivateReport } from '@curio/core/internal';

/** z for a two-sided 95 % interval. */
const Z95 = 1.959964;

/** An estimate with its standard error and 95 % interval. */
export interface Estimate {
  reports: number;
  estimate: number;
  standardError: number;
  interval: [number, number];
}

/** One measure: per arm, and the lift of `curio` over `control` (absolute, and relative when the control's rate is clearly above 0). */
export interface MeasureLift {
  measure: Measure;
  arms: Partial<Record<PrivateReport['arm'], Estimate>>;
  difference?: Estimate;
  relative?: Estimate;
}

/** The whole report. */
export interface LiftReport {
  reports: number;
  days: [string, string] | [];
  epsilons: number[];
  measures: MeasureLift[];
}

/**
 * The value a revenue band stands for: the middle of its range; the top band (open-ended) 1.5×
 * its lower edge; band 0 (no order) nothing.
 */
export const bandValue = (band: number, bands: readonly number[]): number =>
  band === 0 ? 0 : band > bands.length ? 1.5 * bands[bands.length - 1]! : ((bands[band - 2] ?? 0) + bands[band - 1]!) / 2;

/** One report's unbiased estimate of its measure (a 0/1 rate, or revenue in the catalog's currency). */
export function unbiased(report: PrivateReport): number {
  const bands = report.bands ?? [];
  const values = report.measure === 'revenue' ? Array.from({ length: bands.length + 2 }, (_, band) => bandValue(band, bands)) : [0, 1];
  const k = values.length;
  const p = keepProbability(report.epsilon, k);
  const q = (1 - p) / (k - 1);
  const total = values.reduce((a, b) => a + b, 0);
  return (values[report.value]! - q * total) / (p - q);
}

const interval = (estimate: number, standardError: number): [number, number] => [estimate - Z95 * standardError, estimate + Z95 * standardError];

/** Mean and standard error of per-report estimates. */
export function estimate(xs: number[]): Estimate {
  const n = xs.length;
  const mean = n ? xs.reduce((a, b) => a + b, 0) / n : NaN;
  const variance = n > 1 ? xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) : NaN;
  const standardError = Math.sqrt(variance / n);
  return { reports: n, estimate: mean, standardError, interval: interval(mean, standardError) };
}

/** Lift per measure and arm over all `reports`. */
export function estimateLift(reports: readonly PrivateReport[]): LiftReport {
  const days = reports.map((r) => r.day).sort();
  const measures = MEASURES.map((measure): MeasureLift => {
    const arms: MeasureLift['arms'] = {};
    for (const arm of ['curio', 'control'] as const) {
      const xs = reports.filter((r) => r.measure === measure && r.arm === arm).map(unbiased);
      if (xs.length > 1) arms[arm] = estimate(xs);
    }
    const { curio, control } = arms;
    if (!curio || !control) return { measure, arms };
    const se = Math.hypot(curio.standardError, control.standardError);
    const diff = curio.estimate - control.estimate;
    const difference = { reports: curio.reports + control.reports, estimate: diff, standardError: se, interval: interval(diff, se) };
    // Relative lift by the delta method, only when the control's estimate is clearly positive.
    if (control.estimate <= 2 * control.standardError) return { measure, arms, difference };
    const ratio = curio.estimate / control.estimate;
    const relSe = Math.abs(ratio) * Math.hypot(curio.standardError / curio.estimate, control.standardError / control.estimate);
    return { measure, arms, difference, relative: { reports: difference.reports, estimate: ratio - 1, standardError: relSe, interval: interval(ratio - 1, relSe) } };
  });
  return { reports: reports.length, days: days.length ? [days[0]!, days[days.length - 1]!] : [], epsilons: [...new Set(reports.map((r) => r.epsilon))].sort(), measures };
}
