import { describe, expect, it } from 'vitest';
import {
  evaluateBaseline,
  unrelatedVisits,
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

  it('finds unrelated visits: sessions sharing no category with the test session, the same for the same number', () => {
    const categories = new Map([['a', '1'], ['b', '1'], ['c', '2'], ['d', '3'], ['e', '2']]);
    const find = unrelatedVisits([['a', 'c'], ['d', 'd'], ['b', 'e'], ['x', 'd']], categories);
    // Only [d, d] shares no category with [a, e] (categories 1 and 2); [x, d] has an unknown item.
    for (let seed = 0; seed < 5; seed++) expect(find(['a', 'e'], seed)).toEqual(['d', 'd']);
    expect(find(['a', 'd', 'c'], 1)).toBeUndefined();
  });

  it('on the product page a baseline never picks the product on screen; a detour comes before the session', () => {
    const sr = sequentialRulesModel(train, 5);
    // Case [0] → 1 is a hit at rank 1 on home; on the product page of 0 the list drops 0 (not in it anyway): same.
    expect(evaluateBaseline(sr, [[0, 1]], () => {}, { placement: 'product' }).all.scores()).toMatchObject({ hr: 100 });
    // Case [2, 3] → 3: rules of 3 include 3 itself (3 → 3 in training), the product page never shows it.
    expect(evaluateBaseline(sr, [[2, 3, 3]], () => {}, { placement: 'product' }).all.scores().cases).toBe(2);
    const detoured = evaluateBaseline(sr, [[0, 1]], () => {}, { detour: () => [3, 3, 3] });
    expect(detoured.all.scores().hr).toBe(100);
  });

  it('evaluates both variants from one call', () => {
    const metrics = evaluateBaseline(sequentialRulesModel(train, 5), [[0, 1, 0]], () => {});
    // case 1: [0] → 1 is rank 1; case 2: [0, 1] → 0 is never recommended (no rule to 0)
    expect(metrics.all.scores()).toMatchObject({ cases: 2, hr: 50, mrr: 50, newCases: 1, newHr: 100 });
    expect(metrics.hideSeen.scores()).toMatchObject({ cases: 2, hr: 50 });
  });

  it('parses arguments', () => {
    expect(parseEvalArguments(['--train', 'a', '--test', 'b'], 2)).toEqual({ train: 'a', test: 'b', k: 20, workers: 2, placement: 'home', history: false, detour: false });
    expect(parseEvalArguments(['--train', 'a', '--test', 'b', '--placement', 'product', '--history', '--detour', '--sessions', '300', '--catalog', 'c.json'], 2)).toEqual({
      train: 'a', test: 'b', k: 20, workers: 2, placement: 'product', history: true, detour: true, sessions: 300, catalog: 'c.json',
    });
    expect(() => parseEvalArguments(['--train', 'a', '--test', 'b', '--placement', 'cart'], 2)).toThrow(/not measurable on click logs/);
    expect(() => parseEvalArguments(['--train', 'a', '--test', 'b', '--placement', 'shelf'], 2)).toThrow(/must be one of/);
    expect(() => parseEvalArguments(['--train', 'a'], 2)).toThrow(/required/);
    expect(() => parseEvalArguments(['--train', 'a', '--test', 'b', '--k', 'x'], 2)).toThrow(/positive integer/);
  });
});
