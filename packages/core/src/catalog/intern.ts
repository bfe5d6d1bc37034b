/**
 * Interning: the validated catalog turned once into typed arrays, so ranking touches numbers
 * only (no per-item objects on the ranking path).
 */
import type { Product } from '../types.js';
import { resolveWeights, type RankingWeights } from './weights.js';
import type { NeighborKind } from './format.js';
import { NeighborRows } from './neighborRows.js';
import type { ValidatedCatalog } from './validate.js';
import { atOnce, SLICE, type Slices } from '../slices.js';

/** Price bands are steps of ×1.5 in price; a band's neighbours count as "your usual range". */
const PRICE_STEP = Math.log(1.5);
/** Items kept per category/brand top list (candidates for affinity and fallbacks). */
const TOP_LIST = 100;

/** Product id → item index (a `Map`, or for compact catalogs one built on first use). */
export type ItemIndex = Pick<ReadonlyMap<string, number>, 'get' | 'has' | 'size'>;

/** The catalog in ranking form. Index `i` everywhere is the product's position in `products`. */
export interface InternedCatalog {
  size: number;
  products: Product[];
  index: ItemIndex;
  /** Leaf category per item (−1 without category); `categoryParent` links a category to its parent (−1 at the root). */
  category: Int32Array;
  categoryNames: string[];
  categoryParent: Int32Array;
  categoryIndex: Map<string, number>;
  /** Brand per item, −1 without brand. */
  brand: Int32Array;
  brandNames: string[];
  brandIndex: Map<string, number>;
  /** Attribute (name, value) pairs per item in CSR form: pairs of item i are `attrPairs[attrStart[i] .. attrStart[i+1])`. */
  attrStart: Uint32Array;
  attrPairs: Uint32Array;
  attrNames: Array<[string, string]>;
  attrIndex: Map<string, number>;
  priceBand: Int16Array;
  /** Popularity in 0..1 (log-scaled), overall and within the item's leaf category. */
  popularity: Float32Array;
  categoryPopularity: Float32Array;
  /** Quality prior in 0..1 from rating and review count (0 when unrated). */
  quality: Float32Array;
  inStock: Uint8Array;
  /**
   * Product groups (variants): the group's lead item (its first product in catalog order) per
   * item, the item itself for products of their own; and each lead's variants, for groups of more
   * than one product only.
   */
  lead: Int32Array;
  variants: Map<number, number[]>;
  /** 1 where the catalog marks the product as bought again and again (no hold-back after a purchase). */
  repurchasable: Uint8Array;
  /** Items by popularity, best first: overall, per category (leaf and ancestors) and per brand. */
  topOverall: Uint32Array;
  topByCategory: Uint32Array[];
  topByBrand: Uint32Array[];
  /** A product's merchant tags without making its object, where products are made on first use (compact catalogs). */
  tagsOf?(i: number): string[] | undefined;
  lists: Array<{ id: string; kind: NeighborKind }>;
  rows: NeighborRows;
  weights: RankingWeights;
}

const intern = (names: string[], index: Map<string, number>, key: string): number => {
  let i = index.get(key);
  if (i === undefined) {
    i = names.length;
    names.push(key);
    index.set(key, i);
  }
  return i;
};

/** Bayesian-averaged rating mapped to 0..1: many good reviews beat one perfect review. */
function qualityOf(p: Product): number {
  if (p.rating === undefined || !p.reviewCount) return 0;
  const prior = 10;
  const mean = (p.rating * p.reviewCount + 3.5 * prior) / (p.reviewCount + prior);
  return Math.max(0, (mean - 3) / 2);
}

