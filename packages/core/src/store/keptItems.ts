/**
 * Catalog data kept for the visitor's history items. A history item's neighbour rows (and, in a
 * compact catalog, its title) come in files fetched per item; fetching them on later pages would
 * tell the server the visitor's history. So they are fetched on the item's own page only (where
 * the server already knows the item), and kept here, in the visitor's own record: later pages
 * rank and explain from this copy without any request. Bounded, evicted with the history.
 */
import { isRecord } from '../errors.js';
import { eventItems } from '../events.js';
import type { KeptItem } from '../types.js';
import type { Mutation, StoredState } from './types.js';

/** At most this many items are kept, the most recently seen first (~1–3 KB each). */
export const MAX_KEPT_ITEMS = 100;
/** A sanity bound on a stored row (catalog rows are a few dozen neighbours). */
const MAX_ROW = 1000;
const MAX_TEXT = 500;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

/** A valid kept item, copied without other fields (or undefined). */
export function toKeptItem(v: unknown): KeptItem | undefined {
  if (!isRecord(v) || !isNum(v.at) || !isRecord(v.rows)) return undefined;
  const rows = new Map<string, [string[], number[]]>();
  for (const [list, row] of Object.entries(v.rows)) {
    if (!Array.isArray(row) || row.length !== 2) return undefined;
    const [ids, weights] = row as unknown[];
    if (!Array.isArray(ids) || !Array.isArray(weights) || ids.length !== weights.length || ids.length > MAX_ROW) return undefined;
    if (!ids.every((id) => text(id) && id) || !weights.every((w) => isNum(w) && w > 0)) return undefined;
    rows.set(list, [[...ids], [...weights]]);
  }
  const kept: KeptItem = { at: v.at, rows: Object.fromEntries(rows) };
  if (v.title !== undefined) {
    if (!text(v.title) || !v.title) return undefined;
    kept.title = v.title;
  }
  return kept;
}

/** Keeps (or refreshes) the catalog data of item `id`, seen on its own page. */
export const keepItem =
  (id: string, kept: KeptItem): Mutation =>
  (s) => {
    const all = new Map(Object.entries(s.kept ?? {}));
    all.delete(id);
    all.set(id, kept);
    return { ...s, kept: Object.fromEntries(all) };
  };

/**
 * Drops kept items that are no longer in the history (retention, a removed interest, forgetting)
 * and all but the {@link MAX_KEPT_ITEMS} most recently seen.
 */
export function evictKeptItems(state: StoredState): StoredState {
  if (!state.kept) return state;
  const history = new Set(Object.keys(state.aggregates.items));
  for (const e of state.events) for (const id of eventItems(e)) history.add(id);
  const entries = Object.entries(state.kept).filter(([id]) => history.has(id));
  if (entries.length > MAX_KEPT_ITEMS) entries.sort((a, b) => b[1].at - a[1].at).length = MAX_KEPT_ITEMS;
  const { kept: _, ...rest } = state;
  return entries.length ? { ...rest, kept: Object.fromEntries(entries) } : rest;
}
