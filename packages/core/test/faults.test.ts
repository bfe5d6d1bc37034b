/**
 * Storage faults through the public object (fake-indexeddb): for each fault, nothing throws into
 * the page, picks still come, and once storage works again no event track() accepted is lost.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCurio } from '../src/index.js';
import { outdoorCatalog, testClock, writeRecord } from './helpers.js';

const DAY = 864e5;
let db = 0;
const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** A fault: `start` breaks storage (before or after Curio starts), `end` repairs it. */
interface Fault {
  name: string;
  /** Run before createCurio (a fault present at page load). */
  before?: (name: string) => Promise<void> | void;
  /** Run once Curio is running (a fault that appears mid-session). */
  during?: (name: string, clock: { t: number }) => Promise<void> | void;
  end?: () => void;
  /** Search queries stored before the fault that must survive it (older schema). */
  kept?: string[];
}

let restore: () => void = () => {};
const FAULTS: Fault[] = [
  {
    name: 'IndexedDB missing',
    before: () => {
      const idb = globalThis.indexedDB;
      delete (globalThis as { indexedDB?: unknown }).indexedDB;
      restore = () => void (globalThis.indexedDB = idb);
    },
    end: () => restore(),
  },
  {
    name: 'open() throws',
    before: () => {
      const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
        throw new DOMException('private mode', 'InvalidStateError');
      });
      restore = () => open.mockRestore();
    },
    end: () => restore(),
  },
  {
    name: 'upgrade blocked by an older tab',
    before: async (name) => {
      // An older tab keeps its connection and ignores versionchange; a newer tab asks for version 2.
      const opening = indexedDB.open(name);
      opening.onupgradeneeded = () => opening.result.createObjectStore('state');
      const older = await request(opening);
      const newer = indexedDB.open(name, 2);
      restore = () => {
        older.close();
        newer.onsuccess = () => newer.result.close();
      };
    },
    end: () => restore(),
  },
  {
    name: 'QuotaExceededError on flush',
    during: () => {
      const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      restore = () => put.mockRestore();
    },
    end: () => restore(),
  },
  {
    name: 'a corrupt record',
    before: (name) => writeRecord(name, { schema: 1, events: 'not a list', preferences: [null, 7], dismissed: {} }),
  },
  {
    name: 'a stored schema from an older version',
    before: (name) => writeRecord(name, { events: [{ id: 'old-1', at: Date.UTC(2026, 10, 24, 11), type: 'search', query: 'old query' }] }),
    kept: ['old query'],
  },
  {
    name: 'the database deleted mid-session',
    during: (name) => request(indexedDB.deleteDatabase(name)).then(() => undefined),
  },
  {
    name: 'the clock going backwards',
    during: (_, clock) => void (clock.t -= 2 * DAY),
  },
];

afterEach(() => {
  restore = () => {};
  vi.restoreAllMocks();
});

describe.each(FAULTS)('$name', (fault) => {
  test('nothing throws, picks still come, and no accepted event is lost once storage works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const name = `fault-${++db}`;
    const clock = testClock();
    await fault.before?.(name);
    const curio = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: name, locale: 'en' });
    await curio.ready;
    const tracked: string[] = [];
    const track = (n: number) => {
      for (let i = 0; i < n; i++) {
        clock.t += 1000;
        const query = `q${tracked.length}`;
        expect(() => curio.track({ type: 'search', query })).not.toThrow();
        tracked.push(query);
      }
      curio.track({ type: 'view_item', item: 'headlamp' });
    };
    track(3);
    await curio.setPreference({ kind: 'brand', value: 'Lumo', like: true }); // a flush before the fault
    await fault.during?.(name, clock);
    track(5); // accepted while storage is broken
    await curio.setPreference({ kind: 'brand', value: 'Alpin', like: true }); // a flush during the fault
    const picks = await curio.recommend({ placement: 'product', item: 'headlamp', limit: 4 });
    expect(picks.length).toBe(4);
    expect(picks[0]!.kind).toBe('personal');

    fault.end?.();
    track(2);
    await curio.setPreference({ kind: 'category', value: 'Socks', like: true }); // a flush once storage works
    // A new page load reads everything back from IndexedDB.
    const next = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: name, locale: 'en' });
    const stored = await next.exportData();
    expect(stored.storage).toBe('indexeddb');
    const queries = stored.events.flatMap((e) => (e.query ? [e.query] : []));
    // Deleting the database deletes what was written before it; everything after is kept.
    const expected = fault.name.includes('deleted') ? tracked.slice(3) : tracked;
    expect(new Set(queries)).toEqual(new Set([...(fault.kept ?? []), ...expected]));
    expect(queries).toHaveLength(new Set(queries).size);
    expect(stored.preferences.map((p) => p.value)).toEqual(fault.name.includes('deleted') ? ['Alpin', 'Socks'] : ['Lumo', 'Alpin', 'Socks']);
    expect((await next.recommend({ placement: 'product', item: 'headlamp', limit: 4 }))[0]!.kind).toBe('personal');
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    // A fault is reported on the console at most once per kind, never as an error.
    expect(warn.mock.calls.length).toBeLessThanOrEqual(2);
  });
});
