/**
 * What a page fetches never depends on the visitor's history: a history item's neighbour rows
 * (and, in compact catalogs, its title) are fetched on its own page only, kept in the visitor's
 * record, and later pages rank from that copy without a request, exactly as with every row at hand.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCurio } from '../src/index.js';
import type { CatalogFile, Pick } from '../src/index.js';
import { createRanker, dequantizeWeight, encodeFeatures, encodeShard, quantizeWeight } from '../src/internal.js';
import { MAX_KEPT_ITEMS } from '../src/store/keptItems.js';
import { outdoorCatalog, readRecord, testClock } from './helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const BASE = 'https://shop.example/curio/';
const NEIGHBOR_SHARDS = 7;
const PRODUCT_SHARDS = 5;
const { products, neighbors = [] } = outdoorCatalog;
const position = new Map(products.map((p, i) => [p.id, i]));
// Inline rows with the weights a shard keeps (8-bit log scale), so every variant holds the same rows.
const quantized = neighbors.map((l) => ({
  ...l,
  rows: Object.fromEntries(
    Object.entries(l.rows ?? {}).map(([id, row]) => {
      const max = Math.max(...row.map(([, w]) => w));
      return [id, row.map(([n, w]) => [n, dequantizeWeight(quantizeWeight(w, max))] as [string, number])];
    }),
  ),
}));
const inline: CatalogFile = { ...outdoorCatalog, neighbors: quantized };

/** The shop's files, served from memory: inline rows, neighbour shards, or compact with both kinds of shard. */
function serve(variant: 'sharded' | 'compact') {
  const files = new Map<string, BodyInit>();
  for (let s = 0; s < NEIGHBOR_SHARDS; s++) {
    files.set(`neighbors/${s}.bin`, encodeShard(products.flatMap((p, i) => (i % NEIGHBOR_SHARDS === s ? [{ item: i, lists: quantized.map((l) => (l.rows[p.id] ?? []).map(([n, w]) => [position.get(n)!, w] as [number, number])) }] : []))));
  }
  let catalog: CatalogFile = { ...outdoorCatalog, neighbors: neighbors.map(({ id, kind }) => ({ id, kind })), neighborShards: { count: NEIGHBOR_SHARDS, url: 'neighbors/{shard}.bin' } };
  if (variant === 'compact') {
    const { products: _, popularity: __, ...rest } = catalog;
    catalog = { ...rest, products: [], features: 'features.bin', productShards: { count: PRODUCT_SHARDS, url: 'products/{shard}.json' } };
    files.set('features.bin', encodeFeatures(createRanker(outdoorCatalog).catalog, outdoorCatalog.currency));
    for (let s = 0; s < PRODUCT_SHARDS; s++) files.set(`products/${s}.json`, JSON.stringify(products.filter((_, i) => i % PRODUCT_SHARDS === s)));
  }
  files.set('catalog.json', JSON.stringify(catalog));
  const fetched: string[] = [];
  const inits: RequestInit[] = [];
  vi.stubGlobal('fetch', async (url: URL, init: RequestInit) => {
    const path = String(url).slice(BASE.length);
    fetched.push(path);
    inits.push(init);
    const body = files.get(path);
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body);
  });
  return { fetched, inits, url: `${BASE}catalog.json` };
}

const shardOfItem = (id: string) => `neighbors/${position.get(id)! % NEIGHBOR_SHARDS}.bin`;
const recordShardOf = (id: string) => `products/${position.get(id)! % PRODUCT_SHARDS}.json`;
const HISTORY = ['trail-runner-2', 'summit-boot', 'headlamp', 'down-jacket'];

/** A visit: one page per history item (its view tracked there, its product widget shown), all flushed. */
async function browse(catalog: string | CatalogFile, storeName: string, clock: { t: number; now: () => number }) {
  for (const item of HISTORY) {
    clock.t += 60_000;
    const page = createCurio({ catalog, storeName, now: clock.now, locale: 'en' });
    await page.ready;
    page.track({ type: 'view_item', item });
    await page.recommend({ placement: 'product', item, limit: 4 });
    await page.setPreference({ kind: 'brand', value: 'No such brand', like: false }); // flushes at once
    // The view and the kept data are in (the kept copy lands after its files).
    await vi.waitFor(async () => expect(Object.keys((await readRecord(storeName)).kept ?? {})).toContain(item));
  }
}

const shown = (picks: Pick[]) => picks.map((p) => [p.item, p.product.title, p.reasons.map((r) => r.text)]);

