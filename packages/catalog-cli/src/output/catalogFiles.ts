import { gzipSync } from 'node:zlib';
import { createRanker, encodeFeatures, encodeShard, type CatalogFile } from '@curio/core/internal';
import type { BuiltCatalog } from '../build/buildCatalog.js';
import { stableJson } from './stableJson.js';

/** A file to write, relative to the output directory. */
export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** Items per product-record shard of a compact catalog when the count is chosen automatically. */
const ITEMS_PER_SHARD = 64;
/** Catalogs with more products than this get product-record shards by default (compact form). */
const INLINE_LIMIT = 2000;
/** A compact catalog.json carries the records of a first visit's picks, for lists up to this long. */
const LEAD_LIMIT = 24;
/**
 * Neighbour rows stay inline while `catalog.json` stays within this size (gzip): every page view
 * downloads that file, so beyond it the rows go to shards, fetched one per product page.
 */
export const INLINE_CATALOG_BYTES = 40 * 1024;
/** The gzip size aimed at per neighbour shard: what a product page later in a visit downloads. */
export const SHARD_BYTES = 1.5 * 1024;

/**
 * The product-record shard count of a compact catalog when `--shards` is not given: one file up to
 * 2,000 products, else about 64 products per shard.
 * @param productCount number of products
 */
export function autoShardCount(productCount: number): number {
  return productCount > INLINE_LIMIT ? Math.ceil(productCount / ITEMS_PER_SHARD) : 0;
}

/**
 * The neighbour shard count used when `--shards` is not given, by bytes rather than product count:
 * none while `catalog.json` with its rows inline stays within {@link INLINE_CATALOG_BYTES} gzip
 * (a small shop: one file, no further request), else enough shards that each is about
 * {@link SHARD_BYTES} gzip (demo shop, 1,200 products: catalog.json 189 → 30 KB brotli).
 * @param built the built catalog
 */
export function neighborShardCount(built: BuiltCatalog): number {
  if (built.tables.length === 0) return 0;
  const inline = gzipSync(new TextEncoder().encode(stableJson(built.catalog))).length;
  if (inline <= INLINE_CATALOG_BYTES) return 0;
  const rows = gzipSync(neighborFile(built, 0, 1)).length;
  return Math.max(1, Math.ceil(rows / SHARD_BYTES));
}

/** The neighbour shard `shard` of `shards`: the rows of items i with i % shards = shard. */
function neighborFile(built: BuiltCatalog, shard: number, shards: number): Uint8Array {
  const rows = [];
  for (let item = shard; item < built.catalog.products.length; item += shards) {
    if (!built.tables.some((t) => t.rows[item])) continue;
    rows.push({
      item,
      lists: built.tables.map((t) => {
        const row = t.rows[item];
        return row ? row.ids.map((id, n): [number, number] => [id, row.weights[n]!]) : [];
      }),
    });
  }
  return encodeShard(rows);
}

/**
 * The built catalog of a catalog file whose neighbour rows are inline (`rows` by product id): what
 * {@link catalogFiles} writes other forms from, e.g. to shard or compact a catalog built elsewhere.
 * Rows naming unknown products keep their known neighbours; weights are divided by the row's
 * maximum, as the SDK reads them.
 * @param file a catalog file with inline rows
 */
export function builtFromFile(file: CatalogFile): BuiltCatalog {
  const index = new Map(file.products.map((p, i) => [p.id, i]));
  const tables = (file.neighbors ?? []).map(({ id, kind, rows }) => ({
    id,
    kind,
    rows: file.products.map((p) => {
      const row = rows?.[p.id]?.filter(([j]) => index.has(j));
      if (!row?.length) return undefined;
      const max = Math.max(...row.map(([, w]) => w));
      return { ids: row.map(([j]) => index.get(j)!), weights: row.map(([, w]) => w / max) };
    }),
  }));
  return { catalog: file, tables };
}

/**
 * The files of a built catalog: `catalog.json`, with neighbour rows inline (`shards` = 0) or in
 * `neighbors/{shard}.bin` (item i in shard i % shards), plus `tuning-report.json` when tuned.
 * `compact` moves the products out of `catalog.json`: their ranking features into `features.bin`
 * and their records into `products/{shard}.json` (same sharding; see docs/catalog-format.md),
 * keeping in `catalog.json` only the records of the products a first visit is shown.
 * Deterministic: sorted keys, no timestamps.
 * @param built the built catalog
 * @param shards number of shard files, 0 for inline rows
 * @param compact write the compact form
 */
export function catalogFiles(built: BuiltCatalog, shards: number, compact = false): OutputFile[] {
  const text = (value: unknown, indent = 0): Uint8Array => new TextEncoder().encode(`${stableJson(value, indent)}\n`);
  const files: OutputFile[] = [];
  let catalog: CatalogFile = built.catalog;
  if (shards > 0 && built.tables.length > 0) {
    catalog = {
      ...catalog,
      neighbors: built.tables.map(({ id, kind }) => ({ id, kind })),
      neighborShards: { count: shards, url: 'neighbors/{shard}.bin' },
    };
    for (let shard = 0; shard < shards; shard++) files.push({ path: `neighbors/${shard}.bin`, bytes: neighborFile(built, shard, shards) });
  }
  if (compact) {
    const { products, popularity: _, ...rest } = catalog;
    // The SDK's own interning, so the browser gets exactly the arrays it would have built.
    const ranker = createRanker({ ...catalog, neighbors: [] });
    const interned = ranker.catalog;
    if (interned.size !== products.length) throw new Error(`${products.length - interned.size} product(s) fail the SDK's validation; a compact catalog needs every product valid`);
    // The products a first visit is shown (no history: the same picks for everyone) come with
    // catalog.json, so that its picks show without waiting for product shards.
    const lead = new Set<number>();
    for (let limit = 1; limit <= LEAD_LIMIT; limit++) for (const item of ranker.rankItems({ events: [] }, { placement: 'home', limit }, 0)) lead.add(interned.index.get(item)!);
    const count = shards || autoShardCount(products.length) || 1;
    catalog = { ...rest, products: [...lead].sort((a, b) => a - b).map((i) => products[i]!), features: 'features.bin', productShards: { count, url: 'products/{shard}.json' } };
    files.push({ path: 'features.bin', bytes: encodeFeatures(interned, catalog.currency) });
    for (let shard = 0; shard < count; shard++) files.push({ path: `products/${shard}.json`, bytes: text(products.filter((_, i) => i % count === shard)) });
  }
  files.unshift({ path: 'catalog.json', bytes: text(catalog) });
  if (built.tuning) files.push({ path: 'tuning-report.json', bytes: text(built.tuning, 2) });
  return files;
}
