/** createRecorder: recording without a catalog, into the record a later createCurio ranks from. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCurio, CurioError } from '../src/index.js';
import { createRecorder } from '../src/recorder.js';
import { outdoorCatalog, readRecord, testClock } from './helpers.js';
import type { CatalogFile } from '../src/index.js';

let db = 0;
afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
  Object.defineProperty(document, 'referrer', { value: '', configurable: true });
});

/** The fixture shop with a rule on the traffic source (so curio.js keeps the landing). */
const withRule: CatalogFile = { ...outdoorCatalog, rules: [{ id: 'newsletter', when: { source: 'email' }, then: { boost: { brand: 'Ridgeline' } } }] } as CatalogFile;

describe('createRecorder', () => {
  test('events it records count on a later page with createCurio, aliases included', async () => {
    const clock = testClock();
    const storeName = `recorder-${++db}`;
    const recorder = createRecorder({ now: clock.now, storeName });
    await recorder.ready;
    recorder.track({ type: 'view_item', item: 'TR2-GRY' }); // an alias: the recorder has no catalog to resolve it
    recorder.track({ type: 'add_to_cart', item: 'trail-runner-2' });
    await recorder.destroy();
    expect((await readRecord(storeName)).events.map((e: { type: string; item: string }) => [e.type, e.item])).toEqual([
      ['view_item', 'TR2-GRY'],
      ['add_to_cart', 'trail-runner-2'],
    ]);

    const catalog = { ...outdoorCatalog, products: outdoorCatalog.products.map((p) => (p.id === 'trail-runner-2' ? { ...p, aliases: ['TR2-GRY'] } : p)) };
    const curio = createCurio({ catalog, now: clock.now, storeName, locale: 'en' });
    const profile = await curio.profile();
    expect(profile.recentItems.map((r) => r.item)).toEqual(['trail-runner-2']);
    expect(profile.eventCounts).toEqual({ view_item: 1, add_to_cart: 1 });
    await curio.destroy();
  });

  test('has no method that needs the catalog', () => {
    const recorder = createRecorder({ storeName: `recorder-${++db}`, consent: 'denied' });
    for (const method of ['recommend', 'profile', 'product', 'products', 'exportData', 'collections']) expect(recorder).not.toHaveProperty(method);
    // @ts-expect-error: the type says so too
    void recorder.recommend;
    return recorder.destroy();
  });

  test('invalid options throw; invalid events warn and are dropped', async () => {
    expect(() => createRecorder({ retentionDays: -1 })).toThrow(CurioError);
    expect(() => createRecorder({ consent: 'granted', consentFrom: 'tcf' })).toThrow(/consentFrom/);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const recorder = createRecorder({ storeName: `recorder-${++db}` });
    recorder.track({ type: 'view_item' } as never);
    expect(() => recorder.setConsent('maybe' as never)).toThrow(CurioError);
    expect(warn).toHaveBeenCalledTimes(1);
    await recorder.destroy();
    expect((await readRecord(`recorder-${db}`))?.events ?? []).toEqual([]);
  });

  test('pending consent keeps events in memory; granting stores them once', async () => {
    const storeName = `recorder-${++db}`;
    const recorder = createRecorder({ storeName, consent: 'pending' });
    await recorder.ready;
    recorder.track({ type: 'view_item', item: 'trail-runner-2' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(recorder.storage).toBe('memory');
    expect(await readRecord(storeName)).toBeUndefined();
    recorder.setConsent('granted');
    expect(recorder.consent).toBe('granted');
    await recorder.destroy();
    expect((await readRecord(storeName)).events.map((e: { item: string }) => e.item)).toEqual(['trail-runner-2']);
  });

  test('records the session landing of a campaign page; a page with createCurio keeps it only in shops with rules', async () => {
    history.replaceState(null, '', '/checkout?utm_source=spring&utm_medium=email&utm_campaign=sale');
    const clock = testClock();
    for (const [catalog, kept] of [
      [withRule, true],
      [outdoorCatalog, false],
    ] as const) {
      const storeName = `recorder-${++db}`;
      const recorder = createRecorder({ now: clock.now, storeName });
      await recorder.ready;
      await recorder.destroy();
      expect((await readRecord(storeName)).landing).toMatchObject({ source: 'email', utm: { utm_campaign: 'sale' } });

      history.replaceState(null, '', '/next-page');
      Object.defineProperty(document, 'referrer', { value: `${location.origin}/checkout`, configurable: true });
      clock.t += 60_000;
      const curio = createCurio({ catalog, now: clock.now, storeName, locale: 'en' });
      await curio.ready;
      await curio.destroy();
      const landing = (await readRecord(storeName)).landing;
      if (kept) expect(landing).toMatchObject({ source: 'email', utm: { utm_campaign: 'sale' } });
      else expect(landing).toBeUndefined();
      history.replaceState(null, '', '/checkout?utm_source=spring&utm_medium=email&utm_campaign=sale');
      Object.defineProperty(document, 'referrer', { value: '', configurable: true });
    }
  });

  test('a preference set on a recorder page is in the record', async () => {
    const storeName = `recorder-${++db}`;
    const recorder = createRecorder({ storeName });
    await recorder.setPreference({ kind: 'brand', value: 'Ridgeline', like: true });
    await recorder.destroy();
    expect((await readRecord(storeName)).preferences).toMatchObject([{ kind: 'brand', value: 'Ridgeline', like: true }]);
  });
});
