/**
 * Compact catalogs (`features` + `productShards`, written by `curio-catalog --compact`): the
 * ranking features arrive as typed arrays in one binary file, full product records only for the
 * items a visitor is shown or interacts with. So a 100k-product catalog ranks after a few
 * milliseconds of work: the columns are views on the downloaded bytes, and products and the id
 * index are made on first use (lazyItems.ts).
 * Loaded lazily: catalogs with inline products never download this code.
 */
import { CurioError, warnOnce } from '../errors.js';
import { resolveWeights } from './weights.js';
import type { Product } from '../types.js';
import { decodingFeatures } from './featureCodec.js';
import type { CatalogFile } from './format.js';
import type { InternedCatalog } from './intern.js';
import { lazyIndex, lazyProducts } from './lazyItems.js';
import { NeighborRows } from './neighborRows.js';
import { shardFiles } from './shardFiles.js';
import { fetchFile } from './fetchFile.js';
import { checkProduct, shardTemplate, validateCatalogHeader } from './validate.js';
import { yieldToPage } from '../yieldToPage.js';
import { inTasks } from '../slices.js';

/** A compact catalog in ranking form, with its products' full records fetched on demand. */
export interface CompactCatalog {
  catalog: InternedCatalog;
  /** Fetches the full records of these items (their product shards, once); true if any was missing. */
  ensureProducts(items: Iterable<number>): Promise<boolean>;
}

/**
 * Fetches and decodes a compact catalog's features. Products are stand-ins holding what ranking
 * and the quiz need (id, price, currency, categories, brand, stock, attributes, tags) until their shard is loaded.
 * @param file the catalog file (with `features` and `productShards`)
 * @param base the catalog's URL, which the other files' URLs are relative to
 * @param download the features file's download, if already started
 */
