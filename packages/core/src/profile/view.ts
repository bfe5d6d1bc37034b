/** The profile in words a preference center can show (ProfileView). */
import type { InternedCatalog } from '../catalog/intern.js';
import type { StoredState } from '../store/types.js';
import type { CollectionMatch, Consent, EventType, Interest, ProfileView, StorageMode } from '../types.js';
import type { Profile } from './profile.js';

const SHOWN = 10;

const strongest = (m: Map<number, number>): Array<[number, number]> => [...m].sort((a, b) => b[1] - a[1]).slice(0, SHOWN);
const strength = (v: number): number => Math.round(v * 100) / 100;
const top = (m: Map<number, number>, name: (k: number) => string): Interest[] => strongest(m).map(([k, v]) => ({ value: name(k), strength: strength(v) }));

/** Builds the shopper-facing view of a profile; `collections` are the visitor's matched collections. */
export function profileView(cat: InternedCatalog, profile: Profile, state: StoredState, consent: Consent, storage: StorageMode, collections: CollectionMatch[]): ProfileView {
  const recent = new Map<string, number>();
  for (let n = state.events.length - 1; n >= 0 && recent.size < 20; n--) {
    const e = state.events[n]!;
    for (const tracked of e.items ?? (e.item && e.type !== 'pick_dismiss' ? [e.item] : [])) {
      // Listed under the catalog's id, whichever alias the page tracked.
      const id = cat.products[cat.index.get(tracked) ?? -1]?.id;
      if (id !== undefined && !recent.has(id)) recent.set(id, e.at);
    }
  }
  const counts: Partial<Record<EventType, number>> = { ...state.aggregates.counts };
  for (const e of state.events) counts[e.type] = (counts[e.type] ?? 0) + 1;
  let band: number | undefined;
  let best = 0;
  for (const [b, v] of profile.prices) if (v > best) [band, best] = [b, v];
  const currency = cat.products[0]!.currency;
  return {
    interests: {
      categories: top(profile.categories, (c) => cat.categoryNames[c]!),
      brands: top(profile.brands, (b) => cat.brandNames[b]!),
      attributes: strongest(profile.attributes).map(([a, v]) => ({ name: cat.attrNames[a]![0], value: cat.attrNames[a]![1], strength: strength(v) })),
      ...(band === undefined ? {} : { priceRange: { min: Math.round(1.5 ** (band - 0.5)), max: Math.round(1.5 ** (band + 0.5)), currency } }),
    },
    recentItems: [...recent].map(([item, at]) => ({ item, title: cat.products[cat.index.get(item)!]!.title, at })),
    preferences: [...state.preferences],
    dismissed: [...state.dismissed],
    collections,
    eventCounts: counts,
    consent,
    storage,
  };
}
