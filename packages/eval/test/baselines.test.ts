import { describe, expect, it } from 'vitest';
import {
  evaluateBaseline,
  parseEvalArguments,
  popularityModel,
  popularityRanking,
  sequentialRulesModel,
  sessionPopularityModel,
  vsknnModel,
} from '../src/index.js';

const train = [
  [0, 1, 2],
  [0, 1],
  [3, 1],
  [2, 3, 3],
];

describe('baselines', () => {
  it('pop and spop', () => {
    const ranking = popularityRanking(train, 5);
    expect(ranking).toEqual([1, 3, 0, 2]);
    expect(popularityModel(ranking).recommend([4], 2)).toEqual([1, 3]);
    // session items by frequency, then recency, then popularity
    expect(sessionPopularityModel(ranking).recommend([2, 0, 2, 4], 4)).toEqual([2, 4, 0, 1]);
  });

  it('sr: rules 1/δ within the window, prefix clicks weighted 1/(distance from the end + 1)', () => {
    const sr = sequentialRulesModel(train, 5);
    // rules of 1: none; of 0: 1 (1+1), 2 (1/2); of 3: 1 (1), 3 (1)
    expect(sr.recommend([0], 5)).toEqual([1, 2]);
    // prefix [3, 0]: 0 counts 1, 3 counts 1/2 → 1: 2 + 0.5, 3: 0.5, 2: 0.5
    expect(sr.recommend([3, 0], 5)).toEqual([1, 2, 3]);
  });

  it('vsknn votes with similar sessions, weighted by recency of the shared click', () => {
    const model = vsknnModel(train, 5, { idfWeighting: 0 });
    const picks = model.recommend([2, 0], 3);
    // sessions sharing 0 (weight 1) outvote the session sharing only 2 (weight 1/2)
    expect(picks[0]).toBe(0);
    expect(picks).toContain(1);
    expect(model.recommend([4], 3)).toEqual([]);
  });

  it('evaluates both variants from one call', () => {
    const metrics = evaluateBaseline(sequentialRulesModel(train, 5), [[0, 1, 0]], () => {});
    // case 1: [0] → 1 is rank 1; case 2: [0, 1] → 0 is never recommended (no rule to 0)
    expect(metrics.all.scores()).toMatchObject({ cases: 2, hr: 50, mrr: 50, newCases: 1, newHr: 100 });
    expect(metrics.hideSeen.scores()).toMatchObject({ cases: 2, hr: 50 });
  });

  it('parses arguments', () => {
    expect(parseEvalArguments(['--train', 'a', '--test', 'b'], 2)).toEqual({ train: 'a', test: 'b', k: 20, workers: 2 });
    expect(() => parseEvalArguments(['--train', 'a'], 2)).toThrow(/required/);
    expect(() => parseEvalArguments(['--train', 'a', '--test', 'b', '--k', 'x'], 2)).toThrow(/positive integer/);
  });
});
