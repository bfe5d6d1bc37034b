/**
 * The persistent visitor store: one IndexedDB record, changed in one read-modify-write
 * transaction per commit, with a fall back to memory when storage fails.
 *
 * idb-keyval does the transactions and the single-key write: each transaction goes through its
 * `UseStore` helper (on our own connection, see database.ts), and a page being hidden rescues its
 * events with its `set`. Own code, as idb-keyval cannot do it: the connection (opened with a time
 * limit, closed on `versionchange` so that another tab's deletion is not held up, dropped and
 * reopened after the browser closed it, never reopened after consent was withdrawn: database.ts
 * and `connect` below); the fall back to memory with warnings and retries; and the
 * read-modify-write of each commit, which reads the record and every tab's rescued events (a key
 * range, not keys known in advance: idb-keyval's `update` and `getMany` take known keys), then
 * writes the record and drops those keys, atomically in one transaction, and reports why the
 * transaction failed (the error that aborted it, not the first error event).
 */
import { set, type UseStore } from 'idb-keyval';
import { deleteDatabase, keyvalStore, openDatabase } from './database.js';
import { applyMutations, emptyState, normalizeState } from './state.js';
import type { Mutation, StoredState, VisitorStore } from './types.js';

/** The object store (created with the database). */
export const STORE = 'state';
/** The key of the object store's one record, the visitor's state. */
export const KEY = 'visitor';
/** Keys of events rescued at page hide, one per tab (`unsaved:<tab>`), folded in by the next write. */
const UNSAVED = 'unsaved:';
/** The key range of every tab's rescued events. */
export const unsavedKeys = (): IDBKeyRange => IDBKeyRange.bound(UNSAVED, UNSAVED + '\uffff');
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
  const connect = (): Promise<IDBDatabase> => {
    if (opening) return opening;
    // A closed store (consent withdrawn) never opens, and so never recreates, the database.
    if (closed) return Promise.reject(Error('store closed'));
    const pending = openDatabase(name, (request) => request.result.createObjectStore(STORE)).then((d) => {
      // Opened after a disconnect (a connection opened after the time limit is closed by
      // openDatabase): nobody uses this connection.
      if (opening !== pending) {
        d.close();
        throw Error('disconnected');
      }
      d.onversionchange = d.onclose = () => (db === d ? disconnect() : d.close());
      return (db = d);
    });
    return (opening = pending);
  };
  /** idb-keyval's transaction helper on this store's connection. */
  const store = keyvalStore(connect, STORE);

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
  const readModifyWrite = (mutations: Mutation[]) =>
    store('readwrite', (s) => {
      const tx = s.transaction;
      const record = s.get(KEY);
      const rescued = s.getAll(unsavedKeys());
      let next = last;
      let error: unknown;
      // Requests complete in order: when the second succeeds, the first has its result too. The
      // writes are issued right here, not after a promise, while the transaction is surely active.
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
      // Not idb-keyval's promisifyRequest: it rejects on the first error event, which may come
      // from a request (a quota error in some browsers) before the abort has set tx.error.
      return new Promise<StoredState>((resolve, reject) => {
        tx.oncomplete = () => resolve(next);
        // An error aborts the transaction; by then tx.error says why.
        tx.onabort = () => reject(error ?? tx.error);
      });
    });

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
        set(UNSAVED + tab, events, atOnce(db)).catch(() => {});
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
 * idb-keyval's transaction helper on the open connection `db`, for a page being hidden: unlike
 * one that waits for the connection, it makes the requests at once (in the `pagehide` handler)
 * and then commits the transaction, without waiting for the end of the task.
 */
const atOnce =
  (db: IDBDatabase): UseStore =>
  (mode, callback) => {
    const s = db.transaction(STORE, mode).objectStore(STORE);
    const done = callback(s);
    s.transaction.commit?.();
    return Promise.resolve(done);
  };
