import { encodeShard, type CatalogFile } from '@curio/core/internal';
import type { BuiltCatalog } from '../build/buildCatalog.js';
import { stableJson } from './stableJson.js';

/** A file to write, relative to the output directory. */
export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** Items per shard aimed at when the shard count is chosen automatically. */
const ITEMS_PER_SHARD = 64;
/** Catalogs with more products than this get shards by default. */
const INLINE_LIMIT = 2000;

/**
 * The shard count used when `--shards` is not given: none up to 2,000 products, else about
 * 64 items per shard.
 * @param productCount number of products
 */
export function autoShardCount(productCount: number): number {
  return productCount > INLINE_LIMIT ? Math.ceil(productCount / ITEMS_PER_SHARD) : 0;
}

/**
 * The files of a built catalog: `catalog.json`, with neighbour rows inline (`shards` = 0) or in
 * `neighbors/{shard}.bin` (item i in shard i % shards), plus `tuning-report.json` when tuned.
 * Deterministic: sorted keys, no timestamps.
 * @param built the built catalog
 * @param shards number of shard files, 0 for inline rows
 */
export function catalogFiles(built: BuiltCatalog, shards: number): OutputFile[] {
  const text = (value: unknown, indent = 0): Uint8Array => new TextEncoder().encode(`${stableJson(value, indent)}\n`);
  const files: OutputFile[] = [];
  let catalog: CatalogFile = built.catalog;
  if (shards > 0 && built.tables.length > 0) {
    catalog = {
      ...catalog,
      neighbors: built.tables.map(({ id, kind }) => ({ id, kind })),
      neighborShards: { count: shards, url: 'neighbors/{shard}.bin' },
    };
    for (let shard = 0; shard < shards; shard++) {
      const rows = [];
      for (let item = shard; item < catalog.products.length; item += shards) {
        if (!built.tables.some((t) => t.rows[item])) continue;
        rows.push({
          item,
          lists: built.tables.map((t) => {
            const row = t.rows[item];
            return row ? row.ids.map((id, n): [number, number] => [id, row.weights[n]!]) : [];
          }),
        });
      }
      files.push({ path: `neighbors/${shard}.bin`, bytes: encodeShard(rows) });
    }
  }
  files.unshift({ path: 'catalog.json', bytes: text(catalog) });
  if (built.tuning) files.push({ path: 'tuning-report.json', bytes: text(built.tuning, 2) });
  return files;
}
