import type { NextItemModel } from './nextItemModel.js';
import { topScored } from './topScored.js';

/**
 * `sr` (sequential rules, Ludewig & Jannach 2018): a → b gets 1/δ for every b that follows a
 * within 10 steps (δ = distance; a → a too, as in session-rec); each item keeps its 20 strongest rules. A prefix's
 * scores add the rules of each click weighted 1/(distance from the end + 1).
 * @param train training sessions (product indexes)
 * @param itemCount number of products
 */
export function sequentialRulesModel(train: readonly number[][], itemCount: number, window = 10, rulesPerItem = 20): NextItemModel {
  const pairs: Array<Map<number, number> | undefined> = new Array(itemCount);
  for (const session of train) {
    for (let i = 0; i < session.length; i++) {
      const a = session[i]!;
      for (let j = i + 1; j < Math.min(session.length, i + window + 1); j++) {
        const b = session[j]!;
        const row = (pairs[a] ??= new Map());
        row.set(b, (row.get(b) ?? 0) + 1 / (j - i));
      }
    }
  }
  const rules = pairs.map((row) => {
    if (!row) return undefined;
    const top = [...row].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, rulesPerItem);
    return { ids: Int32Array.from(top, ([b]) => b), weights: Float64Array.from(top, ([, w]) => w) };
  });
  const score = new Float64Array(itemCount);
  return {
    name: 'sr',
    recommend(prefix, limit) {
      const touched: number[] = [];
      prefix.forEach((item, position) => {
        const row = item >= 0 ? rules[item] : undefined;
        if (!row) return;
        const weight = 1 / (prefix.length - position);
        for (let n = 0; n < row.ids.length; n++) {
          const b = row.ids[n]!;
          if (score[b] === 0) touched.push(b);
          score[b] += weight * row.weights[n]!;
        }
      });
      const picks = topScored(touched, score, limit);
      for (const b of touched) score[b] = 0;
      return picks;
    },
  };
}
