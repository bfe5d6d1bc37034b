/**
 * The visitor record on its own (store/visitorRecord.ts), without a catalog: its write buffers
 * and flush chain, the page-hide rescue, the store switch on consent and what it does on the
 * other tabs' messages (fake-indexeddb; two records on one store name are two tabs, told through
 * a real BroadcastChannel).
 */
import { afterEach, expect, test, vi } from 'vitest';
import { appendEvents, updatePreference } from '../src/store/mutations.js';
import { createVisitorRecord, type VisitorRecord, type VisitorRecordOptions } from '../src/store/visitorRecord.js';
import type { StoredEvent } from '../src/types.js';
import { readRecord, testClock } from './helpers.js';

const clock = testClock();
const records: VisitorRecord[] = [];
let n = 0;
const storeName = () => `record-${++n}`;
/** A record as createCurio makes it: granted unless told otherwise, GPC off. */
const open = (name: string, options: Partial<VisitorRecordOptions> = {}): VisitorRecord => {
  const record = createVisitorRecord({ name, retentionDays: 180, now: clock.now, consent: 'granted', gpc: () => false, warn: () => {}, ...options });
  records.push(record);
  return record;
};
/** A view of `item`, `minutesAgo` minutes before the clock's time. */
const view = (id: string, item = 'headlamp', minutesAgo = 0): StoredEvent => ({ id, at: clock.t - minutesAgo * 60_000, type: 'view_item', item });
const ids = (events: StoredEvent[] | undefined) => (events ?? []).map((e) => e.id);
const databases = async () => (await indexedDB.databases()).map((d) => d.name);

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(records.splice(0).map((r) => r.destroy()));
});

test('appended events are in memory at once, in time order, and stored by one flush with the changes between them', async () => {
  const name = storeName();
  const record = open(name);
  await record.reload();
  const before = record.version;
  const told = vi.fn();
  record.subscribe(told);
  record.append(view('b', 'lantern', 1));
  record.append(view('a', 'headlamp', 5)); // tracked later, happened earlier
  void record.change(updatePreference({ kind: 'brand', value: 'Lumo', like: true }));
  record.append(view('c', 'rain-shell'));
  expect(ids(record.state.events)).toEqual(['a', 'b', 'c']);
  expect(record.state.preferences).toHaveLength(1);
  expect(record.version).toBe(before + 4);
  await Promise.resolve();
  expect(told).toHaveBeenCalledTimes(1); // subscribers are told once per burst
  expect((await readRecord(name)).events).toEqual([]); // nothing written before the flush
  await record.flush();
  const stored = await readRecord(name);
  expect(ids(stored.events)).toEqual(['a', 'b', 'c']);
  expect(stored.preferences).toEqual([{ kind: 'brand', value: 'Lumo', like: true }]);
  expect(ids(record.state.events)).toEqual(['a', 'b', 'c']);
});

test('flushes run one after another: what changes while one is writing is stored by the next, and kept in memory meanwhile', async () => {
  const name = storeName();
  const record = open(name);
  await record.reload();
  record.append(view('a'));
  const first = record.flush();
  record.append(view('b')); // while the first flush writes
  const urgent = record.change(updatePreference({ kind: 'brand', value: 'Lumo', like: true }), true);
  await first;
  expect(ids(record.state.events)).toEqual(['a', 'b']); // the stored copy plus the unstored event
  await urgent; // an urgent change resolves once stored
  const stored = await readRecord(name);
  expect(ids(stored.events)).toEqual(['a', 'b']);
  expect(stored.preferences).toHaveLength(1);
});

test('a pagehide hands unsaved events to the store synchronously: the next page has them though the flush never landed', async () => {
  const name = storeName();
  const record = open(name);
  await record.reload(); // the connection is open, as on a page that tracked something
  record.append(view('a'));
  record.append(view('b', 'lantern'));
  // The page goes away: the asynchronous flush that pagehide starts fails at its first read.
  const read = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(() => {
    throw new Error('page gone');
  });
  window.dispatchEvent(new Event('pagehide'));
  await new Promise((r) => setTimeout(r, 50));
  read.mockRestore();
  const nextPage = open(name);
  await nextPage.reload();
  expect(ids(nextPage.state.events)).toEqual(['a', 'b']);
});

