import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRanker, decodeFeatures, decodeShard } from '@curio/core/internal';
import { describe, expect, it } from 'vitest';
import { parseBuildArguments, runBuild, silentProgress } from '../src/index.js';

/** A small synthetic shop: 60 products in 6 categories, sessions that wander within a category. */
function writeShop(dir: string): { products: string; sessions: string } {
  const lines = ['id,title,price,link,product_type'];
  for (let i = 0; i < 60; i++) lines.push(`p${i},Product ${i},${10 + i},/p${i},Cat ${i % 6} > Sub`);
  const sessions: string[] = [];
  let seed = 7;
  const next = (n: number): number => ((seed = (seed * 48271) % 2147483647) % n);
  for (let s = 0; s < 400; s++) {
    const c = next(6);
    const length = 2 + next(5);
    sessions.push(Array.from({ length }, () => `p${c + 6 * next(10)}`).join(' '));
  }
  const products = join(dir, 'products.csv');
  const interactions = join(dir, 'sessions.txt');
  writeFileSync(products, `${lines.join('\n')}\n`);
  writeFileSync(interactions, `${sessions.join('\n')}\n`);
  return { products, sessions: interactions };
}

const filesOf = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = join(sub, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[path] = readFileSync(join(dir, path)).toString('base64');
    }
  };
  walk('');
  return out;
};

describe('curio-catalog build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'curio-catalog-'));
  const { products, sessions } = writeShop(dir);

  it('is deterministic: building twice gives identical bytes', async () => {
    const a = join(dir, 'out-a');
    const b = join(dir, 'out-b');
    await runBuild(parseBuildArguments(['build', '--products', products, '--interactions', sessions, '--out', a, '--shards', '4']), silentProgress);
    await runBuild(parseBuildArguments(['build', '--products', products, '--interactions', sessions, '--out', b, '--shards', '4']), silentProgress);
    const files = filesOf(a);
    expect(Object.keys(files).sort()).toEqual(['catalog.json', 'neighbors/0.bin', 'neighbors/1.bin', 'neighbors/2.bin', 'neighbors/3.bin', 'tuning-report.json']);
    expect(filesOf(b)).toEqual(files);
  });

  it('writes shards that hold the same rows as the inline catalog', async () => {
    const inline = join(dir, 'inline');
    const sharded = join(dir, 'out-a');
    await runBuild(parseBuildArguments(['build', '--products', products, '--interactions', sessions, '--out', inline, '--shards=0', '--no-tune']), silentProgress);
    const catalog = JSON.parse(readFileSync(join(inline, 'catalog.json'), 'utf8'));
    const shardedCatalog = JSON.parse(readFileSync(join(sharded, 'catalog.json'), 'utf8'));
    expect(shardedCatalog.neighborShards).toEqual({ count: 4, url: 'neighbors/{shard}.bin' });
    expect(shardedCatalog.neighbors.slice(0, 2)).toEqual([{ id: 'sr', kind: 'viewed_together' }, { id: 'cooc', kind: 'viewed_together' }]);
    // `next` ships only if the tuning kept it (a list tuned to weight 0 is dropped).
    for (const { id } of shardedCatalog.neighbors) expect(shardedCatalog.weights.lists[id].weight).toBeGreaterThan(0);
    expect(shardedCatalog.weights.lists.sr).toBeDefined();
    expect(catalog.weights).toBeUndefined();
    const ids: string[] = catalog.products.map((p: { id: string }) => p.id);
    const rows = decodeShard(readFileSync(join(sharded, 'neighbors/1.bin')));
    const sr = catalog.neighbors[0].rows['p5'] as Array<[string, number]>;
    const decoded = rows.get(5)![0]!;
    const fromShard = [...decoded.ids].map((j, k) => [ids[j], decoded.weights[k]] as const);
    expect(new Map(fromShard.map(([id, w]) => [id, Number(w!.toPrecision(4))]))).toEqual(new Map(sr));
  });

  it('--compact moves the products into features.bin and product shards', async () => {
    const out = join(dir, 'compact');
    await runBuild(parseBuildArguments(['build', '--products', products, '--interactions', sessions, '--out', out, '--shards', '4', '--compact', '--no-tune']), silentProgress);
    const inline = JSON.parse(readFileSync(join(dir, 'inline', 'catalog.json'), 'utf8'));
    const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
    expect(catalog).toMatchObject({ features: 'features.bin', productShards: { count: 4, url: 'products/{shard}.json' } });
    // catalog.json carries the records a first visit is shown (home lists of up to 24 picks), no more.
    const firstVisit = new Set<string>();
    const ranker = createRanker(inline);
    for (let limit = 1; limit <= 24; limit++) for (const pick of ranker.rank({ events: [] }, { placement: 'home', limit }, 0)) firstVisit.add(pick.item);
    const carried = catalog.products.map((p: { id: string }) => p.id);
    expect(new Set(carried)).toEqual(firstVisit);
    expect(carried.length).toBeLessThan(inline.products.length / 2);
    expect(catalog.products).toEqual(inline.products.filter((p: { id: string }) => carried.includes(p.id)));
    expect(catalog.popularity).toBeUndefined();
    const shard1 = JSON.parse(readFileSync(join(out, 'products/1.json'), 'utf8'));
    expect(shard1).toEqual(inline.products.filter((_: unknown, i: number) => i % 4 === 1));
    const bytes = readFileSync(join(out, 'features.bin'));
    const features = decodeFeatures(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(features.ids).toEqual(inline.products.map((p: { id: string }) => p.id));
    expect([...features.price]).toEqual(inline.products.map((p: { price: number }) => p.price));
  });

  it('explains bad arguments', () => {
    expect(() => parseBuildArguments(['build', '--out', 'x'])).toThrow(/--products/);
    expect(() => parseBuildArguments(['build', '--products', 'a', '--out', 'x', '--k', '0'])).toThrow(/--k must be an integer/);
    expect(() => parseBuildArguments(['make'])).toThrow(/unknown command/);
  });
});
