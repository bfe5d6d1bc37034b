/**
 * The visitor's record as one tab holds it: the state in memory, the writes not yet stored, the
 * flush chain that stores them, the store consent allows (IndexedDB or memory) and the channel
 * to the visitor's other tabs. `createCurio` composes it with the catalog and the ranking.
 */
import { warnOnce } from '../errors.js';
import type { Consent, StorageMode, StoredEvent } from '../types.js';
import { yieldToPage } from '../yieldToPage.js';
import { carryOver } from './carryOver.js';
import { createFlushScheduler } from './flushScheduler.js';
import { deleteDatabase } from './database.js';
import { createIndexedDBStore } from './idbStore.js';
import { createMemoryStore } from './memoryStore.js';
import { appendEvents } from './mutations.js';
import { applyMutations, emptyState, insertEvent } from './state.js';
import { openTabChannel, TabMessage } from './tabChannel.js';
import type { Mutation, StoredState, VisitorStore } from './types.js';

/** Options of {@link createVisitorRecord}. */
export interface VisitorRecordOptions {
  /** The IndexedDB database's name, also naming the channel to the other tabs. */
  name: string;
  retentionDays: number;
  now: () => number;
  /** The consent at start-up. */
  consent: Consent;
  /** Whether the browser sends Global Privacy Control and the shop respects it (asked each time). */
  gpc: () => boolean;
  /** Told about storage problems and skipped (buggy) mutations. */
  warn: (message: string) => void;
  /** Called first by every flush (createCurio checks the ids tracked since the last one). */
  beforeFlush?: () => void;
  /** Deletes what is kept next to the record (the catalog cache) whenever the stored record is deleted. */
  deleteAlongside?: () => Promise<void>;
}

/** One tab's copy of the visitor's record: what {@link createVisitorRecord} returns. */
export interface VisitorRecord {
  /** The state now: the stored copy with this tab's changes applied, stored or not. */
  readonly state: StoredState;
  /** Bumped by every change and every {@link notify}: a profile built at another version is stale. */
  readonly version: number;
  /** The consent now. */
  readonly consent: Consent;
  /** Where the data lives now (`memory` after a storage failure too). */
  readonly mode: StorageMode;
  /** True once {@link destroy} has finished: changes stay in memory, nothing is stored or reopened. */
  readonly destroyed: boolean;
  /** Whether the data is stored (consent granted, no GPC, not destroyed). */
  persists(): boolean;
  /**
   * The track() fast path: the event goes into memory at once (in time order, a dismissal into
   * the dismissed list too) and joins one batched mutation for the store, so each call costs
   * O(log n), whatever the clock or the event type.
   */
  append(event: StoredEvent): void;
  /** Applies a change now (in memory) and queues it for the store; `urgent` flushes at once. */
  change(mutation: Mutation, urgent?: boolean): Promise<void>;
  /** Stores the queued changes, after the flushes before it; resolves when they are stored. */
  flush(): Promise<void>;
  /** Forgets everything in this tab's memory (forget(), or another tab erased or denied). */
  erase(): void;
  /** Reads the stored copy again and applies this tab's unstored changes on top. */
  reload(): Promise<void>;
  /**
   * Follows a new consent: `denied` erases the stored record (in every tab) and keeps nothing from
   * now on; a switch between memory and IndexedDB reopens the store, and a grant carries the
   * session held in memory over into the stored record.
   */
  switchConsent(next: Consent): void;
  /** Erases this tab's memory, every other tab's and the database, whatever the mode. */
  forget(): Promise<void>;
  /** Stores what is queued, then closes the store and the channel to the other tabs (once). */
  destroy(): Promise<void>;
  /** Calls `listener` (once per microtask) after changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Bumps the version and tells the subscribers (a change outside the record, such as the page's context). */
  notify(): void;
}

