/**
 * Property-based fuzzing of what a page or a shop hands to Curio: createCurio() options, catalog
 * files, recommend() requests and preference changes. Configuration mistakes are CurioErrors;
 * nothing else ever escapes, and a bad product only skips itself.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCurio, CurioError, type CatalogFile, type Curio } from '../src/index.js';
import { validateCatalog } from '../src/catalog/validate.js';
import { outdoorCatalog } from './helpers.js';

/** Fuzz run counts, reported in docs/reliability.md. */
const RUNS = { options: 300, catalogs: 300, products: 300, requests: 500, preferences: 300, interests: 300 };

const MB = 'x'.repeat(1 << 20);
/** Junk of every kind, with the specials that break naive code. */
const junk = fc.oneof(
  fc.anything({ withBigInt: true, withNullPrototype: true, withTypedArray: true, withMap: true, withSet: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, MB, '__proto__', 'constructor', '<img src=x onerror=alert(1)>', 'javascript:alert(1)'),
  fc.letrec((tie) => ({ deep: fc.oneof({ depthSize: 'large', maxDepth: 60 }, fc.constant(1), fc.array(tie('deep'), { maxLength: 2 }), fc.dictionary(fc.string(), tie('deep'), { maxKeys: 2 })) })).deep,
);
/** A product that is valid, then possibly one field replaced by junk. */
const product = fc.record({ n: fc.nat(30), field: fc.constantFrom('id', 'title', 'url', 'image', 'price', 'currency', 'categories', 'brand', 'attributes', 'inStock', 'rating', 'reviewCount', 'reviews', 'none'), value: junk }).map(({ n, field, value }) => {
  const p: Record<string, unknown> = { ...outdoorCatalog.products[n % outdoorCatalog.products.length]! };
  if (field !== 'none') p[field] = value;
  return p;
});

const settle = async (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});
afterEach(() => vi.restoreAllMocks());

describe('createCurio() options', () => {
  test('any options: a CurioError at once, or an instance that works; ready only ever rejects with a CurioError', async () => {
    quiet();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(junk, fc.record({ catalog: fc.oneof(fc.constant(outdoorCatalog), junk), locale: junk, consent: junk, retentionDays: junk, now: junk, storeName: junk, respectGPC: junk }, { requiredKeys: ['catalog'] })),
        async (options) => {
          let curio: Curio;
          try {
            curio = createCurio({ ...(options as object), storeName: `opt-${++n}`, consent: 'denied' } as never);
          } catch (e) {
            expect(e).toBeInstanceOf(CurioError);
            return;
          }
          const error = await settle(curio.ready);
          if (error) return void expect(error).toBeInstanceOf(CurioError);
          curio.track({ type: 'view_item', item: 'headlamp' });
          expect((await curio.recommend({ placement: 'home', limit: 3 })).length).toBe(3);
        },
      ),
      { numRuns: RUNS.options },
    );
  });
});

