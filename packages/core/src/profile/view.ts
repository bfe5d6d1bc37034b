/** The profile in words a preference center can show (ProfileView). */
import type { InternedCatalog } from '../catalog/intern.js';
import type { StoredState } from '../store/types.js';
import { eventItems } from '../events.js';
import type { CollectionMatch, Consent, EventType, Interest, InterestEvidence, ProfileView, StorageMode } from '../types.js';
import { attributeEvidence, type Profile } from './profile.js';

const SHOWN = 10;

const strength = (v: number): number => Math.round(v * 100) / 100;

/** Which evidence count an event type adds to. */
const EVIDENCE: Partial<Record<EventType, keyof InterestEvidence>> = { view_item: 'viewed', pick_click: 'viewed', add_to_cart: 'carted', purchase: 'bought' };

/**
 * The evidence of every category, brand and attribute interest: the distinct products (groups)
 * looked at, carted and bought that speak for it, by the same rules the profile uses (an
 * attribute value only from the variant chosen or from products whose only value it is).
 */
function interestEvidence(cat: InternedCatalog, state: StoredState) {
  const seen = { categories: new Map<number, Set<string>>(), brands: new Map<number, Set<string>>(), attributes: new Map<number, Set<string>>() };
  const note = (m: Map<number, Set<string>>, k: number, key: string): void => void (m.get(k) ?? m.set(k, new Set()).get(k)!).add(key);
  const record = (id: string, kind: keyof InterestEvidence): void => {
    const i = cat.index.get(id);
    if (i === undefined) return;
    const key = `${kind}:${cat.lead[i]}`;
    note(seen.categories, cat.category[i]!, key);
    if (cat.brand[i]! >= 0) note(seen.brands, cat.brand[i]!, key);
    attributeEvidence(cat, i, kind !== 'viewed', (a) => note(seen.attributes, a, key));
  };
  for (const id of Object.keys(state.aggregates.items)) record(id, 'viewed');
  for (const e of state.events) {
    const kind = EVIDENCE[e.type];
    if (kind) for (const id of eventItems(e)) record(id, kind);
  }
  return (field: keyof typeof seen, k: number): InterestEvidence => {
    const counts: InterestEvidence = { viewed: 0, carted: 0, bought: 0 };
    for (const key of seen[field].get(k) ?? []) counts[key.slice(0, key.indexOf(':')) as keyof InterestEvidence]++;
    return counts;
  };
}

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
  const evidenceOf = interestEvidence(cat, state);
  /** The strongest interests that have evidence to show (nothing is shown that cannot be justified). */
  const top = (field: 'categories' | 'brands' | 'attributes', m: Map<number, number>): Array<[number, Interest]> =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]): [number, Interest] => [k, { value: '', strength: strength(v), evidence: evidenceOf(field, k) }])
      .filter(([, i]) => i.evidence.viewed + i.evidence.carted + i.evidence.bought > 0)
      .slice(0, SHOWN);
  return {
    interests: {
      categories: top('categories', profile.categories).map(([c, i]) => ({ ...i, value: cat.categoryNames[c]! })),
      brands: top('brands', profile.brands).map(([b, i]) => ({ ...i, value: cat.brandNames[b]! })),
      attributes: top('attributes', profile.attributes).map(([a, i]) => ({ ...i, name: cat.attrNames[a]![0], value: cat.attrNames[a]![1] })),
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
