/**
 * `curio-catalog report`: lift from private reports. The simulation sends 20,000 synthetic
 * visitors with a known lift through the devices' own perturbation (`privateReport`, ε = 1) and
 * checks that the estimate recovers the truth within its stated interval — and that the
 * intervals are calibrated (they cover the truth about 95 % of the time over repeated runs).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_REVENUE_BANDS, privateReport, revenueBand, type DayCounts, type PrivateReport } from '@curio/core/internal';
import { bandValue, estimateLift, unbiased } from '../src/report/estimateLift.js';
import { readReports } from '../src/report/readReports.js';
import { runReport } from '../src/report/reportCommand.js';
// The benchmarks' seeded generator (mulberry32): every run sees the same visitors and noise.
import { prng as seeded } from '../../bench/generate.mjs';

/** The true behaviour per arm: Curio doubles clicks into picks and lifts orders from 10 % to 16 % of visitor-days. */
const TRUTH = {
  control: { shown: 0.9, clicked: 0.1, pick_cart: 0.04, pick_order: 0.02, ordered: 0.1, basket: 55 },
  curio: { shown: 0.9, clicked: 0.3, pick_cart: 0.12, pick_order: 0.08, ordered: 0.16, basket: 65 },
};
const TRUE_ORDER_LIFT = TRUTH.curio.ordered - TRUTH.control.ordered; // +6 points, +60 %

/** One synthetic visitor-day, coherent (an order from a pick is an order, and so on). */
function visitorDay(arm: 'curio' | 'control', random: () => number): DayCounts {
  const t = TRUTH[arm];
  const bit = (p: number): 0 | 1 => (random() < p ? 1 : 0);
  const shown = bit(t.shown);
  const clicked = shown && bit(t.clicked / t.shown);
  const pick_cart = clicked && bit(t.pick_cart / t.clicked);
  const pick_order = pick_cart && bit(t.pick_order / t.pick_cart);
  const ordered = pick_order || bit((t.ordered - t.pick_order) / (1 - t.pick_order));
  // Basket values spread log-normally around the arm's typical basket.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const revenue = ordered ? t.basket * Math.exp(0.6 * normal - 0.18) : 0;
  return { shown, clicked, pick_cart, pick_order, ordered, revenue };
}

