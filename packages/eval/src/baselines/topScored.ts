/**
 * The `limit` best items of a sparse score table, ties broken by the lower index.
 * @param items candidate items
 * @param score their scores (dense by item)
 * @param limit how many to return
 */
export function topScored(items: readonly number[], score: ArrayLike<number>, limit: number): number[] {
  return [...items].sort((a, b) => score[b]! - score[a]! || a - b).slice(0, limit);
}