export async function loadCompactCatalog(file: CatalogFile, base: string | URL | undefined, download?: Promise<Response>): Promise<CompactCatalog> {
  validateCatalogHeader(file);
  const shards = file.productShards!;
  const url = new URL(file.features!, base);
  const fail = (code: 'invalid_catalog' | 'catalog_unavailable', problem: string): never => {
    throw new CurioError(code, `The catalog features ${url} ${problem}.`, 'catalog-format.md');
  };
  if (!shards || !shardTemplate(shards)) fail('invalid_catalog', 'need "productShards" with "count" (a positive integer) and "url" containing "{shard}"');
  const response = await (download ?? fetchFile(url)).catch((e: unknown) => fail('catalog_unavailable', `could not be fetched (${e})`));
  if (!response.ok) fail('catalog_unavailable', `answered HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  let f;
  try {
    f = await inTasks(decodingFeatures(bytes));
  } catch (e) {
    return fail('invalid_catalog', `are unreadable (${e})`);
  }
  // Making the catalog: three tasks (each under ~25 ms at 100k products at 4× CPU).
  await yieldToPage();
  const n = f.size;
  const { categories: categoryNames, categoryParent, brands: brandNames, attributes: attrNames, currencies } = f.names;

  // Category paths as arrays, shared by all products of a category.
  const paths: string[][] = [];
  categoryNames.forEach((name, c) => {
    const parent = categoryParent[c]!;
    paths.push(parent < 0 ? [name] : [...paths[parent]!, name.slice(categoryNames[parent]!.length + 3)]);
  });
  const attrStart = new Uint32Array(n + 1);
  const tagStart = new Uint32Array(n + 1);
  const variants = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    attrStart[i + 1] = attrStart[i]! + f.attrCount[i]!;
    tagStart[i + 1] = tagStart[i]! + f.tagCount[i]!;
    const lead = f.lead[i]!;
    if (lead !== i) (variants.get(lead) ?? variants.set(lead, [lead]).get(lead)!).push(i);
  }
  await yieldToPage();
  const tagsOf = (i: number): string[] | undefined =>
    tagStart[i + 1]! > tagStart[i]! ? Array.from((f.tagIds as Uint32Array).subarray(tagStart[i]!, tagStart[i + 1]!), (t) => f.names.tags![t]!) : undefined;
  // A stand-in holds what ranking and the quiz need until the product's shard is loaded.
  const standIn = (i: number): Product => {
    const p: Product = { id: f.id(i), title: '', url: '', price: f.price[i]!, currency: currencies[f.currency[i]!]!, categories: paths[f.category[i]!] ?? [] };
    if (f.brand[i]! >= 0) p.brand = brandNames[f.brand[i]!];
    if (!f.inStock[i]) p.inStock = false;
    const tags = tagsOf(i);
    if (tags) p.tags = tags;
    if (attrStart[i + 1]! > attrStart[i]!) {
      const attributes: Record<string, string | string[]> = (p.attributes = {});
      for (let k = attrStart[i]!; k < attrStart[i + 1]!; k++) {
        const [name, value] = attrNames[f.attrPairs[k]!]!;
        const had = attributes[name];
        attributes[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
      }
    }
    return p;
  };
  // Neither the products nor the id index are built up front: a first visit ranks from the
  // columns alone and touches a few dozen products; 100k objects would cost ~100 ms and their
  // garbage collection more.
  const products = lazyProducts(n, standIn);
  const index = lazyIndex(n, () => f.ids, () => f.aliases);
  // Columns are typed arrays (of the narrowest type), so a list is a copy of a subarray.
  const split = (all: ArrayLike<number>, lengths: ArrayLike<number>): Uint32Array[] => {
    const lists: Uint32Array[] = [];
    for (let k = 0, at = 0; k < lengths.length; at += lengths[k++]!) lists.push(new Uint32Array((all as Uint32Array).subarray(at, at + lengths[k]!)));
    return lists;
  };
  const lists = (file.neighbors ?? []).map(({ id, kind }) => ({ id, kind }));
  const rows = new NeighborRows(lists.length, index);
  (file.neighbors ?? []).forEach((list, l) => list.rows && rows.addJsonRows(l, list.rows));
  const catalog: InternedCatalog = {
    size: n,
    products,
    index,
    category: new Int32Array(f.category),
    categoryNames,
    categoryParent: Int32Array.from(categoryParent),
    categoryIndex: new Map(categoryNames.map((name, c) => [name, c])),
    brand: new Int32Array(f.brand),
    brandNames,
    brandIndex: new Map(brandNames.map((name, b) => [name, b])),
    attrStart,
    attrPairs: new Uint32Array(f.attrPairs),
    attrNames,
    attrIndex: new Map(attrNames.map(([name, value], a) => [`${name}\u0000${value}`, a])),
    priceBand: new Int16Array(f.priceBand),
    popularity: f.popularity,
    categoryPopularity: f.categoryPopularity,
    quality: f.quality,
    inStock: new Uint8Array(f.inStock),
    lead: new Int32Array(f.lead),
    variants,
    repurchasable: new Uint8Array(f.repurchasable),
    topOverall: new Uint32Array(f.topOverall),
    topByCategory: split(f.topByCategory, f.topByCategoryLength),
    topByBrand: split(f.topByBrand, f.topByBrandLength),
    tagsOf,
    lists,
    rows,
    weights: resolveWeights(file.weights),
  };

  await yieldToPage();
  const complete = new Uint8Array(n);
  /** Loads a full product record into item `i`'s stand-in, if it is a valid record of that item. */
  const fill = (i: number, raw: unknown, where: string): void => {
    const checked = checkProduct(raw, file.currency);
    if (typeof checked === 'string' || checked.id !== f.id(i)) return warnOnce(`product-${i}`, `${where} ${typeof checked === 'string' ? `has an invalid "${checked}"` : `is not "${f.id(i)}"`}; it is shown without its details.`);
    Object.assign(products[i]!, checked);
    complete[i] = 1;
  };
  // The records catalog.json carries (those a first visit is shown): looked for among the most
  // popular items first, where a first visit's picks come from, then among all.
  const lead = new Map((file.products ?? []).map((raw, k) => [(raw as Product | null)?.id, k]));
  const find = (i: number): void => {
    const k = lead.get(f.id(i));
    if (k === undefined) return;
    lead.delete(f.id(i));
    fill(i, file.products[k], `Product record ${k} of the catalog`);
  };
  catalog.topOverall.forEach(find);
  for (let i = 0; lead.size && i < n; i++) find(i);
  if (lead.size) warnOnce('lead-products', `${lead.size} product record(s) of the catalog are not in its features file; they are ignored.`);
  const loadShard = shardFiles(shards, base, async (r, s) => {
    const records: unknown = await r.json();
    if (!Array.isArray(records)) throw Error('not a JSON array');
    records.forEach((raw, k) => fill(s + k * shards.count, raw, `Product record ${k} of shard ${s}`));
  });
  return {
    catalog,
    ensureProducts: async (items) => {
      const missing = new Set<number>();
      for (const i of items) if (!complete[i]) missing.add(i % shards.count);
      await Promise.all([...missing].map(loadShard));
      return missing.size > 0;
    },
  };
}
