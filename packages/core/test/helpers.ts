/** Test helpers: a Curio on the fixture catalog with a controllable clock. */
import { createCurio } from '../src/index.js';
import type { CatalogFile, Curio, CurioOptions, PreferenceUpdate, TrackEvent } from '../src/index.js';
import outdoor from './fixtures/outdoor-catalog.json';

/** The fixture shop (22 outdoor products, two neighbour lists). */
export const outdoorCatalog = outdoor as unknown as CatalogFile;

/** A test clock: `clock.now` is injected; `clock.t` is moved by the test. */
export function testClock(start = Date.UTC(2026, 10, 24, 12)) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

let db = 0;
/** A fresh Curio on its own database. */
export function testCurio(options: Partial<CurioOptions> = {}) {
  const clock = testClock();
  const curio = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: `test-${++db}`, locale: 'en', ...options });
  return { curio, clock };
}

/** A scripted interaction: an event some minutes before "now", or a preference. */
export type Step = (TrackEvent & { minutesAgo?: number }) | { preference: PreferenceUpdate };

/** Replays steps oldest first, then sets the clock to "now". */
export async function replay(curio: Curio, clock: { t: number }, steps: Step[]): Promise<void> {
  const now = clock.t;
  for (const s of steps) {
    if ('preference' in s) await curio.setPreference(s.preference);
    else {
      const { minutesAgo = 0, ...event } = s;
      clock.t = now - minutesAgo * 60_000;
      curio.track(event as TrackEvent);
    }
  }
  clock.t = now;
}

/**
 * One request on the visitor store's object store of database `name`, with plain IndexedDB calls
 * independent of the store under test (creating the database as the store does if missing);
 * resolves with the request's result once its transaction has committed.
 */
function onRawStore(name: string, request: (store: IDBObjectStore) => IDBRequest): Promise<any> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => open.result.createObjectStore('state');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('state', 'readwrite');
      const r = request(tx.objectStore('state'));
      tx.oncomplete = () => resolve(r.result);
      tx.onabort = () => reject(tx.error);
      db.close(); // once the transaction is done: a connection left open would block deleting the database
    };
  });
}

/** The stored visitor record of database `name`, read directly (see {@link onRawStore}). */
export const readRecord = (name: string): Promise<any> => onRawStore(name, (s) => s.get('visitor'));

/** Replaces the stored visitor record of database `name` directly, e.g. with corrupt data (see {@link onRawStore}). */
export const writeRecord = (name: string, value: unknown): Promise<unknown> => onRawStore(name, (s) => s.put(value, 'visitor'));