/** Builds the typed-array form of a validated catalog, in slices of products (see slices.ts). */
export function* interning({ file, products }: ValidatedCatalog): Slices<InternedCatalog> {
  const n = products.length;
  const index = new Map<string, number>();
  const category = new Int32Array(n);
  const categoryNames: string[] = [];
  const categoryIndex = new Map<string, number>();
  const parents: number[] = [];
  const brand = new Int32Array(n).fill(-1);
  const brandNames: string[] = [];
  const brandIndex = new Map<string, number>();
  const attrNames: Array<[string, string]> = [];
  const attrIndex = new Map<string, number>();
  const attrStart = new Uint32Array(n + 1);
  const pairs: number[] = [];
  const priceBand = new Int16Array(n);
  const quality = new Float32Array(n);
  const inStock = new Uint8Array(n);
  const repurchasable = new Uint8Array(n);
  const lead = new Int32Array(n);
  const leadOf = new Map<string, number>();
  const variants = new Map<number, number[]>();
  const rawPop = new Float64Array(n);

  // Lookups by parts (a category's parent and name, an attribute's name and value), so that no
  // product pays for joining strings that are already interned (10k products intern 3× faster).
  const children: Array<Map<string, number>> = [];
  const attrValues = new Map<string, Map<string, number>>();
  for (let i = 0; i < n; i++) {
    if (i % SLICE == 0) yield;
    const p = products[i]!;
    index.set(p.id, i);
    let parent = -1;
    for (const segment of p.categories) {
      const known = (children[parent + 1] ??= new Map());
      let c = known.get(segment);
      if (c === undefined) {
        c = intern(categoryNames, categoryIndex, parent < 0 ? segment : `${categoryNames[parent]} > ${segment}`);
        if (c === parents.length) parents.push(parent);
        known.set(segment, c);
      }
      parent = c;
    }
    category[i] = parent;
    if (p.brand) brand[i] = intern(brandNames, brandIndex, p.brand);
    attrStart[i] = pairs.length;
    // A variant's own values (size M, colour navy) are attributes of it too.
    const own: Record<string, string | string[]> | undefined = p.variant ? { ...p.variant, ...p.attributes } : p.attributes;
    for (const name in own) {
      const value = own[name]!;
      const known = attrValues.get(name) ?? attrValues.set(name, new Map()).get(name)!;
      for (const v of Array.isArray(value) ? value : [value]) {
        let a = known.get(v);
        if (a === undefined) {
          const key = `${name}\u0000${v}`;
          a = attrIndex.get(key) ?? attrNames.push([name, v]) - 1;
          attrIndex.set(key, a);
          known.set(v, a);
        }
        pairs.push(a);
      }
    }
    priceBand[i] = p.price > 0 ? Math.round(Math.log(p.price) / PRICE_STEP) : 0;
    quality[i] = qualityOf(p);
    inStock[i] = p.inStock === false ? 0 : 1;
    repurchasable[i] = p.repurchasable ? 1 : 0;
    const key = p.group ?? p.id;
    const first = leadOf.get(key);
    if (first === undefined) leadOf.set(key, (lead[i] = i));
    else {
      lead[i] = first;
      const members = variants.get(first) ?? variants.set(first, [first]).get(first)!;
      members.push(i);
    }
    const pop = file.popularity?.[p.id];
    rawPop[i] = typeof pop === 'number' && pop > 0 && Number.isFinite(pop) ? pop : 0;
  }
  attrStart[n] = pairs.length;
  // Aliases (validated to name one product each) resolve like ids: a page's SKU or platform id
  // finds the catalog's product everywhere an id is looked up.
  for (let i = 0; i < n; i++) for (const alias of products[i]!.aliases ?? []) index.set(alias, i);
  yield;

  // Popularity on a log scale in 0..1, globally and within each leaf category.
  let maxPop = 0;
  const catMax = new Float64Array(categoryNames.length);
  for (let i = 0; i < n; i++) {
    rawPop[i] = Math.log1p(rawPop[i]!);
    maxPop = Math.max(maxPop, rawPop[i]!);
    if (category[i]! >= 0) catMax[category[i]!] = Math.max(catMax[category[i]!]!, rawPop[i]!);
  }
  const popularity = new Float32Array(n);
  const categoryPopularity = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    popularity[i] = maxPop > 0 ? rawPop[i]! / maxPop : 0;
    const m = category[i]! >= 0 ? catMax[category[i]!]! : 0;
    categoryPopularity[i] = m > 0 ? rawPop[i]! / m : 0;
  }

  yield;
  // Top lists, most popular first (ties: lower index): one sort of all items, then each item
  // fills the lists of its leaf category, its ancestors and its brand until they are full.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => popularity[b]! - popularity[a]! || a - b);
  yield;
  const catTop: number[][] = categoryNames.map(() => []);
  const brandTop: number[][] = brandNames.map(() => []);
  for (const i of order) {
    for (let c = category[i]!; c >= 0; c = parents[c]!) if (catTop[c]!.length < TOP_LIST) catTop[c]!.push(i);
    const b = brand[i]!;
    if (b >= 0 && brandTop[b]!.length < TOP_LIST) brandTop[b]!.push(i);
  }

  const lists = (file.neighbors ?? []).map(({ id, kind }) => ({ id, kind }));
  const rows = new NeighborRows(lists.length, index);
  for (const [l, list] of (file.neighbors ?? []).entries()) {
    yield;
    if (list.rows) rows.addJsonRows(l, list.rows);
  }

  return {
    size: n,
    products,
    index,
    category,
    categoryNames,
    categoryParent: Int32Array.from(parents),
    categoryIndex,
    brand,
    brandNames,
    brandIndex,
    attrStart,
    attrPairs: Uint32Array.from(pairs),
    attrNames,
    attrIndex,
    priceBand,
    popularity,
    categoryPopularity,
    quality,
    inStock,
    lead,
    variants,
    repurchasable,
    topOverall: Uint32Array.from(order.slice(0, TOP_LIST)),
    topByCategory: catTop.map((l) => Uint32Array.from(l)),
    topByBrand: brandTop.map((l) => Uint32Array.from(l)),
    lists,
    rows,
    weights: resolveWeights(file.weights),
  };
}

/** Builds the typed-array form of a validated catalog at once. */
export const internCatalog = (validated: ValidatedCatalog): InternedCatalog => atOnce(interning(validated));
