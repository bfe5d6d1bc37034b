/**
 * Binary codec of a catalog's ranking features (`features.bin`, see docs/catalog-format.md): the
 * typed arrays of an interned catalog written as they are, so a browser gets them as views on
 * the downloaded bytes instead of parsing, validating and interning 100k products of JSON.
 *
 * Layout: the magic `CFT1`, a little-endian uint32 header length, the header (UTF-8 JSON: item
 * count, name tables, and per column its type, byte offset, length and decimal scale), padding
 * to 8 bytes, then the columns, each 8-byte aligned and little-endian. Integer columns use the
 * narrowest type that holds their values; prices are stored in cents when that is exact.
 * Browser-safe: no Node APIs.
 * @module
 */
import type { InternedCatalog } from './intern.js';
import { atOnce, type Slices } from '../slices.js';

const MAGIC = 'CFT1';
const TYPES = { u8: Uint8Array, i8: Int8Array, u16: Uint16Array, i16: Int16Array, u32: Uint32Array, i32: Int32Array, f32: Float32Array, f64: Float64Array, utf8: Uint8Array };
type ColumnType = keyof typeof TYPES;
type Numbers = ArrayLike<number>;

/** A column's place in the file: type, byte offset after the header, element count, decimal scale (1 = as is). */
type ColumnEntry = [ColumnType, number, number, number];

/** Names the typed columns refer to. */
export interface FeatureNames {
  categories: string[];
  categoryParent: number[];
  brands: string[];
  attributes: Array<[string, string]>;
  currencies: string[];
  /** Merchant tags (files written before tags were carried have none). */
  tags?: string[];
}

/** The decoded columns; index `i` is the item's position in the catalog (= its file position). */
export interface FeatureColumns {
  size: number;
  names: FeatureNames;
  /** Item `i`'s id, decoded alone (a first visit needs a few dozen of 100k). */
  id(i: number): string;
  /** Every id, decoded on first read. */
  readonly ids: string[];
  /** Every alias with its item, decoded on first read (empty for files without aliases). */
  readonly aliases: Array<[string, number]>;
  price: Float64Array;
  currency: Numbers;
  category: Numbers;
  brand: Numbers;
  /** Attribute pairs per item (CSR counts) and the pairs themselves. */
  attrCount: Numbers;
  attrPairs: Numbers;
  priceBand: Numbers;
  popularity: Float32Array;
  categoryPopularity: Float32Array;
  quality: Float32Array;
  inStock: Numbers;
  topOverall: Numbers;
  /** Top lists of every category and brand, concatenated, with their lengths. */
  topByCategory: Numbers;
  topByCategoryLength: Numbers;
  topByBrand: Numbers;
  topByBrandLength: Numbers;
  /** Merchant tags per item (CSR counts) and the tags themselves, as indexes into `names.tags`; empty when the file has none. */
  tagCount: Numbers;
  tagIds: Numbers;
  /** Each item's group lead (its own index for products of their own) and the repurchasable flags; identity and zeros for files written before groups. */
  lead: Numbers;
  repurchasable: Numbers;
}

/** Typed columns every features file has (besides `ids`). */
const COLUMNS = ['price', 'currency', 'category', 'brand', 'attrCount', 'attrPairs', 'priceBand', 'popularity', 'categoryPopularity', 'quality', 'inStock', 'topOverall', 'topByCategory', 'topByCategoryLength', 'topByBrand', 'topByBrandLength'] as const;

/** The narrowest integer type holding `values`, or `f64` when one is not an integer. */
function integerType(values: Numbers): ColumnType {
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v)) return 'f64';
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min >= 0) return max < 2 ** 8 ? 'u8' : max < 2 ** 16 ? 'u16' : max < 2 ** 32 ? 'u32' : 'f64';
  return min >= -(2 ** 7) && max < 2 ** 7 ? 'i8' : min >= -(2 ** 15) && max < 2 ** 15 ? 'i16' : min >= -(2 ** 31) && max < 2 ** 31 ? 'i32' : 'f64';
}

