import { afterEach, describe, expect, test, vi } from 'vitest';
import { createIndexedDBStore, type IndexedDBStoreOptions } from '../src/store/idbStore.js';
import { readRecord, writeRecord } from './helpers.js';
import { createMemoryStore } from '../src/store/memoryStore.js';
import { mergeEvents } from '../src/store/state.js';
import type { Mutation, VisitorStore } from '../src/store/types.js';
import type { StoredEvent } from '../src/types.js';

const DAY = 864e5;
let clock = 1_700_000_000_000;
const ev = (id: string, at = clock, item = 'a'): StoredEvent => ({ id, at, type: 'view_item', item });
const add = (...events: StoredEvent[]): Mutation => (s) => ({ ...s, events: mergeEvents(s.events, events) });

let dbCount = 0;
const open: VisitorStore[] = [];
function make(opts: Partial<IndexedDBStoreOptions> = {}) {
  const warnings: string[] = [];
  const store = createIndexedDBStore({ name: `t${++dbCount}`, retentionDays: 180, now: () => clock, warn: (m) => warnings.push(m), ...opts });
  open.push(store);
  return { store, warnings, name: opts.name ?? `t${dbCount}` };
}
const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

afterEach(() => {
  open.splice(0).forEach((s) => s.close());
  vi.restoreAllMocks();
});

