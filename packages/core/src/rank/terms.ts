/**
 * The additive terms of an item's score. One function computes them for both ranking (summed)
 * and explanation (itemised), so a reason can only name what really counted.
 */
import type { InternedCatalog } from '../catalog/intern.js';
import type { Evidence, Profile } from '../profile/profile.js';
import { DEFAULT_LIST_WEIGHT } from '../catalog/weights.js';
import { forEachMatch, type ResolvedPreferences } from './preferences.js';

/** What a term is about; with `key` (an interned index, or a preference number) it names the evidence. */
export type TermKind =
  | 'neighbor'
  | 'reshow'
  | 'category'
  | 'brand'
  | 'attribute'
  | 'price'
  | 'preference'
  | 'search_category'
  | 'search_brand'
  | 'popularity'
  | 'rating'
  | 'rule'
  | 'collection';

/** Receives each term: kind, evidence key, list index (neighbour terms) and value. */
export type TermSink = (kind: TermKind, key: number, value: number, list: number) => void;

/** Scale of one evidence item's contributions through list `l`. */
export function neighborFactor(cat: InternedCatalog, e: Evidence, l: number): number {
  if (e.boughtOnly && cat.lists[l]!.kind !== 'bought_together') return 0;
  const lw = cat.weights.lists[cat.lists[l]!.id] ?? DEFAULT_LIST_WEIGHT;
  return lw.weight * e.weight * (e.steps < 0 ? 1 : Math.max((1 + e.steps) ** -lw.decay, e.floor));
}

/** Emits the neighbour terms of every evidence item into a dense score array (ranking path); the ranking adds them to the neighbour's group. */
export function addNeighborScores(cat: InternedCatalog, profile: Profile, add: (item: number, value: number) => void): void {
  for (const e of profile.evidence) {
    for (let l = 0; l < cat.lists.length; l++) {
      const row = cat.rows.row(l, e.item);
      if (!row) continue;
      const f = neighborFactor(cat, e, l);
      if (!(f > 0)) continue;
      for (let k = 0; k < row.ids.length; k++) add(row.ids[k]!, f * row.weights[k]!);
    }
  }
}

/** The products of item j's group (its variants), or j alone. */
export const groupOf = (cat: InternedCatalog, j: number): readonly number[] => cat.variants.get(cat.lead[j]!) ?? [j];

/**
 * Emits the neighbour terms of item j's group, one per evidence occurrence, list and variant
 * listed (explanation path). A row listing the group itself (repeat clicks, another variant)
 * is reported as a re-show of j.
 */
export function neighborTerms(cat: InternedCatalog, profile: Profile, j: number, sink: TermSink): void {
  const group = groupOf(cat, j);
  for (const e of profile.evidence) {
    const own = cat.lead[e.item] === cat.lead[j];
    for (let l = 0; l < cat.lists.length; l++) {
      const row = cat.rows.row(l, e.item);
      if (!row) continue;
      for (const m of group) {
        const k = row.ids.indexOf(m);
        if (k >= 0) sink(own ? 'reshow' : 'neighbor', e.item, neighborFactor(cat, e, l) * row.weights[k]!, own ? -1 : l);
      }
    }
  }
}

/** Emits every non-neighbour term of item j (affinities, preferences, search, priors). */
export function itemTerms(cat: InternedCatalog, profile: Profile, prefs: ResolvedPreferences, j: number, sink: TermSink): void {
  const w = cat.weights;
  const reshow = profile.reshow.get(cat.lead[j]!);
  if (reshow) sink('reshow', j, w.reshow * reshow, -1);
  const c = cat.category[j]!;
  const ca = profile.categories.get(c);
  if (ca) sink('category', c, ca * (w.category + w.categoryPopularity * cat.categoryPopularity[j]!), -1);
  const b = cat.brand[j]!;
  const ba = b >= 0 ? profile.brands.get(b) : undefined;
  if (ba) sink('brand', b, w.brand * ba, -1);
  const from = cat.attrStart[j]!;
  const to = cat.attrStart[j + 1]!;
  if (profile.attributes.size && to > from) {
    for (let k = from; k < to; k++) {
      const a = profile.attributes.get(cat.attrPairs[k]!);
      if (a) sink('attribute', cat.attrPairs[k]!, (w.attribute * a) / (to - from), -1);
    }
  }
  const pa = profile.prices.get(cat.priceBand[j]!);
  if (pa) sink('price', cat.priceBand[j]!, w.price * pa, -1);
  if (profile.likes.length) forEachMatch(cat, prefs, j, (p) => sink('preference', profile.likes.indexOf(p), w.preference, -1));
  if (profile.searchCategories.has(c)) sink('search_category', c, w.category, -1);
  if (b >= 0 && profile.searchBrands.has(b)) sink('search_brand', b, w.brand, -1);
  if (cat.popularity[j]) sink('popularity', j, w.popularity * cat.popularity[j]!, -1);
  if (cat.quality[j]) sink('rating', j, w.rating * cat.quality[j]!, -1);
}
