/** Product aliases (the ids a shop's pages use besides the catalog's) and products without a category. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCurio } from '../src/index.js';
import { validateCatalog } from '../src/catalog/validate.js';
import { decodeFeatures, encodeFeatures } from '../src/catalog/featureCodec.js';
import { internCatalog } from '../src/catalog/intern.js';
import type { CatalogFile } from '../src/index.js';
import { outdoorCatalog, testClock } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

let db = 0;
const open = (catalog: CatalogFile) => {
  const clock = testClock();
  return { curio: createCurio({ catalog, now: clock.now, storeName: `aliases-${++db}`, locale: 'en' }), clock };
};

/** The fixture shop with the trail runner known by its SKU, WooCommerce post id and a Merchant Center feed id. */
const withAliases: CatalogFile = {
  ...outdoorCatalog,
  products: outdoorCatalog.products.map((p) => (p.id === 'trail-runner-2' ? { ...p, aliases: ['TR2-GRY', '1043', 'shopify_US_8123_4456'] } : p)),
};

describe('aliases', () => {
  test('a tracked alias counts as the catalog product, everywhere an id is used', async () => {
    const { curio } = open(withAliases);
    await curio.ready;
    curio.track({ type: 'view_item', item: 'TR2-GRY' });
    curio.track({ type: 'add_to_cart', item: '1043' });
    expect(curio.product('shopify_US_8123_4456')?.id).toBe('trail-runner-2');
    const profile = await curio.profile();
    // One product in the profile, under the catalog's id, whichever alias the page used.
    expect(profile.recentItems.map((r) => r.item)).toEqual(['trail-runner-2']);
    // The product page excludes the product itself even when it is named by an alias.
    const picks = await curio.recommend({ placement: 'product', item: 'TR2-GRY' });
    expect(picks.map((p) => p.item)).not.toContain('trail-runner-2');
  });

  test('an alias gives the same picks as the catalog id', async () => {
    const viaAlias = open(withAliases).curio;
    const viaId = open(withAliases).curio;
    viaAlias.track({ type: 'view_item', item: 'TR2-GRY' });
    viaId.track({ type: 'view_item', item: 'trail-runner-2' });
    const items = async (c: typeof viaId) => (await c.recommend({ placement: 'home', limit: 6 })).map((p) => [p.item, p.reasons.map((r) => r.text)]);
    expect(await items(viaAlias)).toEqual(await items(viaId));
  });

  test('removing an item from the profile removes it under all its aliases', async () => {
    const { curio } = open(withAliases);
    await curio.ready;
    curio.track({ type: 'view_item', item: 'TR2-GRY' });
    curio.track({ type: 'view_item', item: 'trail-runner-2' });
    await curio.removeInterest({ kind: 'item', value: 'trail-runner-2' });
    expect((await curio.exportData()).events).toEqual([]);
  });

  test('an alias naming another product, or claimed twice, is dropped with a problem naming both', () => {
    const products = [
      { ...outdoorCatalog.products[0]!, aliases: ['SKU-1', 'trail-runner-gtx'] },
      { ...outdoorCatalog.products[1]!, aliases: ['SKU-1', 'SKU-2'] },
      ...outdoorCatalog.products.slice(2),
    ];
    const v = validateCatalog({ ...outdoorCatalog, products });
    expect(v.products[0]!.aliases).toEqual(['SKU-1']);
    expect(v.products[1]!.aliases).toEqual(['SKU-2']);
    expect(v.aliasProblems).toEqual([
      'product "trail-runner-2": alias "trail-runner-gtx" already names product "trail-runner-gtx", ignored',
      'product "trail-runner-gtx": alias "SKU-1" already names product "trail-runner-2", ignored',
    ]);
    const cat = internCatalog(v);
    expect(cat.index.get('SKU-1')).toBe(0);
    expect(cat.index.get('trail-runner-gtx')).toBe(1);
  });

  test('aliases must be a list of texts', () => {
    const products = [{ ...outdoorCatalog.products[0]!, aliases: 'SKU-1' as never }, ...outdoorCatalog.products.slice(1)];
    expect(validateCatalog({ ...outdoorCatalog, products }).problems).toEqual(['product "trail-runner-2": invalid "aliases"']);
  });

  test('an unknown id warns once, naming it, and the event is kept', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { curio } = open(withAliases);
    curio.track({ type: 'view_item', item: 'not-in-catalog-1' }); // before the catalog is loaded
    await curio.ready;
    curio.track({ type: 'view_item', item: 'not-in-catalog-2' });
    curio.track({ type: 'add_to_cart', item: 'not-in-catalog-2' });
    curio.track({ type: 'view_item', item: 'TR2-GRY' });
    await curio.profile(); // ids are checked when the profile is built (or the store written)
    const unknown = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('neither a product id nor an alias'));
    expect(unknown).toHaveLength(2);
    expect(unknown[0]).toContain('"not-in-catalog-1"');
    expect(unknown[1]).toContain('"not-in-catalog-2"');
    expect((await curio.exportData()).events.map((e) => e.item)).toEqual(['not-in-catalog-1', 'not-in-catalog-2', 'not-in-catalog-2', 'TR2-GRY']);
  });
});