/** Simulates `visitors` visitor-days; returns what the devices send and the exact (noise-free) per-arm means. */
function simulate(visitors: number, holdout: number, seed: number) {
  const random = seeded(seed);
  const reports: PrivateReport[] = [];
  const exact = { curio: { n: 0, ordered: 0, clicked: 0, revenue: 0 }, control: { n: 0, ordered: 0, clicked: 0, revenue: 0 } };
  for (let i = 0; i < visitors; i++) {
    const arm = random() < holdout ? 'control' : 'curio';
    const day = visitorDay(arm, random);
    const e = exact[arm];
    e.n++;
    e.ordered += day.ordered;
    e.clicked += day.clicked;
    e.revenue += bandValue(revenueBand(day.revenue, DEFAULT_REVENUE_BANDS), DEFAULT_REVENUE_BANDS);
    reports.push(privateReport(`2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, arm, day, 1, DEFAULT_REVENUE_BANDS, random));
  }
  return { reports, exact };
}

const covers = ([low, high]: [number, number], truth: number) => low <= truth && truth <= high;

describe('simulation: 20,000 synthetic visitors, ε = 1', () => {
  test('the estimated lift in orders recovers the true lift within its 95 % interval', () => {
    const { reports, exact } = simulate(20_000, 0.5, 21);
    const lift = estimateLift(reports);
    const ordered = lift.measures.find((m) => m.measure === 'ordered')!;
    expect(covers(ordered.difference!.interval, TRUE_ORDER_LIFT)).toBe(true);
    expect(covers(ordered.relative!.interval, TRUE_ORDER_LIFT / TRUTH.control.ordered)).toBe(true);
    // Precise enough to tell this lift from none: the interval excludes 0.
    expect(ordered.difference!.interval[0]).toBeGreaterThan(0);
    for (const arm of ['curio', 'control'] as const) {
      expect(covers(ordered.arms[arm]!.interval, TRUTH[arm].ordered)).toBe(true);
      // Revenue per visitor-day (in bands) and clicks, against the exact noise-free values.
      const revenue = lift.measures.find((m) => m.measure === 'revenue')!.arms[arm]!;
      expect(covers(revenue.interval, exact[arm].revenue / exact[arm].n)).toBe(true);
      const clicked = lift.measures.find((m) => m.measure === 'clicked')!.arms[arm]!;
      expect(covers(clicked.interval, exact[arm].clicked / exact[arm].n)).toBe(true);
    }
    // Without inverting the noise, the raw share of 1s is far from the truth: the inversion matters.
    const raw = reports.filter((r) => r.measure === 'ordered' && r.arm === 'control');
    expect(Math.abs(raw.filter((r) => r.value === 1).length / raw.length - TRUTH.control.ordered)).toBeGreaterThan(0.1);
  });

  test('the intervals are calibrated: over 40 runs they cover the true lift about 95 % of the time', () => {
    let covered = 0;
    for (let seed = 100; seed < 140; seed++) {
      const ordered = estimateLift(simulate(20_000, 0.5, seed).reports).measures.find((m) => m.measure === 'ordered')!;
      if (covers(ordered.difference!.interval, TRUE_ORDER_LIFT)) covered++;
    }
    // Binomial(40, 0.95): 34 or more with probability 99 %; a too-narrow interval (ignoring the noise) covers far less.
    expect(covered).toBeGreaterThanOrEqual(34);
  });

  test('with a 10 % holdout the control is small: the interval is honest about it', () => {
    const ordered = estimateLift(simulate(20_000, 0.1, 7).reports).measures.find((m) => m.measure === 'ordered')!;
    // Within 3 standard errors (99.7 %): one run at 95 % misses one time in twenty, as calibrated intervals do.
    expect(Math.abs(ordered.difference!.estimate - TRUE_ORDER_LIFT)).toBeLessThan(3 * ordered.difference!.standardError);
    const width = (e: { interval: [number, number] }) => e.interval[1] - e.interval[0];
    expect(width(ordered.arms.control!)).toBeGreaterThan(2 * width(ordered.arms.curio!));
  });
});

describe('reading reports', () => {
  test('each report is inverted without bias: the mean of per-report estimates over all noise outcomes is the truth', () => {
    for (const [value, truth] of [[0, 0], [1, 1]] as const) {
      // Exact expectation over randomized response at ε = 1: keep with p, flip with 1 − p.
      const p = Math.E / (1 + Math.E);
      const r = (v: number) => unbiased({ schema: 'curio-report/1', day: '2026-11-01', arm: 'curio', epsilon: 1, measure: 'ordered', value: v });
      expect(p * r(value) + (1 - p) * r(1 - value)).toBeCloseTo(truth, 10);
    }
  });

  test('lines that are not reports are counted and skipped; the command prints lift per arm', () => {
    const { reports } = simulate(2000, 0.5, 3);
    const dir = mkdtempSync(join(tmpdir(), 'curio-report-'));
    const file = join(dir, 'reports.jsonl');
    const lines = reports.map((r) => JSON.stringify(r));
    lines.push('not json', JSON.stringify({ ...reports[0], arm: 'other' }), JSON.stringify({ ...reports[0], visitor: 'abc' }).replace('"visitor":"abc",', ''), JSON.stringify({ ...reports[0], value: 7 }));
    writeFileSync(file, lines.join('\n'));
    expect(readReports(lines.join('\n')).invalid).toBe(3);
    const table = runReport([file]);
    expect(table).toMatch(/2001 reports, 2026-11-01 to 2026-11-28, ε 1 per visitor and day; 3 lines skipped/);
    expect(table).toMatch(/ordered \(share of visitor-days\)\n  curio .*\n  control .*\n  lift /);
    const json = JSON.parse(runReport([file, '--json', '--from', '2026-11-10']));
    expect(json.days).toEqual(['2026-11-10', '2026-11-28']);
    expect(() => runReport(['--from', 'soon', file])).toThrow(/--from needs a day/);
  });
});
