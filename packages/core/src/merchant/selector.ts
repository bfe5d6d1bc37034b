/** Item selectors of rules and collections, compiled once per catalog into bit sets. */
import type { InternedCatalog } from '../catalog/intern.js';
import { findCategories, inCategories } from '../catalog/lookup.js';
import type { ItemSelector } from '../types.js';

/** Candidates a boost or an unordered pin brings into a request: its most popular matches. */
const TOP_MATCHES = 100;

/** The items a selector matches. */
export interface CompiledSelector {
  /** Number of matching items. */
  size: number;
  has(i: number): boolean;
  /** Listed items (selector `items`) in their given order, else the most popular matches. */
  top: number[];
  /** True when `top` is the merchant's own order. */
  listed: boolean;
}

const list = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/**
 * Compiles a selector against the catalog; all given fields must match, a list means any of its
 * values. `byPopularity` is every item, most popular first (see {@link popularityOrder}).
 */
export function compileSelector(cat: InternedCatalog, s: ItemSelector, byPopularity: Uint32Array): CompiledSelector {
  const bits = new Uint32Array((cat.size >>> 5) + 1);
  const categories = list(s.category) && new Set(list(s.category)!.flatMap((c) => findCategories(cat, c)));
  const brands = list(s.brand) && new Set(list(s.brand)!.map((b) => cat.brandIndex.get(b) ?? -2));
  const pair = s.attribute && cat.attrIndex.get(`${s.attribute[0]}\u0000${s.attribute[1]}`);
  const tags = list(s.tag);
  const listed = s.items?.map((id) => cat.index.get(id)).filter((i): i is number => i !== undefined);
  const matches = (i: number): boolean => {
    if (categories && !inCategories(cat, i, categories)) return false;
    if (brands && !brands.has(cat.brand[i]!)) return false;
    if (s.attribute && (pair === undefined || !cat.attrPairs.subarray(cat.attrStart[i]!, cat.attrStart[i + 1]!).includes(pair))) return false;
    if (!tags) return true;
    const own = cat.tagsOf ? cat.tagsOf(i) : cat.products[i]!.tags;
    return tags.some((t) => own?.includes(t));
  };
  const members: number[] = [];
  for (const i of listed ?? byPopularity) {
    if (matches(i) && !(bits[i >>> 5]! & (1 << (i & 31)))) {
      bits[i >>> 5]! |= 1 << (i & 31);
      members.push(i);
    }
  }
  return { size: members.length, has: (i) => !!(bits[i >>> 5]! & (1 << (i & 31))), top: listed ? members : members.slice(0, TOP_MATCHES), listed: !!listed };
}

/** Every item, most popular first: computed once per catalog for all selectors. */
export function popularityOrder(cat: InternedCatalog): Uint32Array {
  return Uint32Array.from({ length: cat.size }, (_, i) => i).sort((a, b) => cat.popularity[b]! - cat.popularity[a]! || a - b);
}