describe('aliases in compact catalogs', () => {
  test('features.bin carries them, and a compact catalog resolves a tracked alias', async () => {
    const bytes = encodeFeatures(internCatalog(validateCatalog(withAliases)), 'EUR');
    expect(decodeFeatures(bytes.slice().buffer).aliases).toEqual([['TR2-GRY', 0], ['1043', 0], ['shopify_US_8123_4456', 0]]);
    // Without aliases the file has no such column (older files decode alike).
    expect(decodeFeatures(encodeFeatures(internCatalog(validateCatalog(outdoorCatalog)), 'EUR').slice().buffer).aliases).toEqual([]);
    const { products, popularity: _, ...rest } = withAliases;
    const files = new Map<string, BodyInit>([
      ['catalog.json', JSON.stringify({ ...rest, products: [], features: 'features.bin', productShards: { count: 1, url: 'p/{shard}.json' } })],
      ['features.bin', bytes],
      ['p/0.json', JSON.stringify(products)],
    ]);
    vi.stubGlobal('fetch', async (url: URL) => new Response(files.get(String(url).replace('https://shop.example/', '')) ?? null, { status: files.has(String(url).replace('https://shop.example/', '')) ? 200 : 404 }));
    const { curio } = open('https://shop.example/catalog.json' as never);
    await curio.ready;
    curio.track({ type: 'view_item', item: '1043' });
    expect((await curio.profile()).recentItems.map((r) => r.item)).toEqual(['trail-runner-2']);
    vi.unstubAllGlobals();
  });
});

describe('products without a category', () => {
  const plain: CatalogFile = {
    version: 1,
    currency: 'EUR',
    products: Array.from({ length: 30 }, (_, i) => ({ id: `i${i}`, title: `Item ${i}`, url: `/p/${i}`, price: 10 + i, ...(i % 2 ? { categories: [] } : {}) })),
    neighbors: [{ id: 'cooc', kind: 'viewed_together', rows: { i1: [['i2', 3], ['i3', 1]], i2: [['i1', 2]] } }],
    popularity: { i5: 10, i6: 4 },
  };

  test('are valid, whether the field is left out or empty', () => {
    const v = validateCatalog(plain);
    expect(v.problems).toEqual([]);
    expect(v.products.every((p) => Array.isArray(p.categories) && p.categories.length === 0)).toBe(true);
  });

  test('rank on every placement, with reasons only from real evidence', async () => {
    const { curio } = open(plain);
    curio.track({ type: 'view_item', item: 'i1' });
    for (const placement of ['home', 'product', 'cart', 'category'] as const) {
      const picks = await curio.recommend({ placement, item: 'i1', limit: 8 });
      expect(picks.length).toBe(8);
    }
    const [first] = await curio.recommend({ placement: 'product', item: 'i1', limit: 8 });
    expect(first!.item).toBe('i2');
    expect(first!.reasons[0]).toMatchObject({ code: 'viewed_similar', evidence: { items: ['i1'] } });
    for (const pick of await curio.recommend({ placement: 'home', limit: 20 })) for (const r of pick.reasons) expect(r.text).not.toMatch(/undefined|More in\s*$/);
    expect((await curio.profile()).interests.categories).toEqual([]);
  });

  test('a compact catalog of uncategorized products encodes', () => {
    const bytes = encodeFeatures(internCatalog(validateCatalog(plain)), 'EUR');
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});
