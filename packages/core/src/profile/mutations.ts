/** Pure state changes behind the public API; each is re-applied to the freshest stored copy. */
import type { InternedCatalog } from '../catalog/intern.js';
import { findCategories, inCategories } from '../catalog/lookup.js';
import { eventItems } from '../events.js';
import { mergeEvents } from '../store/state.js';
import type { Mutation } from '../store/types.js';
import type { Preference, PreferenceUpdate, StoredEvent } from '../types.js';

const sameTarget = (a: Preference, b: Preference): boolean => a.kind === b.kind && String(a.value) === String(b.value);

/** Appends events (deduplicated by id); dismissals also go to the dismissed list. */
export const appendEvents =
  (events: StoredEvent[]): Mutation =>
  (s) => {
    const dismissed = events.filter((e) => e.type === 'pick_dismiss' && !s.dismissed.includes(e.item!)).map((e) => e.item!);
    return { ...s, events: mergeEvents(s.events, events), dismissed: dismissed.length ? [...s.dismissed, ...new Set(dismissed)] : s.dismissed };
  };

/** Sets (or removes) one explicit preference; a new statement about the same target replaces the old one. */
export const updatePreference =
  (update: PreferenceUpdate): Mutation =>
  (s) => {
    const pref: Preference = { kind: update.kind, value: update.value, like: update.like };
    const rest = s.preferences.filter((p) => !sameTarget(p, pref));
    return { ...s, preferences: update.remove ? rest : [...rest, pref] };
  };

/** Which items an interest covers, as a predicate on item ids. */
export function interestMatcher(cat: InternedCatalog, kind: 'item' | 'category' | 'brand' | 'attribute', value: string | [string, string]): (id: string) => boolean {
  if (kind === 'item') return (id) => id === value;
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
