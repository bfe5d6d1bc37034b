/**
 * Measuring lift on the device: the holdout (stable, stored with the profile, forgotten), what the
 * control arm sees, GA4 events only with analytics consent, and the daily private report (one
 * POST a day at most, only the documented aggregate).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { armOf, rollDay } from '../src/measure/measurement.js';
import type { CurioOptions } from '../src/types.js';
import { testClock, testCurio } from './helpers.js';
import { createCurio } from '../src/index.js';
import { outdoorCatalog } from './helpers.js';

const page = globalThis as any;
beforeEach(() => {
  delete page.dataLayer;
  delete page.gtag;
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

let n = 0;
/** A Curio on its own store with a clock; `again()` is the same visitor on a later page (same store). */
function visitor(options: Partial<CurioOptions>) {
  const clock = testClock();
  const storeName = `measure-${++n}`;
  const make = () => createCurio({ catalog: outdoorCatalog, now: clock.now, storeName, locale: 'en', ...options });
  return { curio: make(), clock, again: make };
}
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('holdout', () => {
  test('the arm is drawn once per device, kept across pages, shown in the profile, and forgotten by forget()', async () => {
    const arms = { curio: 0, control: 0 };
    for (let i = 0; i < 40; i++) {
      const { curio, again } = visitor({ experiment: { holdout: 0.5 } });
      await curio.ready;
      const first = (await curio.profile()).experiment!;
      expect(first.arm).toMatch(/^(curio|control)$/);
      arms[first.arm]++;
      if (i < 5) {
        const later = again();
        await later.ready;
        expect((await later.profile()).experiment).toEqual(first);
      }
    }
    // 40 fair draws: each arm well represented (P(fewer than 8) < 0.01 %).
    expect(arms.curio).toBeGreaterThan(7);
    expect(arms.control).toBeGreaterThan(7);

    const { curio } = visitor({ experiment: { holdout: 0.1 } });
    await curio.ready;
    expect((await curio.exportData()).measurement).toMatchObject({ draw: expect.any(Number) });
    await curio.forget();
    expect((await curio.profile()).experiment).toBeUndefined();
    expect((await curio.exportData()).measurement).toBeUndefined();
  });

  test('stores only what its options need: the draw for a holdout, nothing for GA4 alone', async () => {
    const holdout = visitor({ experiment: { holdout: 0.1 } }).curio;
    const ga4 = visitor({ analytics: 'ga4' }).curio;
    for (const c of [holdout, ga4]) {
      await c.ready;
      await c.recommend({ placement: 'home' });
      c.track({ type: 'purchase', items: ['summit-boot'] });
    }
    await settle();
    expect(Object.keys((await holdout.exportData()).measurement as object).sort()).toEqual(['draw', 'since']);
    expect((await ga4.exportData()).measurement).toBeUndefined();
  });

  test('the lowest `holdout` share of draws is the control', () => {
    expect(armOf(0.05, 0.1)).toBe('control');
    expect(armOf(0.1, 0.1)).toBe('curio');
    expect(armOf(0.05, 0)).toBe('curio');
    expect(armOf(undefined, 0.5)).toBe('curio');
  });

  test('control sees popular picks whatever its history, or nothing; curio sees personal picks', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.01); // a draw in the control share
    const control = visitor({ experiment: { holdout: 0.2 } }).curio;
    const none = visitor({ experiment: { holdout: 0.2, control: 'none' } }).curio;
    const fresh = visitor({}).curio;
    await Promise.all([control.ready, none.ready]);
    vi.restoreAllMocks();
    for (const c of [control, none, fresh]) {
      await c.ready;
      c.track({ type: 'view_item', item: 'summit-boot' });
      c.track({ type: 'view_item', item: 'ridge-boot' });
    }
    const popular = await visitor({}).curio.recommend({ placement: 'product', item: 'summit-boot' }).catch(() => []);
    const controlPicks = await control.recommend({ placement: 'product', item: 'summit-boot' });
    expect((await control.profile()).experiment?.arm).toBe('control');
    expect(controlPicks.every((p) => p.kind === 'popular' && p.item !== 'summit-boot')).toBe(true);
    expect(controlPicks.map((p) => p.item)).not.toEqual((await fresh.recommend({ placement: 'product', item: 'summit-boot' })).map((p) => p.item));
    expect(popular.length).toBeGreaterThan(0);
    expect(await none.recommend({ placement: 'home' })).toEqual([]);
  });
});