describe('history-independent requests', () => {
  for (const variant of ['sharded', 'compact'] as const) {
    test(`${variant}: later pages fetch nothing for the history, and rank and explain exactly as with every row at hand`, async () => {
      const clock = testClock();
      const server = serve(variant);
      await browse(server.url, `requests-${variant}`, clock);
      // Each item page fetched its own shard(s); the history's files were never asked for elsewhere.
      for (const item of HISTORY) expect(server.fetched).toContain(shardOfItem(item));

      // A later page (home, cart): the same requests as a first visit's, plus records of picks shown.
      clock.t += 60_000;
      server.fetched.length = 0;
      const later = createCurio({ catalog: server.url, storeName: `requests-${variant}`, now: clock.now, locale: 'en' });
      const home = await later.recommend({ placement: 'home', limit: 6 });
      const cart = await later.recommend({ placement: 'cart', limit: 4 });
      expect(server.fetched.filter((p) => p.startsWith('neighbors/'))).toEqual([]);
      const records = new Set([...home, ...cart].map((p) => recordShardOf(p.item)));
      for (const path of server.fetched.filter((p) => p.startsWith('products/'))) expect(records).toContain(path);

      // The same visitor on a catalog with every row inline: same picks, same reasons.
      const reference = createCurio({ catalog: inline, storeName: `requests-${variant}`, now: clock.now, locale: 'en' });
      expect(shown(home)).toEqual(shown(await reference.recommend({ placement: 'home', limit: 6 })));
      expect(shown(cart)).toEqual(shown(await reference.recommend({ placement: 'cart', limit: 4 })));
      // Reasons name history items by their titles (kept ones, in a compact catalog).
      const title = new Map(products.map((p) => [p.id, p.title]));
      const named = [...home, ...cart].flatMap((p) => p.reasons).filter((r) => r.evidence.items?.some((id) => id !== undefined && HISTORY.includes(id) && r.text.includes(title.get(id)!)));
      expect(named.length).toBeGreaterThan(0);

      // Every catalog fetch: no cookies, no referrer.
      for (const init of server.inits) expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    });
  }

  test('a first visit and a returning one ask for the same files on the same page', async () => {
    const clock = testClock();
    const server = serve('sharded');
    await browse(server.url, 'requests-returning', clock);
    const pageRequests = async (storeName: string) => {
      server.fetched.length = 0;
      const page = createCurio({ catalog: server.url, storeName, now: clock.now, locale: 'en' });
      await page.recommend({ placement: 'home', limit: 6 });
      await page.recommend({ placement: 'category', category: 'Shoes', limit: 4 });
      return [...server.fetched];
    };
    expect(await pageRequests('requests-returning')).toEqual(await pageRequests('requests-first'));
  });

  test('kept data is bounded, evicted with the history and erased by forget()', async () => {
    const clock = testClock();
    const server = serve('sharded');
    const storeName = 'requests-bounded';
    await browse(server.url, storeName, clock);
    const page = createCurio({ catalog: server.url, storeName, now: clock.now, locale: 'en' });
    await page.ready;
    // Removing an item from the history removes its kept copy.
    await page.removeInterest({ kind: 'item', value: 'summit-boot' });
    expect(Object.keys((await readRecord(storeName)).kept).sort()).toEqual(HISTORY.filter((i) => i !== 'summit-boot').sort());
    // Retention: a year later, the history and its kept copy are gone.
    clock.t += 365 * 864e5;
    await page.setPreference({ kind: 'brand', value: 'Lumo', like: true });
    expect((await readRecord(storeName)).kept).toBeUndefined();
    await page.forget();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(storeName);
  });

  test(`at most ${MAX_KEPT_ITEMS} items are kept, the most recently viewed`, async () => {
    const { keepItem, evictKeptItems } = await import('../src/store/keptItems.js');
    const { emptyState } = await import('../src/store/state.js');
    let state = emptyState();
    for (let i = 0; i < MAX_KEPT_ITEMS + 30; i++) {
      state.events.push({ id: `e${i}`, at: i, type: 'view_item', item: `sku-${i}` });
      state = keepItem(`sku-${i}`, { at: i, rows: { similar: [['sku-0'], [1]] } })(state);
    }
    const kept = Object.keys(evictKeptItems(state).kept!);
    expect(kept).toHaveLength(MAX_KEPT_ITEMS);
    expect(kept).toContain(`sku-${MAX_KEPT_ITEMS + 29}`);
    expect(kept).not.toContain('sku-29');
  });
});
