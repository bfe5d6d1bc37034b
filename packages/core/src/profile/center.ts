/**
 * What only a preference center needs, in a lazy chunk so that ordinary page views never load it:
 * the profile in words, forgetting an interest, and the data export.
 */
import type { InternedCatalog } from '../catalog/intern.js';
import { findCategories, inCategories } from '../catalog/lookup.js';
import { eventItems } from '../events.js';
import { SCHEMA_VERSION, type Mutation, type StoredState } from '../store/types.js';
import type { Consent, ExportedData, StorageMode } from '../types.js';

export { profileView } from './view.js';
export { readDatabase } from '../store/readDatabase.js';

/** Which items an interest covers, as a predicate on item ids. */
export function interestMatcher(cat: InternedCatalog, kind: 'item' | 'category' | 'brand' | 'attribute', value: string | [string, string]): (id: string) => boolean {
  if (kind === 'item') {
    // The product's id and every alias it was tracked under.
    const item = cat.index.get(String(value));
    return (id) => id === value || (item !== undefined && cat.index.get(id) === item);
  }
  if (kind === 'category') {
    const cats = new Set(findCategories(cat, String(value)));
    return (id) => cat.index.has(id) && inCategories(cat, cat.index.get(id)!, cats);
  }
  if (kind === 'brand') return (id) => cat.products[cat.index.get(id) ?? -1]?.brand === value;
  const [name, v] = value as [string, string];
  return (id) => {
    const a = cat.products[cat.index.get(id) ?? -1]?.attributes?.[name];
    return a === v || (Array.isArray(a) && a.includes(v));
  };
}

/**
 * Forgets the events (and folded history) about items matching `covers`. Dismissals are kept
 * unless `undismiss` (removing one item's entry also takes back "not interested").
 */
export const removeItems =
  (covers: (id: string) => boolean, undismiss = false): Mutation =>
  (s) => ({
    ...s,
    events: s.events
      .map((e) => (e.items ? { ...e, items: e.items.filter((id) => !covers(id)) } : e))
      .filter((e) => e.type === 'search' || (eventItems(e).length > 0 && !(e.item && covers(e.item) && (undismiss || e.type !== 'pick_dismiss')))),
    aggregates: { ...s.aggregates, items: Object.fromEntries(Object.entries(s.aggregates.items).filter(([id]) => !covers(id))) },
    dismissed: undismiss ? s.dismissed.filter((id) => !covers(id)) : s.dismissed,
  });

/** Everything stored about the visitor, as the JSON `exportData()` returns. */
export function exportOf(state: StoredState, consent: Consent, storage: StorageMode, now: number): ExportedData {
  return {
    format: 'curio-export',
    version: SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    consent,
    storage,
    events: [...state.events],
    aggregates: state.aggregates,
    preferences: state.preferences,
    dismissed: state.dismissed,
    ...(state.landing && { landing: state.landing }),
    ...(state.kept && { kept: state.kept }),
    ...(state.measurement !== undefined && { measurement: state.measurement }),
  };
}