/**
 * Encodes the ranking features of an interned catalog whose items are in file order (no product
 * was skipped), so neighbour shards and product shards can address items by position.
 * @throws RangeError if an id contains a line break (ids are stored one per line)
 */
export function encodeFeatures(cat: InternedCatalog, currency: string | undefined): Uint8Array {
  const currencies = [...new Set(cat.products.map((p) => p.currency))];
  const ids = cat.products.map((p) => {
    if (p.id.includes('\n')) throw new RangeError(`featureCodec: product id ${JSON.stringify(p.id)} contains a line break`);
    return p.id;
  });
  const prices = cat.products.map((p) => p.price);
  const cents = prices.map((p) => Math.round(p * 100));
  const inCents = cents.every((c, i) => c / 100 === prices[i] && Number.isSafeInteger(c));
  const concat = (lists: Uint32Array[]): number[] => lists.flatMap((l) => [...l]);
  const tagIndex = new Map<string, number>();
  const tagIds = cat.products.map((p) => (p.tags ?? []).map((t) => tagIndex.get(t) ?? tagIndex.set(t, tagIndex.size).size - 1));
  const tags = [...tagIndex.keys()];
  const columns: Array<[string, Numbers | Uint8Array, ColumnType?, number?]> = [
    ['ids', new TextEncoder().encode(ids.join('\n')), 'utf8'],
    ['price', inCents ? cents : prices, undefined, inCents ? 100 : 1],
    ['currency', cat.products.map((p) => currencies.indexOf(p.currency))],
    ['category', cat.category],
    ['brand', cat.brand],
    ['attrCount', Array.from({ length: cat.size }, (_, i) => cat.attrStart[i + 1]! - cat.attrStart[i]!)],
    ['attrPairs', cat.attrPairs],
    ['priceBand', cat.priceBand],
    ['popularity', cat.popularity, 'f32'],
    ['categoryPopularity', cat.categoryPopularity, 'f32'],
    ['quality', cat.quality, 'f32'],
    ['inStock', cat.inStock],
    ['topOverall', cat.topOverall],
    ['topByCategory', concat(cat.topByCategory)],
    ['topByCategoryLength', cat.topByCategory.map((l) => l.length)],
    ['topByBrand', concat(cat.topByBrand)],
    ['topByBrandLength', cat.topByBrand.map((l) => l.length)],
    ['tagCount', tagIds.map((l) => l.length)],
    ['tagIds', tagIds.flat()],
    ['lead', cat.lead],
    ['repurchasable', cat.repurchasable],
  ];
  // Aliases, one `alias<TAB>item` per line; a catalog without aliases has no such column.
  const aliases = cat.products.flatMap((p, i) => (p.aliases ?? []).filter((a) => !/[\t\n]/.test(a)).map((a) => `${a}\t${i}`));
  if (aliases.length) columns.push(['aliases', new TextEncoder().encode(aliases.join('\n')), 'utf8']);
  const align = (n: number): number => Math.ceil(n / 8) * 8;
  const entries: Record<string, ColumnEntry> = {};
  const data: Array<[number, ArrayBufferView]> = [];
  let offset = 0;
  for (const [name, values, given, scale = 1] of columns) {
    const type = given ?? integerType(values);
    const typed = values instanceof Uint8Array && type === 'utf8' ? values : TYPES[type].from(values as ArrayLike<number>);
    entries[name] = [type, offset, typed.length, scale];
    data.push([offset, typed]);
    offset = align(offset + typed.byteLength);
  }
  const names: FeatureNames = { categories: cat.categoryNames, categoryParent: [...cat.categoryParent], brands: cat.brandNames, attributes: cat.attrNames, currencies, tags };
  const header = new TextEncoder().encode(JSON.stringify({ size: cat.size, currency, names, columns: entries }));
  const start = align(8 + header.length);
  const out = new Uint8Array(start + offset);
  out.set(new TextEncoder().encode(MAGIC));
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, 8);
  for (const [at, typed] of data) out.set(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength), start + at);
  return out;
}

