/**
 * The persistent visitor store: one IndexedDB record, changed in one read-modify-write
 * transaction per commit, with a fall back to memory when storage fails.
 */
import { applyMutations, emptyState, normalizeState } from './state.js';
import type { Mutation, StoredState, VisitorStore } from './types.js';

/** The object store (created with the database) and its one record. */
export const STORE = 'state';
export const KEY = 'visitor';
/** Keys of events rescued at page hide, one per tab (`unsaved:<tab>`), folded in by the next write. */
const UNSAVED = 'unsaved:';
export const unsavedKeys = (): IDBKeyRange => IDBKeyRange.bound(UNSAVED, UNSAVED + '\uffff');
/** An open or delete blocked by another tab must not stall storage forever. */
export const OPEN_TIMEOUT_MS = 3000;
/** After a failed write, storage is tried again this often until what is owed is written. */
const RETRY_MS = 5000;

/** Options of {@link createIndexedDBStore}. */
export interface IndexedDBStoreOptions {
  /** Database name. */
  name: string;
  retentionDays: number;
  now: () => number;
  /** Told about each storage problem (the caller warns once). */
  warn: (message: string) => void;
  /** Called after this store wrote something, to tell the other tabs (store/tabChannel.ts). */
  announce?: () => void;
}

/**
 * Creates a store persisted in the database `name`. Never rejects: after a storage failure
 * (no IndexedDB, open refused or blocked, quota, …) it warns and keeps working in memory, and
 * writes what it owes as soon as storage works again (next commit, or a retry every 5 s).
 */
export function createIndexedDBStore({ name, retentionDays, now, warn, announce = () => {} }: IndexedDBStoreOptions): VisitorStore {
  let db: IDBDatabase | undefined;
  // The connection being opened or open, shared by concurrent commits.
  let opening: Promise<IDBDatabase> | undefined;
  let failed = false;
  // Mutations applied in memory only, because storage failed: re-applied by the next write that works.
  let owed: Mutation[] = [];
  let retry: ReturnType<typeof setTimeout> | undefined;
  // The last state read or written: what the session goes on with after a failure.
  let last = emptyState();
  const tab = Math.random().toString(36).slice(2);
  let closed = false;

  const disconnect = () => {
    db?.close();
    db = opening = undefined;
  };

  /**
   * Opens the database (creating its object store the first time), with a time limit. On
   * `versionchange` (a deleteDatabase or upgrade elsewhere) the connection is closed so that it
   * does not block it, and on `close` (the browser closed it: site data cleared) it is dropped;
   * the next use reopens (and recreates) the database.
   */
  const connect = () => {
    if (opening) return opening;
    // A closed store (consent withdrawn) never opens, and so never recreates, the database.
    if (closed) return Promise.reject(Error('store closed'));
    const pending = new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      const timer = setTimeout(reject, OPEN_TIMEOUT_MS, Error('open timed out'));
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onerror = () => {
        clearTimeout(timer);
        reject(request.error);
      };
      request.onsuccess = () => {
        clearTimeout(timer);
        const d = request.result;
        // Opened too late (timed out) or after a disconnect: nobody uses this connection.
        if (opening !== pending) {
          d.close();
          return reject(Error('disconnected'));
        }
        d.onversionchange = d.onclose = () => (db === d ? disconnect() : d.close());
        resolve((db = d));
      };
    });
    return (opening = pending);
  };

  const fail = (e: unknown, mutations: Mutation[]) => {
    if (closed) return; // nothing is owed to a database the visitor no longer lets us use
    failed = true;
    owed.push(...mutations);
    disconnect();
    warn(`storage failed (${e}), keeping data in memory`);
    retry ??= setTimeout(() => {
      retry = undefined;
      if (owed.length) void commit([]);
    }, RETRY_MS);
  };

  const read = (raw: unknown) => {
    const r = normalizeState(raw, now(), retentionDays);
    if (r.problem) warn(r.problem);
    return r.state;
  };

  /**
   * One readwrite transaction: read the record and every rescued batch, apply the mutations,
   * write the record back and drop the rescued batches — so tabs never lose each other's writes.
   */
  const readModifyWrite = async (mutations: Mutation[]) => {
    const tx = (await connect()).transaction(STORE, 'readwrite');
    const s = tx.objectStore(STORE);
    const record = s.get(KEY);
    const rescued = s.getAll(unsavedKeys());
    let next = last;
    let error: unknown;
    // Requests complete in order: when the second succeeds, the first has its result too.
    rescued.onsuccess = () => {
      try {
        const events = rescued.result.flat();
        next = read(record.result);
        // Re-read through validation: rescued events are checked and deduplicated by id.
        if (events.length) next = read({ ...next, events: [...next.events, ...events] });
        next = applyMutations(next, mutations, now(), retentionDays, warn);
        s.put(next, KEY);
        if (events.length) s.delete(unsavedKeys());
      } catch (e) {
        error = e; // e.g. QuotaExceededError from put: report it, not the abort it causes
        tx.abort();
      }
    };
    return new Promise<StoredState>((resolve, reject) => {
      tx.oncomplete = () => resolve(next);
      // An error aborts the transaction; by then tx.error says why.
      tx.onabort = () => reject(error ?? tx.error);
    });
  };

  const commit = async (mutations: Mutation[]): Promise<StoredState> => {
    try {
      const written = owed.concat(mutations);
      last = await readModifyWrite(written);
      failed = false;
      owed = owed.filter((m) => !written.includes(m));
      if (written.length && !closed) announce();
      return last;
    } catch (e) {
      fail(e, mutations);
      return (last = applyMutations(last, mutations, now(), retentionDays, warn));
    }
  };

  return {
    get mode() {
      return failed ? 'memory' : 'indexeddb';
    },
    load: () => commit([]),
    commit,
    rescue(events) {
      // Only a request issued right here, on the open connection, and committed at once survives
      // a page being unloaded; mergeEvents (by id) makes a later normal commit of them harmless.
      try {
        if (failed || !db || !events.length) return;
        const tx = db.transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(events, UNSAVED + tab);
        tx.commit?.();
        // Another tab's next commit folds them into the record: tell it now, as this page may go
        // before its own flush lands. Its transaction starts after this one (created first) ends.
        announce();
      } catch {
        // Best effort: the regular flush is still under way.
      }
    },
    async destroy() {
      last = emptyState();
      owed = [];
      disconnect();
      await deleteDatabase(name);
    },
    close() {
      closed = true;
      clearTimeout(retry);
      owed = [];
      disconnect();
    },
  };
}

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
