import { describe, expect, it } from 'vitest';
import { cooccurrence, recencyWeightedPopularity, sequentialRules } from '../src/index.js';

const q = (w: number): number => 2 ** (-Math.round(-16 * Math.log2(w)) / 16);

describe('neighbour lists', () => {
  it('sequential rules: 1/δ forward, β/δ backward, no self rules, rows divided by their max', () => {
    // session 0 1 0 2: 0→1 = 1 + 0.5 (backward of 1→0), 0→2 = 1/3 + 1, 0→0 skipped
    const rows = sequentialRules([[0, 1, 0, 2]], 3, { k: 5, backward: 0.5 });
    expect(rows[0]!.ids).toEqual([1, 2]);
    expect(rows[0]!.weights).toEqual([1, q(4 / 3 / 1.5)]);
    // 1: 1→0 (δ=1) 1, 1→2 1/2, backward 1→0 0.5 → 1→0 = 1.5
    expect(rows[1]!.ids).toEqual([0, 2]);
    expect(rows[1]!.weights).toEqual([1, q(0.5 / 1.5)]);
  });

  it('self rules (next clicks): repeats / the strongest other rule, capped at 1, after the top K', () => {
    // window 1: 0→0 twice, 0→1 once, 0→2 twice → self min(2, 2)/2 = 1; 1→1 once, 1→0 twice → 0.5
    const rows = sequentialRules([[0, 0, 1, 1, 0], [0, 0, 2], [0, 2], [1, 0]], 3, { k: 5, window: 1, backward: 0, self: true });
    expect(rows[0]!.ids).toEqual([2, 1, 0]);
    expect(rows[0]!.weights).toEqual([1, q(0.5), 1]);
    expect(rows[1]!.ids).toEqual([0, 1]);
    expect(rows[1]!.weights).toEqual([1, q(0.5)]);
    // an item only ever followed by itself has no other rule to scale by: no row
    expect(sequentialRules([[0, 0]], 1, { k: 5, window: 1, backward: 0, self: true })[0]).toBeUndefined();
  });

  it('keeps the top K per item, ties to the lower index', () => {
    const rows = sequentialRules([[0, 1], [0, 2], [0, 3]], 4, { k: 2, backward: 0 });
    expect(rows[0]!.ids).toEqual([1, 2]);
    expect(rows[3]).toBeUndefined();
  });

  it('asymmetric co-occurrence c(a,b) / (n(a)^0.8 · n(b)^0.2)', () => {
    const rows = cooccurrence([[0, 1], [0, 2], [0, 1, 1]], 3, { k: 5 });
    // n: 0→3, 1→2, 2→1; c(0,1)=2, c(0,2)=1 → 2/(3^.8·2^.2) vs 1/(3^.8·1)
    const s01 = 2 / (3 ** 0.8 * 2 ** 0.2);
    const s02 = 1 / 3 ** 0.8;
    expect(rows[0]!.ids).toEqual([1, 2]);
    expect(rows[0]!.weights[1]).toBe(q(s02 / s01));
  });

  it('popularity counts every click, later sessions more, maximum 1', () => {
    const pop = recencyWeightedPopularity([[0, 0], [1]], 3, 1);
    expect([...pop]).toEqual([1, 1, 0]);
    expect([...recencyWeightedPopularity([[0], [1]], 2, 1)]).toEqual([0.5, 1]);
  });
});
