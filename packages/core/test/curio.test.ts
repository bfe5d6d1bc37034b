/** The public object end to end on fake-indexeddb: persistence, consent, GPC, forget, export, errors. */
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCurio, CurioError } from '../src/index.js';
import { dequantizeWeight, encodeShard, quantizeWeight } from '../src/internal.js';
import { internCatalog, interning } from '../src/catalog/intern.js';
import { validateCatalog, validating } from '../src/catalog/validate.js';
import { inTasks, SLICE, TASK_BUDGET_MS } from '../src/slices.js';
import { outdoorCatalog, replay, testClock, testCurio } from './helpers.js';

const databases = async () => (await indexedDB.databases()).map((d) => d.name);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('createCurio', () => {
  test('configuration mistakes throw CurioError with a code and a docs link', () => {
    expect(() => createCurio({} as never)).toThrow(CurioError);
    const badLocale = () => createCurio({ catalog: outdoorCatalog, locale: 'es' as never });
    expect(badLocale).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringMatching(/locale.*docs\//s) }));
    expect(() => createCurio({ catalog: outdoorCatalog, retentionDays: -1 })).toThrow(/retentionDays/);
  });

  test('an invalid catalog rejects ready (and recommend) with a CurioError naming the problem', async () => {
    const curio = createCurio({ catalog: { version: 2, products: [] } as never, storeName: 'bad-catalog' });
    await expect(curio.ready).rejects.toMatchObject({ code: 'invalid_catalog' });
    await expect(curio.recommend({ placement: 'home' })).rejects.toBeInstanceOf(CurioError);
  });

  test('a bad product is skipped with one warning naming the product and field', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const products = [...outdoorCatalog.products, { ...outdoorCatalog.products[0]!, id: 'broken', price: Number.NaN }, { ...outdoorCatalog.products[0]!, id: 'odd-size', attributes: { size: 42 } } as never];
    const curio = createCurio({ catalog: { ...outdoorCatalog, products }, storeName: 'skip-bad' });
    await curio.ready;
    expect(curio.product('broken')).toBeUndefined();
    expect(warn.mock.calls.flat().join(' ')).toMatch(/"broken": invalid "price"/);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/"odd-size": invalid "attributes.size"/);
  });

  test(`a large catalog is checked and interned in slices of ${SLICE} products, with the same result`, async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const base = outdoorCatalog.products[0]!;
    const products = Array.from({ length: 4500 }, (_, i) => ({ ...base, id: `p${i}`, ...(i === 4321 && { url: 'javascript:alert(1)' }) }));
    const file = { ...outdoorCatalog, products };
    // Runs the slices, counting the pauses between them.
    const run = <T>(work: Generator<void, T>): [number, T] => {
      for (let pauses = 0; ; pauses++) {
        const step = work.next();
        if (step.done) return [pauses, step.value];
      }
    };
    const slices = Math.ceil(products.length / SLICE);
    const [checkPauses, validated] = run(validating(file));
    expect(checkPauses).toBe(slices - 1);
    expect(validated).toEqual(validateCatalog(file));
    // Interning pauses before each slice, then between its phases (popularity, sort, top lists)
    // and before each neighbour list.
    const [internPauses, interned] = run(interning(validated));
    expect(internPauses).toBe(slices + 3 + (file.neighbors?.length ?? 0));
    expect(interned).toEqual(internCatalog(validated));
    // createCurio checks it that way: everything but the bad product.
    const curio = createCurio({ catalog: file, storeName: 'sliced' });
    await curio.ready;
    expect(curio.products().map((p) => p.id)).toEqual(products.map((p) => p.id).filter((id) => id !== 'p4321'));
  });

  test(`slices run in tasks of about ${TASK_BUDGET_MS} ms: the page gets a turn once a task has used its time`, async () => {
    // A clock that each slice moves by 4 ms: a pause is due after every third slice.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const done: number[] = [];
    function* work() {
      for (let slice = 1; slice <= 10; slice++) {
        clock += 4;
        done.push(slice);
        yield;
      }
      return 'all';
    }
    const pausedAfter: number[] = [];
    const result = await inTasks(work(), async () => void pausedAfter.push(done.length));
    expect(result).toBe('all');
    expect(pausedAfter).toEqual([3, 6, 9]);
  });

  test('events persist in IndexedDB and a second instance (another tab) sees them', async () => {
    const { curio, clock } = testCurio({ storeName: 'persist' });
    await curio.ready;
    await replay(curio, clock, [{ type: 'view_item', item: 'headlamp', minutesAgo: 1 }]);
    await curio.setPreference({ kind: 'brand', value: 'Lumo', like: true }); // flushes
    const tab2 = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: 'persist' });
    await tab2.ready;
    const view = await tab2.profile();
    expect(view.recentItems.map((r) => r.item)).toEqual(['headlamp']);
    expect(view.preferences).toEqual([{ kind: 'brand', value: 'Lumo', like: true }]);
    expect(view.storage).toBe('indexeddb');
  });

  test('every kind of preference is kept (price bands too) and a bad one is refused naming the field', async () => {
    const { curio } = testCurio();
    await curio.ready;
    const prefs = [
      { kind: 'brand', value: 'Lumo', like: true },
      { kind: 'category', value: 'Shirts', like: false },
      { kind: 'attribute', value: ['color', 'blue'], like: true },
      { kind: 'price', value: [20, 80], like: true },
    ] as const;
    for (const p of prefs) await curio.setPreference(p);
    expect((await curio.profile()).preferences).toEqual(prefs);
    // preferences() gives the same without the preference center's chunk, and a copy the caller cannot corrupt.
    const read = await curio.preferences();
    expect(read).toEqual(prefs);
    (read[0] as { like: boolean }).like = false;
    expect((await curio.preferences())[0]).toEqual(prefs[0]);
    await expect(curio.setPreference({ kind: 'price', value: [80, 20], like: true })).rejects.toMatchObject({ code: 'invalid_preference', message: expect.stringMatching(/"value" must be .*min.*max/) });
    await expect(curio.setPreference({ kind: 'brand', value: 'Lumo' } as never)).rejects.toThrow(/"like" must be true or false/);
  });

  test('two instances tracking on one database lose nothing', async () => {
    const clock = testClock();
    const a = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: 'two-tabs' });
    const b = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: 'two-tabs' });
    await Promise.all([a.ready, b.ready]);
    for (let n = 0; n < 30; n++) {
      clock.t += 1000;
      a.track({ type: 'view_item', item: 'headlamp' });
      b.track({ type: 'view_item', item: 'lantern' });
    }
    await Promise.all([a.setPreference({ kind: 'brand', value: 'Lumo', like: true }), b.setPreference({ kind: 'brand', value: 'Alpin', like: true })]);
    const c = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: 'two-tabs' });
    const counts = (await c.profile()).eventCounts;
    expect(counts.view_item).toBe(60);
    expect((await c.profile()).preferences).toHaveLength(2);
  });

  test("consent 'pending' keeps everything in memory until granted, then keeps the session", async () => {
    const { curio, clock } = testCurio({ storeName: 'pending', consent: 'pending' });
    await curio.ready;
    await replay(curio, clock, [{ type: 'view_item', item: 'headlamp' }]);
    await curio.setPreference({ kind: 'brand', value: 'Lumo', like: true });
    expect((await curio.profile()).storage).toBe('memory');
    expect(await databases()).not.toContain('pending');
    curio.setConsent('granted');
    await curio.setPreference({ kind: 'category', value: 'Socks', like: true });
    const again = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: 'pending' });
    const view = await again.profile();
    expect(view.recentItems.map((r) => r.item)).toEqual(['headlamp']);
    expect(view.preferences).toHaveLength(2);
  });

  test("consent 'denied' persists nothing and withdrawing consent erases what was stored", async () => {
    const { curio, clock } = testCurio({ storeName: 'denied' });
    await curio.ready;
    await replay(curio, clock, [{ type: 'view_item', item: 'headlamp' }]);
    await curio.setPreference({ kind: 'brand', value: 'Lumo', like: true });
    expect(await databases()).toContain('denied');
    curio.setConsent('denied');
    await vi.waitFor(async () => expect(await databases()).not.toContain('denied'));
    curio.track({ type: 'view_item', item: 'lantern' });
    await curio.setPreference({ kind: 'brand', value: 'Alpin', like: true });
    expect(await databases()).not.toContain('denied');
    // Picks still use the session in memory.
    expect((await curio.recommend({ placement: 'product', item: 'lantern', limit: 3 }))[0]!.reasons[0]!.code).not.toBe('popular');
  });

  test('Global Privacy Control: nothing persisted', async () => {
    vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true, language: 'de-DE' });
    const curio = createCurio({ catalog: outdoorCatalog, storeName: 'gpc' });
    await curio.ready;
    // Junk was dropped, not kept: every event this tab holds is well-formed.
    for (const e of (await curio.exportData()).events) expect(typeof e.item == 'string' || (Array.isArray(e.items) && e.items.every((i) => typeof i == 'string')) || typeof e.query == 'string').toBe(true);
    curio.track({ type: 'view_item', item: 'headlamp' });
    await curio.setPreference({ kind: 'brand', value: 'Lumo', like: true });
    expect((await curio.profile()).storage).toBe('memory');
    expect(await databases()).not.toContain('gpc');
    expect(curio.locale).toBe('de');
  });

  test('retention: events older than retentionDays are deleted', async () => {
    const { curio, clock } = testCurio({ storeName: 'retention', retentionDays: 30 });
    await curio.ready;
    await replay(curio, clock, [{ type: 'view_item', item: 'headlamp', minutesAgo: 60 * 24 * 40 }, { type: 'view_item', item: 'lantern', minutesAgo: 5 }]);
    await curio.setPreference({ kind: 'brand', value: 'Lumo', like: true });
    expect((await curio.exportData()).events.map((e) => e.item)).toEqual(['lantern']);
  });

  test('forget() erases everything and deletes the database', async () => {
    const { curio, clock } = testCurio({ storeName: 'forget' });
    await curio.ready;
    await replay(curio, clock, [{ type: 'view_item', item: 'headlamp' }]);
    await curio.setPreference({ kind: 'brand', value: 'Lumo', like: true });
    await curio.forget();
    expect(await databases()).not.toContain('forget');
    const data = await curio.exportData();
    expect(data.events).toEqual([]);
    expect(data.preferences).toEqual([]);
    expect((await curio.recommend({ placement: 'home', limit: 3 })).every((p) => p.kind === 'popular')).toBe(true);
  });

  test('exportData returns everything stored, as JSON', async () => {
    const { curio, clock } = testCurio({ storeName: 'export' });
    await curio.ready;
    await replay(curio, clock, [{ type: 'view_item', item: 'headlamp' }, { type: 'pick_dismiss', item: 'lantern' }, { type: 'search', query: 'lamp' }]);
    const data = JSON.parse(JSON.stringify(await curio.exportData()));
    expect(data.format).toBe('curio-export');
    expect(data.events.map((e: { type: string }) => e.type)).toEqual(['view_item', 'pick_dismiss', 'search']);
    expect(data.dismissed).toEqual(['lantern']);
  });

  test('removeInterest forgets a category and picks change at once', async () => {
    const { curio, clock } = testCurio({ storeName: 'remove' });
    await curio.ready;
    await replay(curio, clock, [{ type: 'view_item', item: 'oxford-shirt', minutesAgo: 2 }, { type: 'view_item', item: 'flannel-shirt', minutesAgo: 1 }]);
    expect((await curio.profile()).interests.categories[0]!.value).toBe('Clothing > Shirts');
    const changed = vi.fn();
    curio.subscribe(changed);
    await curio.removeInterest({ kind: 'category', value: 'Shirts' });
    expect((await curio.profile()).interests.categories).toEqual([]);
    expect(changed).toHaveBeenCalled();
    expect((await curio.recommend({ placement: 'home', limit: 4 })).every((p) => p.kind === 'popular')).toBe(true);
  });

  test('neighbour rows from binary shards are fetched on demand and rank like the same rows inline', async () => {
    const { products, neighbors = [] } = outdoorCatalog;
    const position = new Map(products.map((p, i) => [p.id, i]));
    // Inline rows with the weights a shard keeps (8-bit log scale), so both catalogs hold the same rows.
    const quantized = neighbors.map((l) => ({
      ...l,
      rows: Object.fromEntries(Object.entries(l.rows ?? {}).map(([id, row]) => {
        const max = Math.max(...row.map(([, w]) => w));
        return [id, row.map(([n, w]) => [n, dequantizeWeight(quantizeWeight(w, max))] as [string, number])];
      })),
    }));
    const shard = (s: number) =>
      encodeShard(products.flatMap((p, i) => (i % 2 === s ? [{ item: i, lists: quantized.map((l) => (l.rows[p.id] ?? []).map(([n, w]) => [position.get(n)!, w] as [number, number])) }] : [])));
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: URL) => {
      fetched.push(String(url));
      return new Response(shard(Number(/(\d+)\.bin$/.exec(String(url))![1])));
    });
    const sharded = { ...outdoorCatalog, neighbors: neighbors.map(({ id, kind }) => ({ id, kind })), neighborShards: { count: 2, url: 'https://shop.example/neighbors/{shard}.bin' } };
    const picks = [];
    for (const catalog of [sharded, { ...outdoorCatalog, neighbors: quantized }]) {
      const { curio, clock } = testCurio({ catalog, consent: 'denied' });
      await curio.ready;
      if (catalog === sharded) expect(fetched).toEqual([]); // nothing before a visitor needs neighbours
      await replay(curio, clock, [{ type: 'view_item', item: 'trail-runner-2', minutesAgo: 1 }]);
      picks.push(await curio.recommend({ placement: 'product', item: 'trail-runner-2', limit: 4 }));
    }
    expect(fetched).toEqual(['https://shop.example/neighbors/0.bin']); // trail-runner-2 is product 0
    expect(picks[0]!.map((p) => p.item)).toContain('trail-runner-gtx');
    expect(picks[0]).toEqual(picks[1]);
  });

  test('shards address items by file position: rows still land on the right items when invalid products were skipped', async () => {
    const { products, neighbors = [] } = outdoorCatalog;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // One invalid product first: file position p is item p − 1.
    const position = new Map(products.map((p, i) => [p.id, i + 1]));
    const shard = (s: number) =>
      encodeShard(products.flatMap((p, i) => ((i + 1) % 2 === s ? [{ item: i + 1, lists: neighbors.map((l) => (l.rows?.[p.id] ?? []).map(([n, w]) => [position.get(n)!, w] as [number, number])) }] : [])));
    vi.stubGlobal('fetch', async (url: URL) => new Response(shard(Number(/(\d+)\.bin$/.exec(String(url))![1]))));
    const sharded = { ...outdoorCatalog, products: [{ id: 'broken' }, ...products], neighbors: neighbors.map(({ id, kind }) => ({ id, kind })), neighborShards: { count: 2, url: 'https://shop.example/neighbors/{shard}.bin' } };
    const { curio, clock } = testCurio({ catalog: sharded as never, consent: 'denied' });
    await curio.ready;
    await replay(curio, clock, [{ type: 'view_item', item: 'trail-runner-2', minutesAgo: 1 }]);
    const picks = await curio.recommend({ placement: 'product', item: 'trail-runner-2', limit: 4 });
    expect(picks.map((p) => p.item)).toContain('trail-runner-gtx');
    expect(picks[0]!.reasons[0]!.evidence.items).toEqual(['trail-runner-2']);
  });

  test('track() never throws and drops junk with a warning; the store stays valid', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { curio } = testCurio({ storeName: 'fuzz' });
    await curio.ready;
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withTypedArray: true }), (junk) => {
        expect(() => curio.track(junk as never)).not.toThrow();
        expect(() => curio.track({ type: 'view_item', item: junk } as never)).not.toThrow();
      }),
      { numRuns: 500 },
    );
    // Junk was dropped, not kept: every event this tab holds is well-formed.
    for (const e of (await curio.exportData()).events) expect(typeof e.item == 'string' || (Array.isArray(e.items) && e.items.every((i) => typeof i == 'string')) || typeof e.query == 'string').toBe(true);
    curio.track({ type: 'view_item', item: 'headlamp' });
    await curio.setPreference({ kind: 'brand', value: 'Lumo', like: true });
    const again = await createCurio({ catalog: outdoorCatalog, storeName: 'fuzz' }).exportData();
    for (const e of again.events) {
      expect(typeof e.id).toBe('string');
      expect(Number.isFinite(e.at)).toBe(true);
      expect(['view_item', 'add_to_cart', 'remove_from_cart', 'purchase', 'search', 'pick_click', 'pick_dismiss']).toContain(e.type);
    }
    expect(warn).toHaveBeenCalled();
  });

  test('recommend() rejects a bad request with a CurioError, never a storage error', async () => {
    const { curio } = testCurio();
    await expect(curio.recommend({ placement: 'sidebar' } as never)).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(curio.recommend({ placement: 'home', limit: 0 })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  test('reasons are localized', async () => {
    for (const [locale, pattern] of [['fr', /Parce que vous avez regardé « Headlamp 300 »/], ['de', /Weil Sie sich „Headlamp 300“ angesehen haben/]] as const) {
      const { curio, clock } = testCurio({ locale, consent: 'denied' });
      await curio.ready;
      await replay(curio, clock, [{ type: 'view_item', item: 'headlamp' }]);
      const picks = await curio.recommend({ placement: 'product', item: 'headlamp', limit: 2 });
      expect(picks[0]!.reasons[0]!.text).toMatch(pattern);
    }
  });
});

describe('unsafe URLs in the catalog', () => {
  test.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', 'data:text/html,<script>', 'vbscript:x'])('%j is refused', async (bad) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const products = [...outdoorCatalog.products, { ...outdoorCatalog.products[0]!, id: 'evil', url: bad }];
    const curio = createCurio({ catalog: { ...outdoorCatalog, products }, consent: 'denied' });
    await curio.ready;
    expect(curio.product('evil')).toBeUndefined();
  });
  test.each(['/p/1', 'https://shop.example/p/1', '//cdn.example/p/1', 'p/1?x=javascript:1'])('%j is accepted', async (good) => {
    const products = [...outdoorCatalog.products, { ...outdoorCatalog.products[0]!, id: 'fine', url: good }];
    const curio = createCurio({ catalog: { ...outdoorCatalog, products }, consent: 'denied' });
    await curio.ready;
    expect(curio.product('fine')?.url).toBe(good);
  });
});
