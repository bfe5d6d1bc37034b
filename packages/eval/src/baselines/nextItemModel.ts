/** What the baselines implement: items are product indexes. */
export interface NextItemModel {
  /** Short name used in the report (`pop`, `spop`, `sr`, `vsknn`). */
  readonly name: string;
  /**
   * Scores candidates for the next click after `prefix` and returns the best `limit`, best first.
   * @param prefix the session's clicks so far (product indexes, unknown items as −1)
   * @param limit how many to return
   */
  recommend(prefix: readonly number[], limit: number): number[];
}
