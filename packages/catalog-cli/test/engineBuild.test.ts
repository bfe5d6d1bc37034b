// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CatalogProduct } from '@curio/core/internal';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../src/build/buildCatalog.js';
import { buildCatalogWithEngine } from '../src/build/buildCatalogWithEngine.js';
import { buildFromListsDirectory } from '../src/build/buildFromListsDirectory.js';
import { parseListsArguments } from '../src/cliArguments.js';
import { runLists } from '../src/runLists.js';
import { ListEngine } from '../src/engine/listEngine.js';
import { readInteractions } from '../src/interactions/readInteractions.js';
import { silentProgress } from '../src/progress.js';

/** 80 products in 8 categories; seeded sessions that wander within a category, some unknown ids. */
function shop(): { products: CatalogProduct[]; sessions: string; orders: string } {
  const products = Array.from({ length: 80 }, (_, i) => ({ id: `p${i}`, title: `P${i}`, url: `/p${i}`, price: 10 + i, categories: [`c${i % 8}`] }));
  let seed = 11;
  const next = (n: number): number => ((seed = (seed * 48271) % 2147483647) % n);
  const sessions: string[] = [];
  for (let s = 0; s < 600; s++) {
    const c = next(8);
    const length = 1 + next(7);
    sessions.push(Array.from({ length }, () => (next(40) === 0 ? 'gone' : `p${c + 8 * next(10)}`)).join(next(9) === 0 ? '  \t' : ' '));
    if (next(50) === 0) sessions.push('');
  }
  const orders = ['order_id,item_id,timestamp'];
  for (let o = 0; o < 300; o++) {
    const c = next(8);
    const day = 1 + next(28);
    for (let n = 0, size = 1 + next(4); n < size; n++) orders.push(`o${o},p${c + 8 * next(10)},2024-03-${String(day).padStart(2, '0')}`);
  }
  orders.push('broken-line', 'o9,p1,not a date');
  return { products, sessions: `${sessions.join('\n')}\n`, orders: `${orders.join('\n')}\n` };
}

