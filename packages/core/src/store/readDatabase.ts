/**
 * Reading the stored record without the store: for the visitor's export on a page that keeps
 * data only in memory (consent pending, storage failed). In the preference center's lazy chunk.
 */
import { KEY, OPEN_TIMEOUT_MS, STORE, unsavedKeys } from './idbStore.js';
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
    return await new Promise<StoredState | undefined>((resolve) => {
      const timer = setTimeout(resolve, OPEN_TIMEOUT_MS);
      const request = indexedDB.open(name);
      // No such database: abort its creation.
      request.onupgradeneeded = () => request.transaction!.abort();
      request.onerror = () => resolve(undefined);
      request.onsuccess = () => {
        const db = request.result;
        try {
          const s = db.transaction(STORE, 'readonly').objectStore(STORE);
          const record = s.get(KEY);
          const rescued = s.getAll(unsavedKeys());
          rescued.onsuccess = () => {
            const raw: unknown = record.result;
            const events = rescued.result.flat();
            resolve(normalizeState(events.length ? { ...(raw as object), events: [...((raw as { events?: unknown[] })?.events ?? []), ...events] } : raw, now, retentionDays).state);
          };
          rescued.onerror = () => resolve(undefined);
        } catch {
          resolve(undefined);
        } finally {
          clearTimeout(timer);
          db.close();
        }
      };
    });
  } catch {
    return undefined; // no IndexedDB
  }
}