describe('createIndexedDBStore', () => {
  test('round trip: commits persist and a new instance loads them', async () => {
    const { store, name, warnings } = make();
    expect(await store.load()).toMatchObject({ events: [] });
    const s = await store.commit([add(ev('1')), add(ev('2', clock + 1))]);
    expect(s.events.map((e) => e.id)).toEqual(['1', '2']);
    expect(store.mode).toBe('indexeddb');
    const other = make({ name }).store;
    expect(await other.load()).toEqual(s);
    expect(await readRecord(name)).toEqual(s);
    expect(warnings).toEqual([]);
  });

  test('two instances committing concurrently, interleaved, lose nothing', async () => {
    // With get-then-set in two transactions, many reads would see the same old record and
    // overwrite each other; one readwrite transaction per commit serializes them.
    const a = make().store;
    const b = make({ name: `t${dbCount}` }).store;
    const commits: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) commits.push(a.commit([add(ev(`a${i}`, clock + i))]), b.commit([add(ev(`b${i}`, clock + i))]));
    await Promise.all(commits);
    const events = (await a.load()).events;
    expect(events).toHaveLength(400);
    expect(new Set(events.map((e) => e.id)).size).toBe(400);
  });

  test('announces each commit that wrote something, for the other tabs', async () => {
    const announce = vi.fn();
    const { store } = make({ announce });
    await store.load();
    expect(announce).not.toHaveBeenCalled();
    await store.commit([add(ev('1'))]);
    expect(announce).toHaveBeenCalledTimes(1);
  });

  test('no IndexedDB: memory mode, commits still work', async () => {
    const idb = globalThis.indexedDB;
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const { store, warnings } = make();
      expect((await store.load()).events).toEqual([]);
      expect(store.mode).toBe('memory');
      expect((await store.commit([add(ev('1'))])).events).toHaveLength(1);
      expect((await store.commit([add(ev('2'))])).events).toHaveLength(2);
      expect((await store.load()).events).toHaveLength(2);
      expect(warnings.join()).toMatch(/ReferenceError/);
      await store.destroy();
      expect((await store.load()).events).toEqual([]);
    } finally {
      globalThis.indexedDB = idb;
    }
  });

  test('open() throwing (private mode): memory mode', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('private mode', 'InvalidStateError');
    });
    const { store, warnings } = make();
    expect((await store.commit([add(ev('1'))])).events).toHaveLength(1);
    expect(store.mode).toBe('memory');
    expect(warnings).toEqual(['storage failed (InvalidStateError: private mode), keeping data in memory']);
  });

  test('QuotaExceededError on put: memory mode, no rejection, data kept and written once storage works', async () => {
    const { store, name, warnings } = make();
    await store.commit([add(ev('1'))]);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const s = await store.commit([add(ev('2', clock + 1))]);
    expect(s.events.map((e) => e.id)).toEqual(['1', '2']);
    expect(store.mode).toBe('memory');
    expect(warnings.join()).toMatch(/QuotaExceededError/);
    expect((await readRecord(name)).events).toHaveLength(1); // the failed write did not land
    vi.restoreAllMocks();
    expect((await store.commit([add(ev('3', clock + 2))])).events).toHaveLength(3);
    expect(store.mode).toBe('indexeddb');
    expect((await readRecord(name)).events.map((e: StoredEvent) => e.id)).toEqual(['1', '2', '3']); // what was owed is written
  });

  test('after a failed write, a retry writes what is owed without any further commit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { store, name } = make();
      await store.commit([add(ev('1'))]);
      const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('full', 'QuotaExceededError');
      });
      await store.commit([add(ev('2', clock + 1))]);
      put.mockRestore();
      expect((await readRecord(name)).events).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(5000);
      await vi.waitFor(async () => expect((await readRecord(name)).events.map((e: StoredEvent) => e.id)).toEqual(['1', '2']));
      expect(store.mode).toBe('indexeddb');
    } finally {
      vi.useRealTimers();
    }
  });

  test('a transaction aborting after the put (quota at commit time): memory mode', async () => {
    const { store, warnings } = make();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const r = put.apply(this, args);
      this.transaction.abort();
      return r;
    });
    expect((await store.commit([add(ev('1'))])).events).toHaveLength(1);
    expect(store.mode).toBe('memory');
    expect(warnings).toHaveLength(1);
  });

  test('a corrupt record is normalized with a warning and then overwritten', async () => {
    const { store, name, warnings } = make();
    await writeRecord(name, 'garbage');
    expect((await store.load()).events).toEqual([]);
    expect(warnings).toEqual(['stored data unusable, reset']);
    await store.commit([add(ev('1'))]);
    expect(store.mode).toBe('indexeddb');
    expect((await readRecord(name)).events).toHaveLength(1);
  });

  test('partly corrupt record: valid events survive', async () => {
    const { store, name, warnings } = make();
    await writeRecord(name, { schema: 1, events: [ev('1'), { id: '2', at: 'x' }], preferences: 5 });
    expect((await store.load()).events.map((e) => e.id)).toEqual(['1']);
    expect(warnings).toEqual(['dropped 2 invalid stored entries']);
  });

  test('a schema 0 record is migrated', async () => {
    const { store, name, warnings } = make();
    await writeRecord(name, { events: [ev('1')] });
    const s = await store.commit([add(ev('2', clock + 1))]);
    expect(s).toMatchObject({ schema: 1, events: [ev('1'), ev('2', clock + 1)], preferences: [], dismissed: [] });
    expect(await readRecord(name)).toEqual(s);
    expect(warnings).toEqual([]);
  });

  test('retention follows the injected clock', async () => {
    const { store } = make({ retentionDays: 30 });
    await store.commit([add(ev('old', clock - 29 * DAY), ev('new'))]);
    clock += 2 * DAY;
    expect((await store.load()).events.map((e) => e.id)).toEqual(['new']);
    expect((await store.commit([])).events.map((e) => e.id)).toEqual(['new']);
    clock -= 400 * DAY; // clock set back: nothing fresh is deleted
    expect((await store.commit([])).events.map((e) => e.id)).toEqual(['new']);
    clock += 398 * DAY;
  });

  test('compacts at the cap of 2000 events', async () => {
    const { store } = make();
    const events = Array.from({ length: 2001 }, (_, i) => ev(String(i).padStart(4, '0'), clock - 3000 + i, i ? 'x' : 'first'));
    const s = await store.commit([add(...events)]);
    expect(s.events).toHaveLength(2000);
    expect(s.aggregates).toEqual({ items: { first: [1, clock - 3000] }, counts: { view_item: 1 } });
  });

  test('database deleted mid-session: the next commit recreates it', async () => {
    const { store, name } = make();
    await store.commit([add(ev('1'))]);
    const del = indexedDB.deleteDatabase(name);
    const blocked = vi.fn();
    del.onblocked = blocked;
    await request(del);
    expect(blocked).not.toHaveBeenCalled(); // our connection let go on versionchange
    const s = await store.commit([add(ev('2'))]);
    expect(s.events.map((e) => e.id)).toEqual(['2']);
    expect(store.mode).toBe('indexeddb');
    expect((await readRecord(name)).events).toHaveLength(1);
  });

  test('destroy deletes the database and resets memory', async () => {
    const { store, name } = make();
    await store.commit([add(ev('1'))]);
    await store.destroy();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    expect((await store.load()).events).toEqual([]);
  });

  test('destroy resolves even when another connection blocks the deletion', async () => {
    const { store, name } = make();
    await store.commit([add(ev('1'))]);
    const other = await request(indexedDB.open(name)); // a connection that ignores versionchange
    await store.destroy();
    other.close();
    await vi.waitFor(async () => expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name));
  });

  test('an open blocked for more than 3 s falls back to memory', async () => {
    const { store: first, name } = make();
    await first.commit([add(ev('1'))]);
    first.close(); // a closed store is done with the database for good: the next page's store takes over
    const { store, warnings } = make({ name });
    const holder = await request(indexedDB.open(name));
    indexedDB.deleteDatabase(name); // pending behind `holder`: opens queue behind it
    const started = Date.now();
    const s = await store.commit([add(ev('2', clock + 1))]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    expect(store.mode).toBe('memory');
    expect(s.events.map((e) => e.id)).toEqual(['2']); // this store never read event 1
    expect(warnings.join()).toMatch(/timed out/);
    holder.close();
    // Once the blocking tab has gone, the next write stores what was kept in memory.
    // (The deletion the blocker held back went through first: event 1 was deleted with the database.)
    const after = await store.commit([add(ev('3', clock + 2))]);
    expect(after.events.map((e) => e.id)).toEqual(['2', '3']);
    expect(store.mode).toBe('indexeddb');
    expect((await readRecord(name)).events.map((e: StoredEvent) => e.id)).toEqual(['2', '3']);
  });
});

describe('createMemoryStore', () => {
  test('keeps state in memory with retention and compaction', async () => {
    const store = createMemoryStore({ retentionDays: 1, now: () => clock });
    expect(store.mode).toBe('memory');
    await store.commit([add(ev('old', clock - 2 * DAY), ev('1'))]);
    expect((await store.load()).events.map((e) => e.id)).toEqual(['1']);
    await store.destroy();
    expect((await store.load()).events).toEqual([]);
  });
});
