/**
 * Reading the stored record without the store: for the visitor's export on a page that keeps
 * data only in memory (consent pending, storage failed). In the preference center's lazy chunk.
 *
 * idb-keyval makes the reads (its `UseStore` transaction helper and `promisifyRequest`). Own code,
 * as idb-keyval cannot do it: opening the database only if it exists (its `createStore` would
 * create it), with a time limit, and closing the connection after the read (database.ts); and
 * reading every tab's rescued events, a key range rather than known keys (its `getMany` takes keys).
 */
import { promisifyRequest } from 'idb-keyval';
import { keyvalStore, openDatabase } from './database.js';
import { KEY, STORE, unsavedKeys } from './idbStore.js';
import { normalizeState } from './state.js';
import type { StoredState } from './types.js';

/**
 * Reads what the database `name` holds (record and rescued events, normalized) without creating
 * it or writing: for the visitor's export on a page that keeps data only in memory. Undefined if
 * there is no such database or it cannot be read.
 */
export async function readDatabase(name: string, now: number, retentionDays: number): Promise<StoredState | undefined> {
  try {
    // Never open (and so create) a database that does not exist.
    if (indexedDB.databases && !(await indexedDB.databases()).some((db) => db.name === name)) return undefined;
    // No such database after all: abort its creation (the open then fails).
    const db = await openDatabase(name, (request) => request.transaction!.abort());
    try {
      const [raw, rescued] = await keyvalStore(async () => db, STORE)('readonly', (s) =>
        Promise.all([promisifyRequest<unknown>(s.get(KEY)), promisifyRequest(s.getAll(unsavedKeys()))]),
      );
      const events = rescued.flat();
      return normalizeState(events.length ? { ...(raw as object), events: [...((raw as { events?: unknown[] })?.events ?? []), ...events] } : raw, now, retentionDays).state;
    } finally {
      db.close();
    }
  } catch {
    return undefined; // no IndexedDB, no such database, or it cannot be read (or opened in time)
  }
}
