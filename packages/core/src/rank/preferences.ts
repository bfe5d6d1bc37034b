/** Explicit preferences resolved against the catalog: which categories, brands and attributes they name. */
import type { InternedCatalog } from '../catalog/intern.js';
import { findCategories } from '../catalog/lookup.js';
import type { Preference } from '../types.js';

/** Interned targets of a set of preferences, each mapped back to its preference (the evidence). */
export interface ResolvedPreferences {
  categories: Map<number, Preference>;
  brands: Map<number, Preference>;
  attributes: Map<number, Preference>;
  prices: Preference[];
}

/** Resolves preferences; ones naming nothing in the catalog are ignored. */
export function resolvePreferences(cat: InternedCatalog, prefs: Preference[]): ResolvedPreferences {
  const out: ResolvedPreferences = { categories: new Map(), brands: new Map(), attributes: new Map(), prices: [] };
  for (const p of prefs) {
    if (p.kind === 'category' && typeof p.value === 'string') for (const c of findCategories(cat, p.value)) out.categories.set(c, p);
    else if (p.kind === 'brand' && typeof p.value === 'string') {
      const b = cat.brandIndex.get(p.value);
      if (b !== undefined) out.brands.set(b, p);
    } else if (p.kind === 'price') out.prices.push(p);
    else if (p.kind === 'attribute' && Array.isArray(p.value)) {
      const a = cat.attrIndex.get(`${p.value[0]}\u0000${p.value[1]}`);
      if (a !== undefined) out.attributes.set(a, p);
    }
  }
  return out;
}

/** Calls `match` for every preference item `i` satisfies. */
export function forEachMatch(cat: InternedCatalog, prefs: ResolvedPreferences, i: number, match: (p: Preference) => void): void {
  if (prefs.categories.size) {
    for (let c = cat.category[i]!; c >= 0; c = cat.categoryParent[c]!) {
      const p = prefs.categories.get(c);
      if (p) match(p);
    }
  }
  const b = prefs.brands.get(cat.brand[i]!);
  if (b) match(b);
  for (const p of prefs.prices) {
    const [min, max] = p.value as [number, number];
    if (cat.products[i]!.price >= min && cat.products[i]!.price <= max) match(p);
  }
  if (prefs.attributes.size) {
    for (let k = cat.attrStart[i]!; k < cat.attrStart[i + 1]!; k++) {
      const p = prefs.attributes.get(cat.attrPairs[k]!);
      if (p) match(p);
    }
  }
}

/** True when item `i` matches any preference in `prefs`. */
export function matchesAny(cat: InternedCatalog, prefs: ResolvedPreferences, i: number): boolean {
  let hit = false;
  forEachMatch(cat, prefs, i, () => (hit = true));
  return hit;
}
