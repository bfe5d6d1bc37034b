/**
 * Page hide: events not yet flushed are handed to IndexedDB synchronously (rescue) and folded
 * into the record by the next load of any tab (other open tabs are told at once); a tab that
 * forgets tells the others.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { createCurio } from '../src/index.js';
import { createIndexedDBStore } from '../src/store/idbStore.js';
import { openTabChannel, TabMessage } from '../src/store/tabChannel.js';
import type { StoredEvent } from '../src/types.js';
import { outdoorCatalog, readRecord, testClock } from './helpers.js';

const at = 1_700_000_000_000;
const ev = (id: string): StoredEvent => ({ id, at, type: 'view_item', item: 'headlamp' });
const stores: Array<{ close(): void }> = [];
const make = (name: string) => {
  // As in a Curio instance: writes are announced to the other tabs.
  const tabs = openTabChannel(name, () => {});
  const s = createIndexedDBStore({ name, retentionDays: 180, now: () => at, warn: () => {}, announce: () => tabs.post(TabMessage.changed) });
  stores.push(tabs);
  stores.push(s);
  return s;
};
afterEach(() => stores.splice(0).forEach((s) => s.close()));

test('rescued events reach the record on the next load, once, and the rescue key is dropped', async () => {
  const tab = make('rescue-store');
  await tab.load(); // the connection is open, as on a page that tracked something
  tab.rescue([ev('a'), ev('b')]);
  tab.rescue([ev('a'), ev('b'), ev('c')]); // a later rescue of the same tab replaces the earlier one
  const next = make('rescue-store');
  expect((await next.load()).events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  // Already committed events rescued again are not duplicated.
  await next.commit([(s) => ({ ...s, events: [...s.events, ev('d')] })]);
  tab.rescue([ev('c')]);
  expect((await make('rescue-store').load()).events.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
});

test('another open tab folds rescued events into the record without waiting for a commit of its own', async () => {
  const closing = make('rescue-notify');
  await closing.load();
  const clock = testClock();
  const other = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: 'rescue-notify' });
  await other.ready;
  const recent = (id: string): StoredEvent => ({ ...ev(id), at: clock.t }); // within the retention period
  closing.rescue([recent('a'), recent('b')]); // and the closing page goes: its own flush never lands
  await vi.waitFor(async () => expect((await other.profile()).eventCounts).toEqual({ view_item: 2 }));
  expect((await readRecord('rescue-notify')).events.map((e: StoredEvent) => e.id)).toEqual(['a', 'b']);
});

test('a pagehide right after track() keeps the events even if the async flush never runs', async () => {
  const clock = testClock();
  const curio = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: 'rescue-curio' });
  await curio.ready;
  curio.track({ type: 'view_item', item: 'headlamp' });
  curio.track({ type: 'add_to_cart', item: 'lantern' });
  // Simulate the page going away: the asynchronous flush that pagehide starts never completes
  // (its read fails), so only what the handler wrote synchronously can survive.
  const read = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(() => {
    throw new Error('page gone');
  });
  window.dispatchEvent(new Event('pagehide'));
  await new Promise((r) => setTimeout(r, 50));
  read.mockRestore();
  const nextPage = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: 'rescue-curio' });
  expect((await nextPage.profile()).eventCounts).toMatchObject({ view_item: 1, add_to_cart: 1 });
});

test('forget() in one tab erases the other tab’s memory too, without recreating the database', async () => {
  const clock = testClock();
  const a = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: 'forget-tabs' });
  const b = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: 'forget-tabs' });
  await Promise.all([a.ready, b.ready]);
  a.track({ type: 'view_item', item: 'headlamp' });
  await a.setPreference({ kind: 'brand', value: 'Lumo', like: true });
  await vi.waitFor(async () => expect((await b.profile()).preferences).toHaveLength(1));
  await b.forget();
  await vi.waitFor(async () => expect((await a.profile()).eventCounts).toEqual({}));
  expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('forget-tabs');
});
