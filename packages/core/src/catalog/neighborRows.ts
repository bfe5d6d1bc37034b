/** Per-item neighbour rows of every list, as typed arrays, filled inline or from lazy shards. */
import type { ItemIndex } from './intern.js';

/** One item's neighbours in one list; weights are divided by the row's maximum (top = 1). */
export interface NeighborRow {
  ids: Uint32Array;
  weights: Float32Array;
}

/**
 * Neighbour rows by list and item; unknown neighbours are dropped on the way in. A row may list
 * its own item (a list of next clicks counts repeated clicks: the item's propensity to be
 * clicked again); the ranking explains that term as a re-show.
 */
export class NeighborRows {
  private readonly byList: Array<Map<number, NeighborRow>>;

  /**
   * @param listCount number of lists in the catalog
   * @param index product id → item index
   */
  constructor(listCount: number, private readonly index: ItemIndex) {
    this.byList = Array.from({ length: listCount }, () => new Map());
  }

  /** The row of `item` in list `list`, if known. */
  row(list: number, item: number): NeighborRow | undefined {
    return this.byList[list]!.get(item);
  }

  /** Adds rows given as JSON: item id → `[neighbour id, weight][]`. */
  addJsonRows(list: number, rows: Record<string, Array<[string, number]>>): void {
    for (const [id, pairs] of Object.entries(rows)) {
      const item = this.index.get(id);
      if (item === undefined || !Array.isArray(pairs)) continue;
      const ids: number[] = [];
      const weights: number[] = [];
      for (const pair of pairs) {
        const j = Array.isArray(pair) ? this.index.get(pair[0]) : undefined;
        const w = Array.isArray(pair) ? pair[1] : NaN;
        if (j === undefined || !(w > 0) || !Number.isFinite(w)) continue;
        ids.push(j);
        weights.push(w);
      }
      this.set(list, item, ids, weights);
    }
  }

  /** Sets the row of `item` in list `list` (ignored if there is no such list) from neighbour indexes and weights > 0. */
  set(list: number, item: number, ids: number[], weights: number[]): void {
    const max = Math.max(0, ...weights);
    if (!ids.length || !(max > 0)) return;
    this.byList[list]?.set(item, { ids: Uint32Array.from(ids), weights: Float32Array.from(weights, (w) => w / max) });
  }
}