test('a grant after pending carries the session held in memory into the stored record, next to what earlier visits stored', async () => {
  const name = storeName();
  const earlier = open(name);
  await earlier.reload();
  await earlier.change(appendEvents([view('earlier', 'lantern', 60)]), true);
  await earlier.destroy();

  const record = open(name, { consent: 'pending' });
  await record.reload();
  expect(record.mode).toBe('memory');
  expect(record.persists()).toBe(false);
  expect(record.state.events).toEqual([]); // pending: the stored record is not read
  record.append(view('now'));
  await record.change(updatePreference({ kind: 'brand', value: 'Lumo', like: true }), true);
  expect(ids((await readRecord(name)).events)).toEqual(['earlier']); // nothing written while pending

  record.switchConsent('granted');
  expect(record.consent).toBe('granted');
  expect(record.mode).toBe('indexeddb');
  await record.flush();
  const stored = await readRecord(name);
  expect(ids(stored.events)).toEqual(['earlier', 'now']);
  expect(stored.preferences).toEqual([{ kind: 'brand', value: 'Lumo', like: true }]);
  expect(ids(record.state.events)).toEqual(['earlier', 'now']);
});

test('denied erases: the database and what is kept alongside are deleted, this tab and the other tabs drop what they hold and keep nothing', async () => {
  const name = storeName();
  const deleteAlongside = vi.fn(async () => {});
  const here = open(name, { deleteAlongside });
  const other = open(name);
  await Promise.all([here.reload(), other.reload()]);
  await here.change(appendEvents([view('a')]), true);
  await vi.waitFor(() => expect(ids(other.state.events)).toEqual(['a'])); // told by the channel

  here.switchConsent('denied');
  expect(here.state.events).toEqual([]);
  expect(here.mode).toBe('memory');
  expect(deleteAlongside).toHaveBeenCalledTimes(1);
  await vi.waitFor(() => expect(other.consent).toBe('denied'));
  expect(other.state.events).toEqual([]);
  expect(other.mode).toBe('memory');
  await vi.waitFor(async () => expect(await databases()).not.toContain(name));

  other.append(view('b')); // kept in memory only
  await other.flush();
  expect(ids(other.state.events)).toEqual(['b']);
  expect(await databases()).not.toContain(name);
});

test('a record that starts denied, or granted with GPC, deletes what earlier visits stored', async () => {
  for (const options of [{ consent: 'denied' }, { consent: 'granted', gpc: () => true }] as const) {
    const name = storeName();
    const earlier = open(name);
    await earlier.reload();
    await earlier.change(appendEvents([view('a')]), true);
    await earlier.destroy();
    const deleteAlongside = vi.fn(async () => {});
    const record = open(name, { ...options, deleteAlongside });
    expect(record.persists()).toBe(false);
    expect(deleteAlongside).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () => expect(await databases()).not.toContain(name));
    await record.reload();
    expect(record.state.events).toEqual([]);
  }
});

test("another tab's write is read again, with this tab's unstored changes kept on top", async () => {
  const name = storeName();
  const writer = open(name);
  const reader = open(name);
  await Promise.all([writer.reload(), reader.reload()]);
  reader.append(view('mine', 'lantern', 1)); // not flushed yet
  await writer.change(appendEvents([view('theirs', 'headlamp', 2)]), true);
  await vi.waitFor(() => expect(ids(reader.state.events)).toEqual(['theirs', 'mine']));
  await reader.flush();
  expect(ids((await readRecord(name)).events)).toEqual(['theirs', 'mine']);
});

test("forget() erases this tab's memory, the other tabs' and the database; an erase during a flush is not undone by it", async () => {
  const name = storeName();
  const here = open(name);
  const other = open(name);
  await Promise.all([here.reload(), other.reload()]);
  await here.change(appendEvents([view('a')]), true);
  await vi.waitFor(() => expect(ids(other.state.events)).toEqual(['a']));

  // An erase while the flush's transaction writes: the stored copy it returns must not come back.
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const request = put.apply(this, args);
    other.erase();
    return request;
  });
  other.append(view('b'));
  await other.flush();
  expect(other.state.events).toEqual([]);

  await here.forget();
  expect(here.state.events).toEqual([]);
  await vi.waitFor(() => expect(other.state.events).toEqual([]));
  expect(await databases()).not.toContain(name);
});

test('destroy() stores what is queued first; afterwards changes stay in memory and nothing is written', async () => {
  const name = storeName();
  const record = open(name);
  await record.reload();
  const told = vi.fn();
  record.subscribe(told);
  record.append(view('a'));
  await record.destroy();
  expect(record.destroyed).toBe(true);
  expect(record.persists()).toBe(false);
  expect(ids((await readRecord(name)).events)).toEqual(['a']);
  record.append(view('b'));
  await record.flush();
  expect(ids(record.state.events)).toEqual(['a', 'b']);
  expect(ids((await readRecord(name)).events)).toEqual(['a']);
  await Promise.resolve();
  expect(told).not.toHaveBeenCalled(); // subscribers are dropped
});
