import { gzipSync } from 'node:zlib';
import type { BuiltCatalog } from '../build/buildCatalog.js';
import { stableJson } from './stableJson.js';
import type { OutputFile } from './catalogFiles.js';

/** Transfer sizes of a built catalog (gzip level 9). */
export interface SizeReport {
  /** What every visitor loads: catalog.json (and features.bin when compact), gzip. */
  catalogBytes: number;
  /** All neighbour rows (shards, or the inline rows' JSON), gzip, per item with rows and per list. */
  bytesPerItemPerList: number;
  /** What a visit that clicks ~10 items downloads: catalog.json + the shards of those items (gzip). */
  bytesPerVisit: number;
  /** Items with at least one neighbour row. */
  itemsWithRows: number;
}

const gzipSize = (bytes: Uint8Array | string): number => gzipSync(bytes, { level: 9 }).length;

/**
 * Measures what a shop would serve.
 * @param built the built catalog
 * @param files its files, as written
 * @param clicks items clicked in the modelled visit (spread evenly over the items with rows)
 */
export function sizeReport(built: BuiltCatalog, files: OutputFile[], clicks = 10): SizeReport {
  const catalogBytes = files.filter((f) => f.path === 'catalog.json' || f.path === 'features.bin').reduce((sum, f) => sum + gzipSize(f.bytes), 0);
  const withRows: number[] = [];
  built.catalog.products.forEach((_, i) => {
    if (built.tables.some((t) => t.rows[i])) withRows.push(i);
  });
  const lists = Math.max(1, built.tables.length);
  const shards = files.filter((f) => f.path.startsWith('neighbors/'));
  let rowBytes: number;
  let bytesPerVisit = catalogBytes;
  if (shards.length > 0) {
    rowBytes = shards.reduce((sum, f) => sum + gzipSize(f.bytes), 0);
    const visited = new Set<number>();
    for (let c = 0; c < clicks && withRows.length > 0; c++) {
      visited.add(withRows[Math.floor((c * withRows.length) / clicks)]! % shards.length);
    }
    // Compact catalogs share the shard numbering between neighbour rows and product records.
    for (const shard of visited) for (const f of files) if (f.path === `neighbors/${shard}.bin` || f.path === `products/${shard}.json`) bytesPerVisit += gzipSize(f.bytes);
  } else {
    rowBytes = gzipSize(stableJson(built.catalog.neighbors ?? []));
  }
  return {
    catalogBytes,
    bytesPerItemPerList: withRows.length > 0 ? rowBytes / withRows.length / lists : 0,
    bytesPerVisit,
    itemsWithRows: withRows.length,
  };
}