/**
 * Decodes `features.bin` in slices (a pause before each column and before the ids). Columns are
 * views on `buffer` (no copy) except scaled prices; ids are decoded when read.
 * @throws Error if the bytes are not a features file or are truncated
 */
export function* decodingFeatures(buffer: ArrayBuffer): Slices<FeatureColumns> {
  const fail = (why: string): never => {
    throw new Error(`Catalog features: ${why}`);
  };
  const bytes = new Uint8Array(buffer);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) fail('not a Curio features file');
  const length = new DataView(buffer).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as { size: number; names: FeatureNames; columns: Record<string, ColumnEntry> };
  const start = Math.ceil((8 + length) / 8) * 8;
  const column = (name: string): any => {
    const entry = header.columns[name];
    if (!entry) return fail(`column "${name}" is missing`);
    const [type, offset, count, scale] = entry;
    const Type = TYPES[type];
    if (!Type || start + offset + count * Type.BYTES_PER_ELEMENT > buffer.byteLength) fail(`column "${name}" is truncated`);
    const view = new Type(buffer, start + offset, count);
    if (scale === 1) return view;
    // A plain loop: Float64Array.from with a callback is several times slower on 100k items.
    const scaled = new Float64Array(count);
    for (let i = 0; i < count; i++) scaled[i] = view[i]! / scale;
    return scaled;
  };
  const columns = { size: header.size, names: header.names } as FeatureColumns;
  for (const name of COLUMNS) {
    yield; // a column of 100k scaled numbers is a few milliseconds on a phone
    (columns as any)[name] = column(name);
  }
  // Tags came later: a file without them has none.
  const tagged = header.columns.tagCount !== undefined;
  columns.tagCount = tagged ? column('tagCount') : new Uint8Array(header.size);
  columns.tagIds = tagged ? column('tagIds') : new Uint8Array(0);
  // So did groups: without them every product is its own.
  const grouped = header.columns.lead !== undefined;
  columns.lead = grouped ? column('lead') : Uint32Array.from({ length: header.size }, (_, i) => i);
  columns.repurchasable = grouped ? column('repurchasable') : new Uint8Array(header.size);
  yield;
  // Ids are one per line: found by a scan for line breaks, decoded when read.
  const idBytes: Uint8Array = column('ids');
  const starts = new Uint32Array(header.size + 1);
  let count = 1;
  for (let at = idBytes.indexOf(10); at >= 0; at = idBytes.indexOf(10, at + 1)) {
    if (count < header.size) starts[count] = at + 1;
    count++;
  }
  if (count !== header.size) fail(`${count} ids for ${header.size} items`);
  starts[header.size] = idBytes.length + 1;
  const text = new TextDecoder();
  let ids: string[] | undefined;
  columns.id = (i) => ids?.[i] ?? text.decode(idBytes.subarray(starts[i], starts[i + 1]! - 1));
  Object.defineProperty(columns, 'ids', { get: () => (ids ??= text.decode(idBytes).split('\n')) });
  const aliasBytes: Uint8Array | undefined = header.columns.aliases && column('aliases');
  let aliases: Array<[string, number]> | undefined;
  Object.defineProperty(columns, 'aliases', {
    get: () =>
      (aliases ??= aliasBytes?.length
        ? text.decode(aliasBytes).split('\n').map((line): [string, number] => [line.slice(0, line.lastIndexOf('\t')), Number(line.slice(line.lastIndexOf('\t') + 1))])
        : []),
  });
  return columns;
}

/** Decodes a features file at once (see {@link decodingFeatures}). */
export const decodeFeatures = (buffer: ArrayBuffer): FeatureColumns => atOnce(decodingFeatures(buffer));
