/**
 * Compact catalogs (`features` + `productShards`, written by `curio-catalog --compact`): the
 * ranking features arrive as typed arrays in one binary file, full product records only for the
 * items a visitor is shown or interacts with. So a 100k-product catalog ranks after a few tens of
 * milliseconds of work, done in slices that never hold the main thread for long.
 * Loaded lazily: catalogs with inline products never download this code.
 */
import { CurioError, warnOnce } from '../errors.js';
import { resolveWeights } from '../rank/weights.js';
import type { Product } from '../types.js';
import { decodeFeatures } from './featureCodec.js';
import type { CatalogFile } from './format.js';
import type { InternedCatalog } from './intern.js';
import { NeighborRows } from './neighborRows.js';
import { shardFiles } from './shardFiles.js';
import { checkProduct, shardTemplate, validateCatalogHeader } from './validate.js';

/** Items handled between two yields to the page: a few milliseconds of work, even on a slow phone. */
const SLICE = 10_000;

/** Lets the page handle input and paint before the next slice of work. */
const yieldToPage = (): Promise<unknown> => (globalThis as { scheduler?: { yield?: () => Promise<unknown> } }).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

/** A compact catalog in ranking form, with its products' full records fetched on demand. */
export interface CompactCatalog {
  catalog: InternedCatalog;
  /** File position of each item: every item, in file order. */
  positions: number[];
  /** Fetches the full records of these items (their product shards, once); true if any was missing. */
  ensureProducts(items: Iterable<number>): Promise<boolean>;
}

/**
 * Fetches and decodes a compact catalog's features. Products are stand-ins holding what ranking
 * needs (id, price, currency, categories, brand, stock) until their shard is loaded.
 * @param file the catalog file (with `features` and `productShards`)
 * @param base the catalog's URL, which the other files' URLs are relative to
 */
export async function loadCompactCatalog(file: CatalogFile, base: string | URL | undefined): Promise<CompactCatalog> {
  validateCatalogHeader(file);
  const shards = file.productShards!;
  const url = new URL(file.features!, base);
  const fail = (code: 'invalid_catalog' | 'catalog_unavailable', problem: string): never => {
    throw new CurioError(code, `The catalog features ${url} ${problem}.`, 'catalog-format.md');
  };
  if (!shards || !shardTemplate(shards)) fail('invalid_catalog', 'need "productShards" with "count" (a positive integer) and "url" containing "{shard}"');
  const response = await fetch(url, { credentials: 'same-origin' }).catch((e: unknown) => fail('catalog_unavailable', `could not be fetched (${e})`));
  if (!response.ok) fail('catalog_unavailable', `answered HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  let f;
  try {
    f = decodeFeatures(bytes);
  } catch (e) {
    return fail('invalid_catalog', `are unreadable (${e})`);
  }
  const n = f.size;
  const { categories: categoryNames, categoryParent, brands: brandNames, attributes: attrNames, currencies } = f.names;

  // Category paths as arrays, shared by all products of a category.
  const paths: string[][] = [];
  categoryNames.forEach((name, c) => {
    const parent = categoryParent[c]!;
    paths.push(parent < 0 ? [name] : [...paths[parent]!, name.slice(categoryNames[parent]!.length + 3)]);
  });
  const index = new Map<string, number>();
  const products: Product[] = [];
  const attrStart = new Uint32Array(n + 1);
  for (let from = 0; from < n; from += SLICE) {
    if (from) await yieldToPage();
    for (let i = from; i < Math.min(n, from + SLICE); i++) {
      index.set(f.ids[i]!, i);
      attrStart[i + 1] = attrStart[i]! + f.attrCount[i]!;
      const p: Product = { id: f.ids[i]!, title: '', url: '', price: f.price[i]!, currency: currencies[f.currency[i]!]!, categories: paths[f.category[i]!]! };
      if (f.brand[i]! >= 0) p.brand = brandNames[f.brand[i]!];
      if (!f.inStock[i]) p.inStock = false;
      products.push(p);
    }
  }
  // Columns are typed arrays (of the narrowest type), so a list is a copy of a subarray.
  const split = (all: ArrayLike<number>, lengths: ArrayLike<number>): Uint32Array[] => {
    const lists: Uint32Array[] = [];
    for (let k = 0, at = 0; k < lengths.length; at += lengths[k++]!) lists.push(Uint32Array.from((all as Uint32Array).subarray(at, at + lengths[k]!)));
    return lists;
  };
  const positions = Array.from({ length: n }, (_, i) => i);
  const lists = (file.neighbors ?? []).map(({ id, kind }) => ({ id, kind }));
  const rows = new NeighborRows(lists.length, index, positions);
  (file.neighbors ?? []).forEach((list, l) => list.rows && rows.addJsonRows(l, list.rows));
  const catalog: InternedCatalog = {
    size: n,
    products,
    index,
    category: Int32Array.from(f.category),
    categoryNames,
    categoryParent: Int32Array.from(categoryParent),
    categoryIndex: new Map(categoryNames.map((name, c) => [name, c])),
    brand: Int32Array.from(f.brand),
    brandNames,
    brandIndex: new Map(brandNames.map((name, b) => [name, b])),
    attrStart,
    attrPairs: Uint32Array.from(f.attrPairs),
    attrNames,
    attrIndex: new Map(attrNames.map(([name, value], a) => [`${name}\u0000${value}`, a])),
    priceBand: Int16Array.from(f.priceBand),
    popularity: f.popularity,
    categoryPopularity: f.categoryPopularity,
    quality: f.quality,
    inStock: Uint8Array.from(f.inStock),
    topOverall: Uint32Array.from(f.topOverall),
    topByCategory: split(f.topByCategory, f.topByCategoryLength),
    topByBrand: split(f.topByBrand, f.topByBrandLength),
    lists,
    rows,
    weights: resolveWeights(file.weights),
  };

  const complete = new Uint8Array(n);
  const loadShard = shardFiles(shards, base, async (r, s) => {
    const records: unknown = await r.json();
    if (!Array.isArray(records)) throw Error('not a JSON array');
    records.forEach((raw, k) => {
      const i = s + k * shards.count;
      const checked = checkProduct(raw, file.currency);
      if (typeof checked === 'string' || checked.id !== f.ids[i]) return warnOnce(`product-${i}`, `Product record ${k} of shard ${s} ${typeof checked === 'string' ? `has an invalid "${checked}"` : `is not "${f.ids[i]}"`}; it is shown without its details.`);
      Object.assign(products[i]!, checked);
      complete[i] = 1;
    });
  });
  return {
    catalog,
    positions,
    ensureProducts: async (items) => {
      const missing = new Set<number>();
      for (const i of items) if (!complete[i]) missing.add(i % shards.count);
      await Promise.all([...missing].map(loadShard));
      return missing.size > 0;
    },
  };
}
