import type { NextItemModel } from './nextItemModel.js';
import { topScored } from './topScored.js';

/** Parameters of {@link vsknnModel} (session-rec's names). */
export interface VsknnOptions {
  /** Neighbours used for scoring. Default 100. */
  k?: number;
  /** Most recent candidate sessions considered. Default 500. */
  sampleSize?: number;
  /** Weight of the idf term: a neighbour's contribution to item i is scaled by (1 + idfWeighting · idf(i)). Default 1. */
  idfWeighting?: number;
}

/**
 * `vsknn` — vector-multiplication session-kNN (Ludewig & Jannach 2018, session-rec defaults):
 * candidates are the `sampleSize` most recent training sessions sharing an item with the prefix;
 * similarity is the dot product of the prefix vector (linear position decay: the p-th of n clicks
 * weighs p/n) with the neighbour's binary vector; the `k` most similar neighbours vote for their
 * items with similarity × 1/(steps back to the latest shared click) × (1 + w·idf).
 * @param train training sessions (product indexes), oldest first
 * @param itemCount number of products
 */
export function vsknnModel(train: readonly number[][], itemCount: number, options: VsknnOptions = {}): NextItemModel {
  const { k = 100, sampleSize = 500, idfWeighting = 1 } = options;
  const sessionItems = train.map((session) => Int32Array.from(new Set(session.filter((i) => i >= 0))));
  const sessionsOf: number[][] = Array.from({ length: itemCount }, () => []);
  sessionItems.forEach((items, s) => {
    for (const item of items) sessionsOf[item]!.push(s);
  });
  const idf = Float64Array.from(sessionsOf, (list) => (list.length > 0 ? Math.log(train.length / list.length) : 0));
  const position = new Float64Array(itemCount);
  const seenMark = new Uint32Array(train.length);
  let stamp = 0;
  const score = new Float64Array(itemCount);
  return {
    name: 'vsknn',
    recommend(prefix, limit) {
      const known = prefix.filter((i) => i >= 0);
      if (known.length === 0) return [];
      stamp++;
      const candidates: number[] = [];
      for (const item of new Set(known)) {
        for (const s of sessionsOf[item]!) {
          if (seenMark[s] !== stamp) {
            seenMark[s] = stamp;
            candidates.push(s);
          }
        }
      }
      const sample = candidates.length > sampleSize ? candidates.sort((a, b) => b - a).slice(0, sampleSize) : candidates;
      known.forEach((item, p) => {
        position[item] = (p + 1) / known.length;
      });
      const similar: Array<[number, number]> = [];
      for (const s of sample) {
        let similarity = 0;
        for (const item of sessionItems[s]!) similarity += position[item]!;
        if (similarity > 0) similar.push([s, similarity]);
      }
      for (const item of known) position[item] = 0;
      similar.sort((a, b) => b[1] - a[1] || b[0] - a[0]);
      const touched: number[] = [];
      for (const [s, similarity] of similar.slice(0, k)) {
        const items = sessionItems[s]!;
        let decay = 0;
        for (let step = 1; step <= known.length; step++) {
          if (items.includes(known[known.length - step]!)) {
            decay = 1 / step;
            break;
          }
        }
        const vote = similarity * decay;
        for (const item of items) {
          if (score[item] === 0) touched.push(item);
          score[item] += vote * (1 + idfWeighting * idf[item]!);
        }
      }
      const picks = topScored(touched, score, limit);
      for (const item of touched) score[item] = 0;
      return picks;
    },
  };
}
