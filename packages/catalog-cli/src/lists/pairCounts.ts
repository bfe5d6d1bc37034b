/**
 * Sparse item × item accumulator: one Map per source item (a single Map would hit the engine's
 * size limit on large catalogs).
 */
export class PairCounts {
  private readonly rows: Array<Map<number, number> | undefined>;

  /** @param itemCount number of products */
  constructor(itemCount: number) {
    this.rows = new Array(itemCount);
  }

  /** Adds `value` to the pair a → b. */
  add(a: number, b: number, value: number): void {
    let row = this.rows[a];
    if (!row) this.rows[a] = row = new Map();
    row.set(b, (row.get(b) ?? 0) + value);
  }

  /** The accumulated row of `a`, if any. */
  row(a: number): ReadonlyMap<number, number> | undefined {
    return this.rows[a];
  }

  /** Number of source items. */
  get size(): number {
    return this.rows.length;
  }
}
