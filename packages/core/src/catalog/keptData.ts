/**
 * Between the catalog and the visitor's kept copy of history items' data (store/keptItems.ts):
 * what to keep of an item once its own page has loaded its files, and putting kept data back
 * into the catalog on later pages, so they rank and explain without fetching anything.
 */
import type { KeptItem } from '../types.js';
import type { InternedCatalog } from './intern.js';

/** Which data of an item comes in per-item files (and so is kept for history items). */
export interface PerItemData {
  /** Neighbour rows come in shards (`neighborShards`). */
  rows: boolean;
  /** Product records come in shards (compact catalogs): titles of history items are kept. */
  titles: boolean;
}

/** What to keep of item `i`, seen at `at`, once its page has loaded its files; undefined if its data is not there (a failed shard). */
export function keptItemOf(cat: InternedCatalog, i: number, at: number, perItem: PerItemData): KeptItem | undefined {
  const rows: KeptItem['rows'] = {};
  if (perItem.rows) {
    cat.lists.forEach(({ id }, l) => {
      const row = cat.rows.row(l, i);
      if (row) rows[id] = [Array.from(row.ids, (j) => cat.products[j]!.id), Array.from(row.weights)];
    });
  }
  const kept: KeptItem = { at, rows };
  if (perItem.titles) {
    const title = cat.products[i]!.title;
    if (!title) return undefined;
    kept.title = title;
  }
  return kept;
}

/**
 * Puts kept rows and titles into the catalog for the items that lack them (rows fetched on this
 * page are newer and win). `adopted` remembers the items done, so a call costs only new ones.
 */
export function adoptKeptItems(cat: InternedCatalog, kept: Record<string, KeptItem> | undefined, adopted: Set<string>): void {
  for (const id in kept) {
    if (adopted.has(id)) continue;
    adopted.add(id);
    const i = cat.index.get(id);
    if (i === undefined) continue;
    const item = kept[id]!;
    if (!cat.lists.some((_, l) => cat.rows.row(l, i))) {
      cat.lists.forEach((list, l) => {
        const row = item.rows.hasOwnProperty(list.id) ? item.rows[list.id] : undefined;
        if (!row) return;
        const ids: number[] = [];
        const weights: number[] = [];
        row[0].forEach((nid, k) => {
          const j = cat.index.get(nid);
          if (j !== undefined) ids.push(j), weights.push(row[1][k]!);
        });
        cat.rows.set(l, i, ids, weights);
      });
    }
    const product = cat.products[i]!;
    if (!product.title && item.title) product.title = item.title;
  }
}
