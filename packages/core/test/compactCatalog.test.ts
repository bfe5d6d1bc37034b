/** Compact catalogs (features.bin + product shards): same picks and reasons as the JSON catalog, lazy records, bad files handled. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CurioError } from '../src/index.js';
import type { CatalogFile, Pick, Rule } from '../src/index.js';
import { createRanker, decodeFeatures, encodeFeatures } from '../src/internal.js';
import { outdoorCatalog, replay, testCurio, type Step } from './helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const SHARDS = 3;
const BASE = 'https://shop.example/curio/';

/** The fixture shop in compact form, served from memory; `fetched` lists the URLs asked for. */
function serveCompact(change: (files: Map<string, BodyInit>) => void = () => {}, lead: CatalogFile['products'] = [], source: CatalogFile = outdoorCatalog) {
  const { products, popularity: _, ...rest } = source;
  const catalog: CatalogFile = { ...rest, products: lead, features: 'features.bin', productShards: { count: SHARDS, url: 'products/{shard}.json' } };
  const files = new Map<string, BodyInit>([
    ['catalog.json', JSON.stringify(catalog)],
    ['features.bin', encodeFeatures(createRanker(source).catalog, source.currency)],
  ]);
  for (let s = 0; s < SHARDS; s++) files.set(`products/${s}.json`, JSON.stringify(products.filter((_, i) => i % SHARDS === s)));
  change(files);
  const fetched: string[] = [];
  vi.stubGlobal('fetch', async (url: URL) => {
    const path = String(url).slice(BASE.length);
    fetched.push(path);
    const body = files.get(path);
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body);
  });
  return { fetched, url: `${BASE}catalog.json` };
}

const history: Step[] = [
  { type: 'view_item', item: 'trail-runner-2', minutesAgo: 9 },
  { type: 'view_item', item: 'summit-boot', minutesAgo: 5 },
  { type: 'add_to_cart', item: 'trail-runner-2', minutesAgo: 2 },
  { preference: { kind: 'brand', value: 'Peakline', like: true } },
];

async function picksAfter(catalog: string | CatalogFile, steps: Step[]): Promise<Pick[][]> {
  const { curio, clock } = testCurio({ catalog, consent: 'denied' });
  await curio.ready;
  await replay(curio, clock, steps);
  return Promise.all([
    curio.recommend({ placement: 'home', limit: 6 }),
    curio.recommend({ placement: 'product', item: 'summit-boot', limit: 4 }),
    curio.recommend({ placement: 'cart', limit: 4 }),
    curio.recommend({ placement: 'category', category: 'Shoes', limit: 4 }),
  ]);
}