describe('engine builds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'curio-engine-'));
  const { products, sessions, orders } = shop();
  const index = new Map(products.map((p, i) => [p.id, i]));

  it.each([
    ['sessions text', 'sessions.txt', sessions],
    ['gzipped sessions', 'sessions.gz', sessions],
    ['order CSV', 'orders.csv', orders],
  ])('%s: the same catalog as in memory, tuning included', async (_, name, text) => {
    const path = join(dir, name);
    writeFileSync(path, name.endsWith('.gz') ? gzipSync(text) : text);
    const memory = readInteractions(text, index);
    const expected = buildCatalog(products, memory.log, { k: 10, maxTuningCases: 300 });
    const { built, read } = await buildCatalogWithEngine(products, path, { k: 10, maxTuningCases: 300, engine: { threads: 2 } });
    expect(read).toMatchObject({ kind: memory.log.kind, sequences: memory.log.sequences.length, unknownItems: memory.unknownItems, shortSequences: memory.shortSequences });
    expect(read.badLines).toEqual(memory.badLines);
    expect(expected.tuning).toBeDefined();
    expect(built).toEqual(expected);
  }, 120_000);

  it("names products by their aliases (SKU, platform ids) as the in-memory reader does", async () => {
    const aliased = products.map((p) => ({ ...p, aliases: [`sku-${p.id}`] }));
    const byId = join(dir, 'by-id.txt');
    const bySku = join(dir, 'by-sku.txt');
    writeFileSync(byId, sessions);
    writeFileSync(bySku, sessions.replace(/\bp(\d+)\b/g, 'sku-p$1'));
    const options = { k: 10, tune: false, engine: { threads: 2 } };
    const plain = await buildCatalogWithEngine(aliased, byId, options);
    const viaAliases = await buildCatalogWithEngine(aliased, bySku, options);
    expect(viaAliases.read.unknownItems).toBe(plain.read.unknownItems);
    expect(viaAliases.read.clicks).toBe(plain.read.clicks);
    expect(viaAliases.built.catalog.neighbors).toEqual(plain.built.catalog.neighbors);
  }, 120_000);

  it('reads Parquet exports with order_id or session_id columns', async () => {
    const csv = join(dir, 'orders-for-parquet.csv');
    writeFileSync(csv, orders.split('\n').slice(0, -3).join('\n'));
    const engine = await ListEngine.open({}, silentProgress);
    const parquet = join(dir, 'orders.parquet');
    await engine.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT PARQUET)`);
    const clicks = join(dir, 'clicks.parquet');
    // The sessions as click rows with a time, written in shuffled row order.
    const wellFormed = sessions.split('\n').filter((l) => /^[p0-9 ]+$/.test(l));
    const values = wellFormed.map((line, s) => `(${s}, '${line}')`).join(',');
    await engine.run(`COPY (
        SELECT 's' || s AS session_id, id AS item_id, TIMESTAMP '2024-01-01' + INTERVAL (s * 100 + pos) MINUTE AS timestamp
        FROM (SELECT s, unnest(ids) AS id, unnest(range(len(ids))) AS pos FROM (SELECT s, string_split(line, ' ') AS ids FROM (VALUES ${values}) v(s, line)))
        ORDER BY hash(item_id, pos)
      ) TO '${clicks}' (FORMAT PARQUET)`);
    engine.close();
    const fromCsv = await buildCatalogWithEngine(products, csv, { k: 10, tune: false });
    const fromParquet = await buildCatalogWithEngine(products, parquet, { k: 10, tune: false });
    expect(fromParquet.built).toEqual(fromCsv.built);
    const memory = buildCatalog(products, readInteractions(wellFormed.join('\n'), index).log, { k: 10, tune: false });
    const fromClicks = await buildCatalogWithEngine(products, clicks, { k: 10, tune: false });
    expect(fromClicks.read.kind).toBe('sessions');
    expect(fromClicks.built).toEqual(memory);
  }, 120_000);

  it('lists → Parquet folder → build --lists gives the catalog of a direct build', async () => {
    const path = join(dir, 'sessions-for-lists.txt');
    writeFileSync(path, sessions);
    const feed = join(dir, 'products.json');
    writeFileSync(feed, JSON.stringify(products.map(({ categories, ...p }) => ({ ...p, product_type: categories[0] }))));
    const out = join(dir, 'lists');
    const written = await runLists(parseListsArguments(['lists', '--products', feed, '--interactions', path, '--out', out, '--k', '10']), silentProgress);
    expect(written.map((f) => f.slice(out.length + 1)).sort()).toEqual([
      'cooc.parquet', 'holdout.parquet', 'manifest.json', 'next.parquet', 'next_repeats.parquet', 'popularity.parquet', 'sr.parquet',
      'train/cooc.parquet', 'train/next.parquet', 'train/next_repeats.parquet', 'train/popularity.parquet', 'train/sr.parquet',
    ]);
    const direct = await buildCatalogWithEngine(products, path, { k: 10, maxTuningCases: 300 });
    const fromLists = await buildFromListsDirectory(products, out, { maxTuningCases: 300 });
    expect(fromLists).toEqual(direct.built);
    await expect(buildFromListsDirectory(products.slice(1), out)).rejects.toThrow(/computed for another product feed/);
  }, 120_000);

  it('says what ran out when the engine runs out of memory or spill space', async () => {
    const engine = await ListEngine.open({ memoryLimit: '64MB', threads: 1 }, silentProgress);
    try {
      await engine.run("SET max_temp_directory_size = '1MB'");
      const run = engine.run('CREATE TABLE big AS SELECT i, md5(i::VARCHAR) AS h FROM range(5000000) t(i) ORDER BY h');
      await expect(run).rejects.toThrow(/the (disk ran out of space|engine ran out of memory)/);
    } finally {
      engine.close();
    }
  }, 120_000);
});