describe('GA4 events', () => {
  const events = () => (page.dataLayer as any[]).filter((e) => e && e.event).map((e) => e.event);

  test('lists, clicks and the carts and orders they lead to, with the arm; nothing without analytics consent', async () => {
    const { curio } = visitor({ analytics: 'ga4', experiment: { holdout: 0.1 } });
    await curio.ready;
    const picks = await curio.recommend({ placement: 'product', item: 'summit-boot', limit: 4 });
    await curio.recommend({ placement: 'product', item: 'summit-boot', limit: 4 }); // re-render: not a second list
    expect(events()).toEqual(['view_item_list']);
    const list = page.dataLayer.find((e: any) => e.event === 'view_item_list');
    const arm = (await curio.profile()).experiment!.arm;
    expect(list).toMatchObject({ curio_arm: arm, ecommerce: { item_list_id: 'curio_product', item_list_name: 'Curio product' } });
    expect(list.ecommerce.items.map((i: any) => i.item_id)).toEqual(picks.map((p) => p.item));
    expect(page.dataLayer).toContainEqual({ curio_arm: arm });

    const clicked = picks[1]!.item;
    curio.track({ type: 'pick_click', item: clicked });
    curio.track({ type: 'add_to_cart', item: clicked });
    curio.track({ type: 'add_to_cart', item: 'merino-socks' === clicked ? 'trail-socks' : 'merino-socks' }); // not from a pick
    curio.track({ type: 'purchase', items: [clicked, 'city-sneaker'] });
    await settle();
    expect(events()).toEqual(['view_item_list', 'select_item', 'curio_pick_add_to_cart', 'curio_pick_purchase']);
    const order = page.dataLayer.find((e: any) => e.event === 'curio_pick_purchase');
    expect(order.ecommerce.items).toEqual([expect.objectContaining({ item_id: clicked, item_list_id: 'curio_product' })]);
    expect(order.ecommerce.value).toBe(curio.product(clicked)!.price);
  });

  test('a control that sees no lists still carries its arm into GA4 (for lift per arm)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.01);
    const { curio } = visitor({ analytics: 'ga4', experiment: { holdout: 0.1, control: 'none' } });
    await curio.ready;
    vi.restoreAllMocks();
    expect(await curio.recommend({ placement: 'home' })).toEqual([]);
    expect(page.dataLayer).toEqual([{ curio_arm: 'control' }]);
  });

  test('gtag.js pages get gtag() calls', async () => {
    const calls: unknown[][] = [];
    page.gtag = (...args: unknown[]) => calls.push(args);
    const { curio } = visitor({ analytics: 'ga4' });
    await curio.ready;
    await curio.recommend({ placement: 'home', limit: 3 });
    expect(calls).toEqual([['event', 'view_item_list', expect.objectContaining({ item_list_id: 'curio_home', items: expect.any(Array) })]]);
  });

  test("a page whose gtag() throws gets one warning; picks and tracking go on", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    page.gtag = () => {
      throw new Error('broken tag');
    };
    const { curio } = visitor({ analytics: 'ga4' });
    await curio.ready;
    expect((await curio.recommend({ placement: 'home', limit: 2 })).length).toBe(2);
    curio.track({ type: 'purchase', items: ['summit-boot'] });
    expect(warn.mock.calls.filter(([m]) => String(m).includes("page's analytics"))).toHaveLength(1);
  });

  test('no push while consent is pending or denied, nor under GPC', async () => {
    for (const options of [{ consent: 'pending' as const }, { consent: 'denied' as const }]) {
      const { curio } = visitor({ analytics: 'ga4', ...options });
      await curio.ready;
      await curio.recommend({ placement: 'home' });
    }
    vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true });
    const { curio } = visitor({ analytics: 'ga4' });
    await curio.ready;
    await curio.recommend({ placement: 'home' });
    expect(page.dataLayer ?? []).toEqual([]);
  });
});

describe('daily private report', () => {
  test('a finished day is sent once, on a later day, as one perturbed measure without identifiers', async () => {
    const sent: Array<[string, RequestInit]> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => (sent.push([url, init]), new Response('')));
    const { curio, clock, again } = visitor({ report: { url: 'https://shop.example/curio-report' }, experiment: { holdout: 0.5 } });
    await curio.ready;
    await curio.recommend({ placement: 'home' });
    curio.track({ type: 'purchase', items: ['summit-boot'] });
    await new Promise((r) => setTimeout(r, 2200));
    expect(sent).toEqual([]); // the day is not over

    clock.t += 864e5; // the next day, another page
    const next = again();
    await next.ready;
    await new Promise((r) => setTimeout(r, 2200));
    expect(sent).toHaveLength(1);
    const [url, init] = sent[0]!;
    expect(url).toBe('https://shop.example/curio-report');
    expect(init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit', referrerPolicy: 'no-referrer' });
    const body = JSON.parse(init.body as string);
    expect(Object.keys(body).sort()).toEqual(['arm', 'day', 'epsilon', 'measure', 'schema', 'value', ...(body.measure === 'revenue' ? ['bands'] : [])].sort());
    expect(body).toMatchObject({ schema: 'curio-report/1', day: '2026-11-24', arm: (await next.profile()).experiment!.arm, epsilon: 1 });

    const third = again(); // same day again: nothing more
    await third.ready;
    await new Promise((r) => setTimeout(r, 2200));
    expect(sent).toHaveLength(1);
  });

  test('nothing is counted for sending, nor sent, without storage consent', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { curio, clock, again } = visitor({ report: { url: '/r' }, consent: 'pending' });
    await curio.ready;
    clock.t += 864e5;
    await again().ready;
    await new Promise((r) => setTimeout(r, 2200));
    expect(fetch).not.toHaveBeenCalled();
  });

  test('a day rolls over into the one due for reporting', () => {
    const counts = { shown: 1, clicked: 0, pick_cart: 0, pick_order: 0, ordered: 1, revenue: 40 } as const;
    expect(rollDay({ day: '2026-11-24', counts }, '2026-11-25')).toMatchObject({ day: '2026-11-25', due: { day: '2026-11-24', counts }, counts: { shown: 0, revenue: 0 } });
    expect(rollDay({ day: '2026-11-25', counts }, '2026-11-25').counts).toBe(counts);
  });

  test('report options are checked', () => {
    expect(() => testCurio({ report: { url: '' } })).toThrow(/report/);
    expect(() => testCurio({ report: { url: '/r', epsilon: 0 } })).toThrow(/epsilon/);
    expect(() => testCurio({ report: { url: '/r', revenueBands: [50, 20] } })).toThrow(/revenueBands/);
    expect(() => testCurio({ experiment: { holdout: 0.9 } })).toThrow(/holdout/);
  });
});
