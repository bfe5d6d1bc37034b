import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtFromFile, catalogFiles, INLINE_CATALOG_BYTES, neighborShardCount, SHARD_BYTES } from '../src/index.js';
import type { CatalogFile } from '@curio/core/internal';

/** A catalog of `n` products, each with a row of 20 distinct pseudo-random neighbours in one list. */
function catalogOf(n: number): CatalogFile {
  let seed = 11;
  const next = (k: number): number => ((seed = (seed * 48271) % 2147483647) % k);
  const products = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, title: `Product ${i}`, url: `/p/${i}`, price: 10 + (i % 90), categories: [`c${i % 12}`] }));
  const rows: Record<string, [string, number][]> = {};
  for (let i = 0; i < n; i++) {
    const neighbours = new Set<number>();
    while (neighbours.size < 20) neighbours.add(next(n));
    rows[`p${i}`] = [...neighbours].map((j, k) => [`p${j}`, 1 - k / 25] as [string, number]);
  }
  return { version: 1, currency: 'EUR', products, neighbors: [{ id: 'sr', kind: 'viewed_together', rows }] };
}

describe('the default neighbour shard count, by bytes', () => {
  it('keeps a small catalog inline: one file, no further request', () => {
    const built = builtFromFile(catalogOf(50));
    expect(gzipSync(catalogFiles(built, 0)[0]!.bytes).length).toBeLessThanOrEqual(INLINE_CATALOG_BYTES);
    expect(neighborShardCount(built)).toBe(0);
  });

  it('shards a catalog whose inline rows would outgrow 40 KB gzip, each shard about 1.5 KB gzip', () => {
    const built = builtFromFile(catalogOf(1200));
    expect(gzipSync(catalogFiles(built, 0)[0]!.bytes).length).toBeGreaterThan(INLINE_CATALOG_BYTES);
    const shards = neighborShardCount(built);
    expect(shards).toBeGreaterThan(1);
    const files = catalogFiles(built, shards);
    const sizes = files.filter((f) => f.path.startsWith('neighbors/')).map((f) => gzipSync(f.bytes).length);
    expect(sizes).toHaveLength(shards);
    expect(Math.max(...sizes)).toBeLessThan(2 * SHARD_BYTES);
    expect(gzipSync(files[0]!.bytes).length).toBeLessThan(INLINE_CATALOG_BYTES);
  });

  it('reads a catalog file back as the built catalog it was written from', () => {
    const built = builtFromFile(catalogOf(60));
    const again = builtFromFile(JSON.parse(new TextDecoder().decode(catalogFiles(built, 0)[0]!.bytes)));
    expect(again.tables).toEqual(built.tables);
  });
});
