import type { NextItemModel } from './nextItemModel.js';

/** Items ordered by click count in the training sessions (ties: lower index first). */
export function popularityRanking(train: readonly number[][], itemCount: number): number[] {
  const counts = new Float64Array(itemCount);
  for (const session of train) for (const item of session) if (item >= 0) counts[item]!++;
  return [...Array(itemCount).keys()].filter((i) => counts[i]! > 0).sort((a, b) => counts[b]! - counts[a]! || a - b);
}

/** `pop`: the globally most clicked items, the same for everyone. */
export function popularityModel(ranking: readonly number[]): NextItemModel {
  return { name: 'pop', recommend: (_prefix, limit) => ranking.slice(0, limit) };
}

/** `spop`: the session's own items first (by frequency, then recency), then global popularity. */
export function sessionPopularityModel(ranking: readonly number[]): NextItemModel {
  return {
    name: 'spop',
    recommend(prefix, limit) {
      const score = new Map<number, number>();
      prefix.forEach((item, position) => {
        if (item >= 0) score.set(item, Math.floor(score.get(item) ?? 0) + 1 + position / (prefix.length + 1));
      });
      const picks = [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)! || a - b).slice(0, limit);
      for (const item of ranking) {
        if (picks.length >= limit) break;
        if (!score.has(item)) picks.push(item);
      }
      return picks;
    },
  };
}
