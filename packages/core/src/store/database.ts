/**
 * Opening and deleting Curio's IndexedDB databases (the visitor store, its export reader, the
 * catalog cache). idb-keyval does the requests on them: its `get`, `set` and `promisifyRequest`
 * run through a `UseStore`, its transaction helper, built here on a connection of our own by
 * {@link keyvalStore}.
 *
 * Own code, because idb-keyval cannot do it: its `createStore` opens the database with no time
 * limit (an open queued behind a deletion another tab holds up would stall storage forever),
 * never closes the connection (so it would hold up `deleteDatabase` — forget(), consent withdrawn,
 * another tab's — where ours close on `versionchange`), always creates the database and its one
 * object store (the export reader must not create one), and has no way to delete a database.
 */
import type { UseStore } from 'idb-keyval';

/** An open or delete blocked by another tab must not stall storage forever. */
export const OPEN_TIMEOUT_MS = 3000;

/**
 * Opens the database `name` (at `version`, else at its current version), calling `upgrade` when
 * it is created or upgraded. Rejects when opening fails, is blocked, or has not completed after
 * {@link OPEN_TIMEOUT_MS} (queued behind a deletion another page holds up); a connection that
 * opens after that is closed at once, as nobody uses it.
 */
export function openDatabase(name: string, upgrade: (request: IDBOpenDBRequest) => void, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    let late = false;
    const giveUp = (e: unknown) => {
      late = true;
      clearTimeout(timer);
      reject(e);
    };
    const timer = setTimeout(giveUp, OPEN_TIMEOUT_MS, Error('open timed out'));
    request.onupgradeneeded = () => upgrade(request);
    request.onblocked = () => giveUp(Error('blocked'));
    request.onerror = () => giveUp(request.error);
    request.onsuccess = () => {
      clearTimeout(timer);
      if (late) request.result.close();
      else resolve(request.result);
    };
  });
}

/**
 * idb-keyval's transaction helper (`UseStore`) on the object store `storeName` of a connection
 * of our own: `connection()` gives it (opening it if need be) for each transaction. Pass it to
 * idb-keyval's `get`, `set`, … or call it to make several requests in one transaction.
 */
export const keyvalStore =
  (connection: () => Promise<IDBDatabase>, storeName: string): UseStore =>
  (mode, callback) =>
    connection().then((db) => callback(db.transaction(storeName, mode).objectStore(storeName)));

/**
 * Deletes the database `name`, whoever opened it and whatever this page's consent mode. Resolves
 * when done, or when blocked (another tab still has it open: it closes on `versionchange` and
 * the deletion then completes), or after a time limit; never rejects.
 */
export async function deleteDatabase(name: string): Promise<void> {
  try {
    await new Promise((done) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = r.onerror = r.onblocked = done;
      // Queued behind another stuck deletion, it must still not hang `forget()`.
      setTimeout(done, OPEN_TIMEOUT_MS);
    });
  } catch {
    // No IndexedDB: nothing to delete.
  }
}
