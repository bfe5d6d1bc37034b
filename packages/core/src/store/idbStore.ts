/**
 * The persistent visitor store: one IndexedDB record, changed in one read-modify-write
 * transaction per commit, with a fall back to memory when storage fails.
 */
import { createStore, get, update, type UseStore } from 'idb-keyval';
import { applyMutations, applyRetention, emptyState, normalizeState } from './state.js';
import type { VisitorStore } from './types.js';

const KEY = 'visitor';
/** An open or delete blocked by another tab must not stall storage forever. */
const OPEN_TIMEOUT_MS = 3000;

/** Options of {@link createIndexedDBStore}. */
export interface IndexedDBStoreOptions {
  /** Database name; other tabs are notified on the BroadcastChannel `curio:<name>`. */
  name: string;
  retentionDays: number;
  now: () => number;
  /** Told about each storage problem (the caller warns once). */
  warn: (message: string) => void;
  /** Called when another tab changed the stored data. */
  onExternalChange?: () => void;
}

/**
 * Creates a store persisted in the database `name`. Never rejects: after a storage failure
 * (no IndexedDB, open refused or blocked, quota, …) it warns and keeps working in memory.
 */
export function createIndexedDBStore({ name, retentionDays, now, warn, onExternalChange }: IndexedDBStoreOptions): VisitorStore {
  let use: UseStore | undefined;
  let db: IDBDatabase | undefined;
  let failed = false;
  // The last state read or written: what the session goes on with after a failure.
  let last = emptyState();
  let channel = typeof BroadcastChannel == 'function' ? new BroadcastChannel('curio:' + name) : undefined;
  if (channel) channel.onmessage = () => onExternalChange?.();

  const disconnect = () => {
    db?.close();
    use = db = undefined;
  };

  // idb-keyval's store with a time limit on opening. On `versionchange` (a deleteDatabase or
  // upgrade elsewhere) the connection is closed so that it is not blocked, and the next use
  // reopens (and recreates) the database: idb-keyval would keep the closed connection.
  const store: UseStore = (mode, cb) =>
    new Promise((resolve, reject) => {
      const pending = (use ??= createStore(name, 'state'))(mode, (s) => {
        clearTimeout(timer);
        const d = s.transaction.db;
        if (d !== db) (db = d).onversionchange = () => (db === d ? disconnect() : d.close());
        return cb(s);
      });
      const timer = setTimeout(reject, OPEN_TIMEOUT_MS, Error('open timed out'));
      pending.then(resolve, reject).finally(() => clearTimeout(timer));
    });

  const fail = (e: unknown) => {
    failed = true;
    disconnect();
    warn(`storage failed (${e}), keeping data in memory`);
  };

  const read = (raw: unknown) => {
    const r = normalizeState(raw, now(), retentionDays);
    if (r.problem) warn(r.problem);
    return r.state;
  };

  return {
    get mode() {
      return failed ? 'memory' : 'indexeddb';
    },
    async load() {
      if (!failed) {
        try {
          return (last = read(await get(KEY, store)));
        } catch (e) {
          fail(e);
        }
      }
      return (last = applyRetention(last, now(), retentionDays));
    },
    async commit(mutations) {
      if (!failed) {
        try {
          let next = last;
          // Read, mutate and write in one readwrite transaction, so concurrent tabs never lose each other's writes.
          await update(KEY, (raw) => (next = applyMutations(read(raw), mutations, now(), retentionDays, warn)), store);
          channel?.postMessage(0);
          return (last = next);
        } catch (e) {
          fail(e);
        }
      }
      return (last = applyMutations(last, mutations, now(), retentionDays, warn));
    },
    async destroy() {
      last = emptyState();
      disconnect();
      try {
        await new Promise((done) => {
          const r = indexedDB.deleteDatabase(name);
          // Blocked: another tab still has it open; it closes on `versionchange` and deletion then completes.
          r.onsuccess = r.onerror = r.onblocked = done;
          // Queued behind another stuck deletion, it must still not hang `forget()`.
          setTimeout(done, OPEN_TIMEOUT_MS);
        });
      } catch {
        // No IndexedDB: nothing to delete.
      }
      channel?.postMessage(0);
    },
    close() {
      channel?.close();
      channel = undefined;
      disconnect();
    },
  };
}
