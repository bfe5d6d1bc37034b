import { describe, expect, it } from 'vitest';
import { allCases, coordinateDescent, RankingMetrics, rankOf, sampleCases } from '../src/index.js';

describe('ranking metrics', () => {
  it('computes HR@20 and MRR@20 on hand-made cases', () => {
    const m = new RankingMetrics(20);
    m.add(1, true); // hit, 1
    m.add(4, false); // hit, 1/4
    m.add(0, true); // miss
    m.add(21, true); // beyond the cutoff: miss
    const s = m.scores();
    expect(s.cases).toBe(4);
    expect(s.hr).toBe(50);
    expect(s.mrr).toBeCloseTo((100 * 1.25) / 4);
    expect(s.newCases).toBe(3);
    expect(s.newHr).toBeCloseTo(100 / 3);
    expect(s.newMrr).toBeCloseTo(100 / 3);
  });

  it('merges counts from workers', () => {
    const a = new RankingMetrics();
    a.add(2, true);
    const b = RankingMetrics.fromJSON(a.toJSON());
    b.merge(a);
    expect(b.scores()).toMatchObject({ cases: 2, hr: 100, mrr: 50 });
  });

  it('ranks 1-based and 0 for absent', () => {
    expect(rankOf(['a', 'b'], 'b')).toBe(2);
    expect(rankOf(['a'], 'z')).toBe(0);
  });

  it('makes one case per prefix and samples evenly', () => {
    expect(allCases([[1, 2, 3], [4, 5]])).toEqual([
      { session: 0, prefix: 1 },
      { session: 0, prefix: 2 },
      { session: 1, prefix: 1 },
    ]);
    const cases = Array.from({ length: 10 }, (_, i) => ({ session: i, prefix: 1 }));
    expect(sampleCases(cases, 5).map((c) => c.session)).toEqual([0, 2, 4, 6, 8]);
  });

  it('coordinate descent finds the grid optimum of a separable objective', () => {
    const result = coordinateDescent(
      { x: 0, y: 0 },
      [
        { name: 'x', values: [0, 1, 2, 3], get: (p) => p.x, set: (p, x) => ({ ...p, x }) },
        { name: 'y', values: [0, 1, 2], get: (p) => p.y, set: (p, y) => ({ ...p, y }) },
      ],
      (p) => -((p.x - 2) ** 2) - (p.y - 1) ** 2,
      (p) => `${p.x},${p.y}`,
    );
    expect(result.best).toEqual({ x: 2, y: 1 });
    expect(result.steps.map((s) => s.parameter)).toEqual(['x', 'x', 'y']);
  });
});
