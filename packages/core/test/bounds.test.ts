/**
 * Bounded work and storage whatever the page does: junk ids never grow the record past 1 MB and
 * are dropped once the catalog is known; dismissals and a clock running backwards take the
 * batched fast path; retention applies to dismissals too.
 */
import { serialize } from 'node:v8';
import { describe, expect, test, vi } from 'vitest';
import { createCurio } from '../src/index.js';
import { outdoorCatalog, readRecord, testClock } from './helpers.js';

const DAY = 864e5;
const junk = (n: number) => `junk-${n}-${'x'.repeat(180)}`;

describe('bounds', () => {
  test('100,000 tracked ids the catalog does not know (and long purchases of them) keep the record under 1 MB; the next page drops them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const clock = testClock();
    const storeName = 'bounds-junk';
    const page = createCurio({ catalog: outdoorCatalog, storeName, now: clock.now, locale: 'en' });
    await page.ready;
    for (let i = 0; i < 100_000; i++) {
      clock.t += 1000;
      page.track(i % 50 ? { type: 'view_item', item: junk(i) } : { type: 'purchase', items: Array.from({ length: 100 }, (_, k) => junk(i * 100 + k)) });
      if (i % 20_000 === 19_999) await page.setPreference({ kind: 'brand', value: 'Lumo', like: true }); // a flush now and then
    }
    page.track({ type: 'view_item', item: 'headlamp' });
    await page.setPreference({ kind: 'brand', value: 'Lumo', like: true });
    const record = await readRecord(storeName);
    const bytes = serialize(record).length;
    console.log(`record after 100,000 junk ids: ${bytes} bytes, ${record.events.length} events, ${Object.keys(record.aggregates.items).length} aggregated items`);
    expect(bytes).toBeLessThanOrEqual(1 << 20);
    // The console too stays bounded: the first 20 unknown ids one by one, then one last warning.
    const unknown = warn.mock.calls.map(([message]) => String(message)).filter((message) => message.includes('neither'));
    expect(unknown).toHaveLength(21);
    expect(unknown.at(-1)).toContain('only the first 20 are reported');
    warn.mockRestore();

    // The next page knows the catalog: aggregated ids it does not know are dropped.
    const next = createCurio({ catalog: outdoorCatalog, storeName, now: clock.now, locale: 'en' });
    await next.ready;
    await next.setPreference({ kind: 'brand', value: 'Alpin', like: true });
    const after = await readRecord(storeName);
    expect(Object.keys(after.aggregates.items).every((id) => outdoorCatalog.products.some((p) => p.id === id))).toBe(true);
    expect(after.events.at(-1).item).toBe('headlamp');
  });

  test('5,000 dismissals in a loop take the batched path', async () => {
    const clock = testClock();
    const page = createCurio({ catalog: outdoorCatalog, storeName: 'bounds-dismiss', now: clock.now, locale: 'en' });
    await page.ready;
    for (let i = 0; i < 2000; i++) page.track({ type: 'view_item', item: 'headlamp' }); // a full event log
    const started = performance.now();
    for (let i = 0; i < 5000; i++) page.track({ type: 'pick_dismiss', item: `sku-${i % 300}` });
    const ms = performance.now() - started;
    console.log(`5,000 pick_dismiss: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
    expect((await page.profile()).dismissed).toHaveLength(300);
  });

  test('4,000 events with a clock running backwards take the batched path, in time order', async () => {
    const clock = testClock();
    const page = createCurio({ catalog: outdoorCatalog, storeName: 'bounds-clock', now: clock.now, locale: 'en' });
    await page.ready;
    const started = performance.now();
    for (let i = 0; i < 4000; i++) {
      clock.t -= 1000;
      page.track({ type: 'view_item', item: i % 2 ? 'headlamp' : 'lantern' });
    }
    const ms = performance.now() - started;
    console.log(`4,000 events with a backwards clock: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
    const { events } = await page.exportData();
    expect(events.every((e, k) => k === 0 || events[k - 1]!.at <= e.at)).toBe(true);
  });

  test('retention applies to dismissals: 301 dismissals are gone after 400 days with retentionDays 180', async () => {
    const clock = testClock();
    const storeName = 'bounds-dismiss-retention';
    const page = createCurio({ catalog: outdoorCatalog, storeName, now: clock.now, locale: 'en', retentionDays: 180 });
    await page.ready;
    for (let i = 0; i < 301; i++) page.track({ type: 'pick_dismiss', item: `sku-${i}` });
    page.track({ type: 'pick_dismiss', item: 'headlamp' });
    await page.setPreference({ kind: 'brand', value: 'Lumo', like: true });
    expect((await readRecord(storeName)).dismissed).toHaveLength(302);
    clock.t += 400 * DAY;
    const later = createCurio({ catalog: outdoorCatalog, storeName, now: clock.now, locale: 'en', retentionDays: 180 });
    await later.setPreference({ kind: 'brand', value: 'Alpin', like: true });
    expect((await readRecord(storeName)).dismissed).toEqual([]);
    expect((await later.profile()).dismissed).toEqual([]);
    // A new dismissal is kept.
    later.track({ type: 'pick_dismiss', item: 'lantern' });
    await later.setPreference({ kind: 'brand', value: 'Lumo', like: true });
    expect((await readRecord(storeName)).dismissed).toEqual(['lantern']);
  });
});