describe('catalog files', () => {
  test('any file: validation throws a CurioError or returns only valid, unique products', () => {
    fc.assert(
      fc.property(
        fc.oneof(junk, fc.record({ version: fc.oneof(fc.constant(1), junk), currency: fc.oneof(fc.constant('EUR'), junk), products: fc.oneof(fc.array(fc.oneof(product, junk), { maxLength: 20 }), junk), neighbors: junk, neighborShards: junk, popularity: junk, weights: junk }, { requiredKeys: ['version', 'products'] })),
        (file) => {
          let result;
          try {
            result = validateCatalog(file);
          } catch (e) {
            expect(e).toBeInstanceOf(CurioError);
            return;
          }
          expect(result.products.length).toBeGreaterThan(0);
          expect(new Set(result.products.map((p) => p.id)).size).toBe(result.products.length);
          for (const p of result.products) {
            expect(typeof p.title).toBe('string');
            expect(Number.isFinite(p.price) && p.price >= 0).toBe(true);
          }
        },
      ),
      { numRuns: RUNS.catalogs },
    );
  });

  test('bad products are skipped with one warning; the rest rank, whatever the junk', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(product, { minLength: 1, maxLength: 12 }), async (products) => {
        const warn = quiet();
        const catalog = { ...outdoorCatalog, products: [...outdoorCatalog.products, ...products.map((p, i) => ({ ...p, id: typeof p.id === 'string' ? `${p.id}-${i}` : p.id }))] } as CatalogFile;
        const curio = createCurio({ catalog, consent: 'denied' });
        await curio.ready;
        curio.track({ type: 'view_item', item: 'headlamp' });
        const picks = await curio.recommend({ placement: 'product', item: 'headlamp', limit: 8 });
        expect(picks.length).toBe(8);
        for (const pick of picks) expect(Number.isFinite(pick.score)).toBe(true);
        expect(warn.mock.calls.length).toBeLessThanOrEqual(1);
        vi.restoreAllMocks();
      }),
      { numRuns: RUNS.products },
    );
  });

  test('neighbour rows, popularity and weights of any shape: a CurioError or finite scores', async () => {
    quiet();
    await fc.assert(
      fc.asyncProperty(
        fc.record({ rows: junk, popularity: junk, weights: fc.oneof(junk, fc.dictionary(fc.constantFrom('stepSeconds', 'reshow', 'history', 'historyHalfLifeDays', 'cart', 'category', 'lists'), junk)) }),
        async ({ rows, popularity, weights }) => {
          const catalog = { ...outdoorCatalog, popularity, weights, neighbors: [{ id: 'x', kind: 'similar', rows }] } as never;
          const curio = createCurio({ catalog, consent: 'denied' });
          const error = await settle(curio.ready);
          if (error) return void expect(error).toBeInstanceOf(CurioError);
          curio.track({ type: 'view_item', item: 'headlamp' });
          const picks = await curio.recommend({ placement: 'product', item: 'headlamp', limit: 5 });
          expect(picks.length).toBe(5);
          for (const pick of picks) expect(Number.isFinite(pick.score)).toBe(true);
        },
      ),
      { numRuns: RUNS.catalogs },
    );
  });

  test('duplicate ids, 1 MB strings and NaN/Infinity prices are skipped by name, in one warning', async () => {
    vi.resetModules(); // a fresh page: warnings are once per page
    const { createCurio } = await import('../src/index.js');
    const warn = quiet();
    const base = outdoorCatalog.products[0]!;
    const bad = [{ ...base }, { ...base, id: 'long', title: MB }, { ...base, id: MB }, { ...base, id: 'nan', price: NaN }, { ...base, id: 'inf', price: Infinity }];
    const curio = createCurio({ catalog: { ...outdoorCatalog, products: [...outdoorCatalog.products, ...bad] }, consent: 'denied' });
    await curio.ready;
    expect(curio.products()).toHaveLength(outdoorCatalog.products.length);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0])).toMatch(/5 catalog product\(s\) skipped: product "trail-runner-2": duplicate id; product "long": invalid "title"; product "x{60}": invalid "id"; product "nan": invalid "price"; product "inf": invalid "price"/);
  });

  test('100,000 products load and rank', async () => {
    const products = Array.from({ length: 100_000 }, (_, i) => ({ id: `p${i}`, title: `Product ${i}`, url: `/p/${i}`, price: 1 + (i % 500), categories: [`C${i % 40}`, `S${i % 400}`], brand: `B${i % 300}`, attributes: { size: ['S', 'M', 'L'][i % 3]! } }));
    const curio = createCurio({ catalog: { version: 1, currency: 'EUR', products }, consent: 'denied' });
    await curio.ready;
    for (let i = 0; i < 20; i++) curio.track({ type: 'view_item', item: `p${i * 400}` });
    const picks = await curio.recommend({ placement: 'home', limit: 10 });
    expect(picks).toHaveLength(10);
    expect(picks.filter((p) => p.product.categories[0] === 'C0').length).toBeGreaterThanOrEqual(5);
  });
});

describe('calls from the page', () => {
  const ready = async () => {
    const curio = createCurio({ catalog: outdoorCatalog, consent: 'denied' });
    await curio.ready;
    curio.track({ type: 'view_item', item: 'headlamp' });
    return curio;
  };

  test('recommend() with any request: picks, or a CurioError', async () => {
    const curio = await ready();
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.record({ placement: fc.oneof(fc.constantFrom('home', 'product', 'cart', 'category'), junk), item: junk, category: junk, limit: junk, exclude: junk }, { requiredKeys: ['placement'] })), async (request) => {
        const error = await settle(curio.recommend(request as never));
        if (error) expect(error).toBeInstanceOf(CurioError);
      }),
      { numRuns: RUNS.requests },
    );
  });

  test('setPreference() with anything: stored if valid, else a CurioError; the profile stays valid', async () => {
    const curio = await ready();
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.record({ kind: fc.oneof(fc.constantFrom('brand', 'category', 'attribute', 'price'), junk), value: junk, like: fc.oneof(fc.boolean(), junk), remove: junk }, { requiredKeys: ['kind', 'value'] })), async (update) => {
        const error = await settle(curio.setPreference(update as never));
        if (error) expect(error).toBeInstanceOf(CurioError);
      }),
      { numRuns: RUNS.preferences },
    );
    const { preferences } = await curio.exportData();
    for (const p of preferences) expect(['brand', 'category', 'attribute', 'price']).toContain(p.kind);
    expect((await curio.recommend({ placement: 'home', limit: 4 })).length).toBe(4);
  });

  test('removeInterest() with anything never rejects with anything but a CurioError', async () => {
    const curio = await ready();
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.record({ kind: fc.oneof(fc.constantFrom('item', 'category', 'brand', 'attribute'), junk), value: junk })), async (interest) => {
        const error = await settle(curio.removeInterest(interest as never));
        if (error) expect(error).toBeInstanceOf(CurioError);
      }),
      { numRuns: RUNS.interests },
    );
  });
});