/** Creates the record of store `name`: empty until {@link VisitorRecord.reload} reads the stored copy. */
export function createVisitorRecord(options: VisitorRecordOptions): VisitorRecord {
  const { name, retentionDays, now, gpc, warn, beforeFlush = () => {}, deleteAlongside = async () => {} } = options;
  let consent = options.consent;
  let state: StoredState = emptyState();
  let pending: Mutation[] = [];
  // Events tracked since the last other change: appended by one mutation, so a flush of
  // thousands of events is one step, not thousands.
  let tail: StoredEvent[] | undefined;
  // Events not yet committed: handed to the store synchronously if the page is hidden first.
  let unsaved: StoredEvent[] = [];
  let version = 0;
  const listeners = new Set<() => void>();
  let notifyQueued = false;
  // After destroy(): changes stay in memory (nothing is flushed or reopened).
  let destroyed = false;
  let destroying: Promise<void> | undefined;
  // Bumped by erase(): a flush finishing later must not bring erased data back into memory.
  let erasures = 0;

  const persists = (): boolean => !destroyed && consent === 'granted' && !gpc();
  // Every tab hears the others, in every mode: erasing or denying in one reaches them all.
  const tabs = openTabChannel(name, (message) => {
    if (message === TabMessage.changed) return void (persists() && reload());
    if (message === TabMessage.denied) withdraw();
    else erase();
  });
  const openStore = (): VisitorStore =>
    persists() ? createIndexedDBStore({ name, retentionDays, now, warn, announce: () => tabs.post(TabMessage.changed) }) : createMemoryStore({ retentionDays, now, warn });
  let store = openStore();

  const notify = (): void => {
    version++;
    if (notifyQueued) return;
    notifyQueued = true;
    // Not queueMicrotask: an old or patched page may lack it.
    void Promise.resolve().then(() => {
      notifyQueued = false;
      for (const l of [...listeners]) {
        try {
          l();
        } catch (e) {
          warnOnce('listener', `A subscriber threw: ${String(e)}`);
        }
      }
    });
  };

  const change = (m: Mutation, urgent = false): Promise<void> => {
    state = applyMutations(state, [m], now(), retentionDays, warn);
    tail = undefined;
    pending.push(m);
    notify();
    if (urgent) return flush();
    scheduler.schedule();
    return Promise.resolve();
  };

  const append = (e: StoredEvent): void => {
    unsaved.push(e);
    insertEvent(state, e);
    if (!tail) pending.push(appendEvents((tail = [])));
    tail.push(e);
    notify();
    scheduler.schedule();
  };

  let flushing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> =>
    (flushing = flushing.then(async () => {
      beforeFlush();
      if (destroyed) pending = [];
      if (!pending.length) return;
      const batch = pending;
      const saving = unsaved.length;
      const erased = erasures;
      pending = [];
      tail = undefined;
      const stored = await store.commit(batch);
      if (erased !== erasures) return;
      unsaved = unsaved.slice(saving);
      state = applyMutations(stored, pending, now(), retentionDays, warn);
    }));
  const scheduler = createFlushScheduler(flush, { onHide: () => store.rescue(unsaved) });

  const erase = (): void => {
    erasures++;
    pending = [];
    unsaved = [];
    tail = undefined;
    state = emptyState();
    notify();
  };

  /** Another tab changed the data (or start-up): take the stored copy plus our own unflushed changes. */
  const reload = async (): Promise<void> => {
    await yieldToPage(); // opening IndexedDB takes a task of its own
    const erased = erasures;
    const stored = await store.load();
    if (erased !== erasures) return;
    state = applyMutations(stored, pending, now(), retentionDays, warn);
    notify();
  };

  /**
   * Switches to memory mode (consent was withdrawn here or in another tab): nothing more is
   * stored, and what this tab held from the stored record is dropped.
   */
  const withdraw = (): void => {
    const wasPersisting = persists();
    consent = 'denied';
    if (!wasPersisting) return notify();
    store.close();
    store = openStore();
    erase();
  };

  /** Withdrawn consent: every tab switches to memory, and the database is deleted whatever this page's mode. */
  const deny = (): Promise<void> => {
    tabs.post(TabMessage.denied); // first: no other tab writes again while the deletion waits for it
    return Promise.all([deleteDatabase(name), deleteAlongside()]).then(() => undefined);
  };
  // A page that starts denied (or with GPC) erases what earlier granted visits stored.
  if (consent === 'denied' || (consent === 'granted' && gpc())) void deny();

  return {
    get state() {
      return state;
    },
    get version() {
      return version;
    },
    get consent() {
      return consent;
    },
    get mode() {
      return store.mode;
    },
    get destroyed() {
      return destroyed;
    },
    persists,
    append,
    change,
    flush,
    erase,
    reload,

    switchConsent(next) {
      if (next === 'denied') {
        // Withdrawing consent erases what was stored, in every mode and every tab.
        withdraw();
        return void deny();
      }
      const wasPersisting = persists();
      consent = next;
      if (persists() === wasPersisting) return notify();
      const old = store;
      store = openStore();
      old.close();
      if (persists()) {
        // Keep the session so far: everything in memory becomes changes on the stored copy.
        tail = undefined;
        pending = carryOver(state);
        void flush();
      }
      notify();
    },

    async forget() {
      await flushing.catch(() => undefined); // a flush finishing later must not bring data back
      erase();
      // Every tab forgets (first: none writes again meanwhile), and whatever this page's mode,
      // what earlier visits stored goes too.
      tabs.post(TabMessage.forgotten);
      await store.destroy();
      await Promise.all([deleteDatabase(name), deleteAlongside()]);
    },

    destroy() {
      if (destroying) return destroying;
      scheduler.dispose();
      listeners.clear();
      return (destroying = flush()
        .catch(() => undefined) // what was tracked so far is saved first
        .then(() => {
          destroyed = true;
          store.close();
          tabs.close();
        }));
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    notify,
  };
}
