/**
 * Withdrawing consent and "Forget everything" erase what is stored in every mode and every tab;
 * the export holds what is stored whatever this page's mode (fake-indexeddb; two instances on one
 * store name are two tabs, told through a real BroadcastChannel).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCurio, type Curio, type CurioOptions } from '../src/index.js';
import { outdoorCatalog, readRecord, testClock } from './helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const databases = async () => (await indexedDB.databases()).map((d) => d.name);
const VIEWED = ['headlamp', 'lantern', 'summit-boot', 'ridge-boot', 'rain-shell', 'down-jacket'];
let n = 0;

/** A granted visit that stores six views; returns the store name and clock for the next pages. */
async function grantedVisit() {
  const storeName = `erase-${++n}`;
  const clock = testClock();
  const page = createCurio({ catalog: outdoorCatalog, storeName, now: clock.now, locale: 'en' });
  await page.ready;
  for (const item of VIEWED) page.track({ type: 'view_item', item });
  await page.setPreference({ kind: 'brand', value: 'Lumo', like: true }); // flushes at once
  expect((await readRecord(storeName)).events).toHaveLength(6);
  const open = (options: Partial<CurioOptions> = {}): Curio => createCurio({ catalog: outdoorCatalog, storeName, now: clock.now, locale: 'en', ...options });
  return { storeName, clock, first: page, open };
}

describe('withdrawing consent', () => {
  test("a pending page that receives 'denied' deletes what earlier granted visits stored", async () => {
    const { storeName, open } = await grantedVisit();
    const page = open({ consent: 'pending' });
    await page.ready;
    page.setConsent('denied');
    await vi.waitFor(async () => expect(await databases()).not.toContain(storeName));
    // The next granted page starts empty.
    expect((await open().exportData()).events).toEqual([]);
  });

  test('a page that starts denied deletes the database', async () => {
    const { storeName, open } = await grantedVisit();
    await open({ consent: 'denied' }).ready;
    await vi.waitFor(async () => expect(await databases()).not.toContain(storeName));
  });

  test('Global Privacy Control after granted visits deletes the database', async () => {
    const { storeName, open } = await grantedVisit();
    vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true });
    await open().ready;
    await vi.waitFor(async () => expect(await databases()).not.toContain(storeName));
  });

  test('a denial in one tab reaches the others: they drop the stored history and never write again', async () => {
    const { storeName, first: tabA, open } = await grantedVisit();
    const tabB = open();
    await tabB.ready;
    expect((await tabB.profile()).eventCounts.view_item).toBe(6);
    tabA.setConsent('denied');
    await vi.waitFor(async () => expect((await tabB.profile()).eventCounts).toEqual({}));
    expect((await tabB.profile()).storage).toBe('memory');
    expect((await tabB.profile()).consent).toBe('denied');
    // Tab B's picks no longer show the stored history, and its next events stay in memory.
    const picks = await tabB.recommend({ placement: 'home', limit: 4 });
    expect(picks.every((p) => p.kind === 'popular')).toBe(true);
    tabB.track({ type: 'view_item', item: 'headlamp' });
    tabB.track({ type: 'view_item', item: 'lantern' });
    await tabB.setPreference({ kind: 'brand', value: 'Alpin', like: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(await databases()).not.toContain(storeName);
  });
});

describe('forget()', () => {
  for (const consent of ['pending', 'denied', 'granted'] as const) {
    test(`on a ${consent} page deletes what earlier visits stored, and every tab forgets`, async () => {
      const { storeName, first: other, open } = await grantedVisit();
      const page = open({ consent });
      await page.ready;
      await page.forget();
      expect(await databases()).not.toContain(storeName);
      await vi.waitFor(async () => expect((await other.profile()).eventCounts).toEqual({}));
      // The next granted page shows nothing of the forgotten visit.
      const next = open();
      expect((await next.profile()).eventCounts).toEqual({});
    });
  }

  test('a tab with consent pending drops its own memory when another tab forgets', async () => {
    const { open } = await grantedVisit();
    const pending = open({ consent: 'pending' });
    await pending.ready;
    pending.track({ type: 'view_item', item: 'headlamp' });
    expect((await pending.profile()).eventCounts).toEqual({ view_item: 1 });
    const granted = open();
    await granted.forget();
    await vi.waitFor(async () => expect((await pending.profile()).eventCounts).toEqual({}));
  });
});

describe('exportData()', () => {
  test('on a pending page returns what earlier visits stored as well as this page’s session, and creates nothing', async () => {
    const { storeName, open } = await grantedVisit();
    const page = open({ consent: 'pending' });
    await page.ready;
    page.track({ type: 'add_to_cart', item: 'headlamp' });
    const data = await page.exportData();
    expect(data.events.filter((e) => e.type === 'view_item').map((e) => e.item).sort()).toEqual([...VIEWED].sort());
    expect(data.events.filter((e) => e.type === 'add_to_cart')).toHaveLength(1);
    expect(data.preferences).toEqual([{ kind: 'brand', value: 'Lumo', like: true }]);
    expect(data.storage).toBe('memory');
    // Reading changed nothing stored.
    expect((await readRecord(storeName)).events).toHaveLength(6);
  });

  test('with nothing stored, exporting creates no database', async () => {
    const page = createCurio({ catalog: outdoorCatalog, storeName: 'export-nothing', consent: 'pending' });
    expect((await page.exportData()).events).toEqual([]);
    expect(await databases()).not.toContain('export-nothing');
  });
});