describe('compact catalogs', () => {
  test('features round-trip: the decoded columns are the interned arrays', () => {
    const interned = createRanker(outdoorCatalog).catalog;
    const bytes = encodeFeatures(interned, 'EUR');
    const f = decodeFeatures(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    // One id at a time (decoded alone), then all of them.
    expect(interned.products.map((_, i) => f.id(i))).toEqual(interned.products.map((p) => p.id));
    expect(f.ids).toEqual(interned.products.map((p) => p.id));
    expect([...f.price]).toEqual(interned.products.map((p) => p.price));
    expect([...f.popularity]).toEqual([...interned.popularity]);
    expect([...f.category]).toEqual([...interned.category]);
    expect(f.names.categories).toEqual(interned.categoryNames);
    // Product groups and repurchasable flags travel too.
    expect([...f.lead]).toEqual([...interned.lead]);
    expect([...f.repurchasable]).toEqual([...interned.repurchasable]);
    expect(new Set(f.lead).size).toBeLessThan(interned.size);
  });

  test('variants are one product in a compact catalog too', async () => {
    const { url } = serveCompact();
    const [home] = await picksAfter(url, [{ type: 'view_item', item: 'wool-beanie', minutesAgo: 1 }]);
    const { curio } = testCurio({ catalog: url, consent: 'denied' });
    await curio.ready;
    const picks = await curio.recommend({ placement: 'product', item: 'wool-beanie', limit: 8 });
    expect(picks.filter((p) => p.item.startsWith('fleece-'))).toHaveLength(1);
    expect(home!.filter((p) => p.item.startsWith('fleece-')).length).toBeLessThanOrEqual(1);
  });

  test('ids in any script decode alone; a features file with a wrong id count is refused', () => {
    const ids = ['chaussure-été', 'сапоги', '靴-1', 'plain'];
    const renamed: CatalogFile = { ...outdoorCatalog, products: outdoorCatalog.products.slice(0, 4).map((p, i) => ({ ...p, id: ids[i]! })), popularity: {} };
    const bytes = encodeFeatures(createRanker(renamed).catalog, 'EUR');
    const buffer = () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const f = decodeFeatures(buffer());
    expect([3, 0, 2, 1].map((i) => f.id(i))).toEqual([3, 0, 2, 1].map((i) => ids[i]));
    // A line break more in the ids column, same length: "pl\nin".
    const broken = new Uint8Array(buffer());
    broken[Buffer.from(broken).indexOf('plain') + 2] = 10;
    expect(() => decodeFeatures(broken.buffer)).toThrow(/5 ids for 4 items/);
  });

  test('rank exactly like the same catalog in JSON, fetching product records only for what is shown', async () => {
    const { fetched, url } = serveCompact();
    const compact = await picksAfter(url, history);
    expect(fetched.filter((p) => p.startsWith('products/')).length).toBeLessThanOrEqual(SHARDS);
    vi.unstubAllGlobals();
    const json = await picksAfter(outdoorCatalog, history);
    expect(compact).toEqual(json);
    expect(compact[0]!.every((p) => p.product.title && p.product.url)).toBe(true);
  });

  test('nothing beyond catalog.json and features.bin is fetched before a list is asked for', async () => {
    const { fetched, url } = serveCompact();
    const { curio } = testCurio({ catalog: url, consent: 'denied' });
    await curio.ready;
    expect(fetched).toEqual(['catalog.json', 'features.bin']);
    expect(curio.product('trail-runner-2')).toMatchObject({ id: 'trail-runner-2', categories: ['Shoes', 'Trail'] });
    const [pick] = await curio.recommend({ placement: 'home', limit: 1 });
    expect(fetched).toHaveLength(3);
    expect(pick!.product).toEqual({ currency: outdoorCatalog.currency, ...outdoorCatalog.products.find((p) => p.id === pick!.item) });
  });

  test('records carried by catalog.json need no shard: a first visit\'s picks come without one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const firstVisit = createRanker(outdoorCatalog).rank({ events: [] }, { placement: 'home', limit: 4 }, 0);
    const records = firstVisit.map((p) => outdoorCatalog.products.find((q) => q.id === p.item)!);
    const { fetched, url } = serveCompact(undefined, [...records, { ...records[0]!, id: 'not-in-features' }]);
    const { curio } = testCurio({ catalog: url, consent: 'denied' });
    await curio.ready;
    const picks = await curio.recommend({ placement: 'home', limit: 4 });
    expect(fetched).toEqual(['catalog.json', 'features.bin']);
    expect(picks.map((p) => p.product)).toEqual(records.map((r) => ({ currency: outdoorCatalog.currency, ...r })));
    expect(warn.mock.calls.flat().join(' ')).toMatch(/1 product record\(s\) of the catalog are not in its features file/);
    // A longer list shows products catalog.json does not carry: their shards are fetched.
    const more = await curio.recommend({ placement: 'home', limit: 8 });
    expect(fetched.some((p) => p.startsWith('products/'))).toBe(true);
    expect(more.every((p) => p.product.title && p.product.url)).toBe(true);
  });

  test('products are made on first use, yet the catalog reads as a plain array', async () => {
    const { url } = serveCompact();
    const { curio } = testCurio({ catalog: url, consent: 'denied' });
    await curio.ready;
    const products = curio.products();
    const ids = outdoorCatalog.products.map((p) => p.id);
    expect(products).toHaveLength(ids.length);
    expect(products.map((p) => p.id)).toEqual(ids);
    expect([...products].map((p) => p.id)).toEqual(ids);
    const seen: string[] = [];
    products.forEach((p) => seen.push(p.id));
    expect(seen).toEqual(ids);
    expect(0 in products && !(ids.length in products)).toBe(true);
    expect(products[1]).toBe(products[1]); // the same object, so a loaded record shows everywhere
    expect(curio.product(ids[2]!)).toBe(products[2]);
    expect(curio.product('no-such-id')).toBeUndefined();
    // Attributes come from the features, so the quiz can ask about sizes before any shard loads (a variant's own values are attributes too).
    const values = (a: Record<string, string | string[]> = {}) => Object.entries(a).flatMap(([name, v]) => [v].flat().map((value) => `${name}=${value}`)).sort();
    expect(products.map((p) => values(p.attributes))).toEqual(outdoorCatalog.products.map((p) => values({ ...p.variant, ...p.attributes })));
    expect(outdoorCatalog.products.some((p) => Object.values(p.attributes ?? {}).some(Array.isArray))).toBe(true);
  });

  test('merchant tags travel in the features: tag rules match before any product record loads', async () => {
    const tagged: CatalogFile = { ...outdoorCatalog, products: outdoorCatalog.products.map((p, i) => (i % 4 === 3 ? { ...p, tags: ['rainy-day', `t${i}`] } : p)) };
    const rules: Rule[] = [{ id: 'rain', when: { placement: 'home' }, then: { boost: { tag: 'rainy-day' }, weight: 3, label: 'Rainy day pick' } }];
    const { fetched, url } = serveCompact(undefined, [], tagged);
    const { curio } = testCurio({ catalog: url, consent: 'denied', rules });
    await curio.ready;
    expect(curio.products().map((p) => p.tags)).toEqual(tagged.products.map((p) => p.tags));
    expect(fetched).toEqual(['catalog.json', 'features.bin']);
    const compact = await curio.recommend({ placement: 'home', limit: 6 });
    vi.unstubAllGlobals();
    const json = await testCurio({ catalog: tagged, consent: 'denied', rules }).curio.recommend({ placement: 'home', limit: 6 });
    expect(compact).toEqual(json);
    expect(compact.filter((p) => p.reasons[0]!.code === 'merchant_pick').length).toBeGreaterThan(0);
  });

  test('a bad product record is warned about and shown without details; a failed shard is retried', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let failing = true;
    const { fetched, url } = serveCompact((files) => {
      const shard = JSON.parse(files.get('products/0.json') as string);
      shard[0].url = 'javascript:alert(1)';
      files.set('products/0.json', JSON.stringify(shard));
    });
    const real = globalThis.fetch;
    let failed = 0;
    vi.stubGlobal('fetch', async (u: URL) => (failing && String(u).endsWith('products/1.json') && ++failed ? new Response('', { status: 503 }) : real(u)));
    const { curio } = testCurio({ catalog: url, consent: 'denied' });
    await curio.ready;
    const first = await curio.recommend({ placement: 'home', limit: 8 });
    expect(first).toHaveLength(8);
    const bad = outdoorCatalog.products[0]!.id;
    expect(curio.product(bad)!.url).toBe('');
    expect(warn.mock.calls.flat().join(' ')).toMatch(/invalid "url"/);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/products\/1\.json could not be loaded/);
    failing = false;
    await curio.recommend({ placement: 'home', limit: 8 });
    expect(failed).toBe(1);
    expect(fetched).toContain('products/1.json');
  });

  test('an unreadable features file rejects ready with a CurioError', async () => {
    const { url } = serveCompact((files) => files.set('features.bin', 'not binary'));
    const { curio } = testCurio({ catalog: url, consent: 'denied' });
    await expect(curio.ready).rejects.toThrow(CurioError);
    await expect(curio.ready).rejects.toMatchObject({ code: 'invalid_catalog' });
  });
});
