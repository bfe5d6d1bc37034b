/**
 * `createCurio`: the public object. Wires events → store → profile → rank → picks, with consent
 * deciding where data lives. Every entry point is guarded: runtime problems warn once and
 * degrade; only configuration mistakes throw (CurioError).
 */
import { loadCatalog, type LoadedCatalog } from './catalog/load.js';
import { CurioError, warnOnce } from './errors.js';
import { toStoredEvent } from './events.js';
import { browserLocale, globalPrivacyControl } from './privacy/environment.js';
import { buildProfile, type Profile } from './profile/profile.js';
import { appendEvents, interestMatcher, removeItems, updatePreference } from './profile/mutations.js';
import { profileView } from './profile/view.js';
import { createScratch, rank, requestCategories, type Scratch } from './rank/ranker.js';
import { createFlushScheduler } from './store/flushScheduler.js';
import { createIndexedDBStore } from './store/idbStore.js';
import { createMemoryStore } from './store/memoryStore.js';
import { applyMutations, emptyState } from './store/state.js';
import { SCHEMA_VERSION, type Mutation, type StoredState, type VisitorStore } from './store/types.js';
import type { Consent, Curio, CurioOptions, Locale, PreferenceUpdate, RecommendRequest, StoredEvent } from './types.js';

const LOCALES: readonly Locale[] = ['en', 'fr', 'de'];
const CONSENTS: readonly Consent[] = ['granted', 'pending', 'denied'];
const PLACEMENTS = ['home', 'product', 'cart', 'category'];

const invalid = (message: string): never => {
  throw new CurioError('invalid_option', message);
};

function checkOptions(o: CurioOptions): void {
  if (typeof o !== 'object' || o === null) invalid('createCurio needs an options object: createCurio({ catalog: "/catalog.json" }).');
  if (typeof o.catalog !== 'string' && (typeof o.catalog !== 'object' || o.catalog === null)) invalid('"catalog" must be the URL of the catalog JSON or a parsed catalog object.');
  if (o.locale !== undefined && !LOCALES.includes(o.locale)) invalid(`"locale" must be one of ${LOCALES.join(', ')}; got ${JSON.stringify(o.locale)}.`);
  if (o.consent !== undefined && !CONSENTS.includes(o.consent)) invalid(`"consent" must be one of ${CONSENTS.join(', ')}; got ${JSON.stringify(o.consent)}.`);
  if (o.retentionDays !== undefined && !(typeof o.retentionDays === 'number' && o.retentionDays > 0 && Number.isFinite(o.retentionDays))) invalid('"retentionDays" must be a positive number of days.');
  if (o.now !== undefined && typeof o.now !== 'function') invalid('"now" must be a function returning milliseconds.');
  if (o.storeName !== undefined && !(typeof o.storeName === 'string' && o.storeName.length > 0)) invalid('"storeName" must be a non-empty string.');
}

/**
 * Creates a Curio instance. Throws CurioError for invalid options; `ready` rejects with a
 * CurioError if the catalog cannot be loaded or is invalid.
 */
export function createCurio(options: CurioOptions): Curio {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const retentionDays = options.retentionDays ?? 180;
  const name = options.storeName ?? 'curio';
  const respectGPC = options.respectGPC !== false;
  const locale = options.locale ?? browserLocale();
  const tab = Math.random().toString(36).slice(2, 8);
  let seq = 0;
  let consent: Consent = options.consent ?? 'granted';
  let state: StoredState = emptyState();
  let pending: Mutation[] = [];
  // Events tracked since the last other change: appended by one mutation, so a flush of
  // thousands of events is one step, not thousands.
  let tail: StoredEvent[] | undefined;
  let version = 0;
  let cached: { version: number; at: number; profile: Profile } | undefined;
  let loaded: LoadedCatalog | undefined;
  let scratch: Scratch | undefined;
  const listeners = new Set<() => void>();
  let notifyQueued = false;
  const warn = (m: string) => warnOnce(`store:${m.slice(0, 40)}`, m);

  const persists = (): boolean => consent === 'granted' && !(respectGPC && globalPrivacyControl());
  const openStore = (): VisitorStore =>
    persists() ? createIndexedDBStore({ name, retentionDays, now, warn, onExternalChange: () => void reload() }) : createMemoryStore({ retentionDays, now, warn });
  let store = openStore();

  const notify = (): void => {
    version++;
    if (notifyQueued) return;
    notifyQueued = true;
    queueMicrotask(() => {
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

  /** Applies a change now (in memory) and queues it for the store. */
  const change = (m: Mutation, urgent = false): Promise<void> => {
    state = applyMutations(state, [m], now(), retentionDays, warn);
    tail = undefined;
    pending.push(m);
    notify();
    if (urgent) return flush();
    scheduler.schedule();
    return Promise.resolve();
  };

  /** The track() fast path: an in-order append in memory, batched for the store. */
  const append = (e: StoredEvent): void => {
    const events = state.events;
    if (e.type === 'pick_dismiss' || (events.length && events[events.length - 1]!.at > e.at)) return void change(appendEvents([e]));
    events.push(e);
    if (!tail) pending.push(appendEvents((tail = [])));
    tail.push(e);
    notify();
    scheduler.schedule();
  };

  let flushing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> =>
    (flushing = flushing.then(async () => {
      if (!pending.length) return;
      const batch = pending;
      pending = [];
      tail = undefined;
      const stored = await store.commit(batch);
      state = applyMutations(stored, pending, now(), retentionDays, warn);
    }));
  const scheduler = createFlushScheduler(flush);

  /** Another tab changed the data: take the stored copy plus our own unflushed changes. */
  const reload = async (): Promise<void> => {
    const stored = await store.load();
    state = applyMutations(stored, pending, now(), retentionDays, warn);
    notify();
  };

  const catalogReady = loadCatalog(options.catalog).then((c) => {
    loaded = c;
    scratch = createScratch(c.catalog);
  });
  const ready = Promise.all([catalogReady, reload()]).then(() => undefined);
  ready.catch(() => undefined); // surfaced through `ready` and `recommend()`, never as an unhandled rejection

  const profileNow = (): Profile => {
    const at = now();
    if (!cached || cached.version !== version || Math.abs(at - cached.at) > 1000) cached = { version, at, profile: buildProfile(loaded!.catalog, state, at) };
    return cached.profile;
  };

  const checkRequest = (req: RecommendRequest): void => {
    if (typeof req !== 'object' || req === null || !PLACEMENTS.includes(req.placement)) {
      throw new CurioError('invalid_request', `recommend() needs { placement: ${PLACEMENTS.map((p) => `'${p}'`).join(' | ')} }.`);
    }
    if (req.limit !== undefined && !(Number.isInteger(req.limit) && req.limit >= 1 && req.limit <= 50)) throw new CurioError('invalid_request', '"limit" must be an integer from 1 to 50.');
    if (req.exclude !== undefined && !Array.isArray(req.exclude)) throw new CurioError('invalid_request', '"exclude" must be an array of product ids.');
  };

  const curio: Curio = {
    ready,
    locale,

    track(event) {
      try {
        const e = toStoredEvent(event, `${tab}-${(seq++).toString(36)}`, now());
        if (typeof e === 'string') return warnOnce(`event:${e}`, `track() ignored an event: ${e}.`);
        append(e);
      } catch (err) {
        warnOnce('track', `track() failed: ${String(err)}`);
      }
    },

    async recommend(req) {
      checkRequest(req);
      await ready;
      const cat = loaded!.catalog;
      const profile = profileNow();
      await loaded!.ensureRows(profile.evidence.map((e) => e.item));
      const item = req.item === undefined ? undefined : cat.index.get(req.item);
      const exclude = new Set<number>();
      for (const id of req.exclude ?? []) {
        const i = cat.index.get(id);
        if (i !== undefined) exclude.add(i);
      }
      const categories = requestCategories(cat, req.category);
      return rank(cat, profile, { placement: req.placement, item, categories, limit: req.limit ?? 8, exclude }, scratch!, locale);
    },

    async profile() {
      await ready;
      return profileView(loaded!.catalog, profileNow(), state, consent, store.mode);
    },

    async setPreference(update: PreferenceUpdate) {
      const ok =
        typeof update === 'object' &&
        update !== null &&
        typeof update.like === 'boolean' &&
        ((update.kind === 'attribute' && Array.isArray(update.value) && update.value.length === 2 && update.value.every((v) => typeof v === 'string')) ||
          (update.kind === 'price' && Array.isArray(update.value) && update.value.length === 2 && update.value.every((v) => typeof v === 'number' && v >= 0) && update.value[0] <= update.value[1]) ||
          ((update.kind === 'brand' || update.kind === 'category') && typeof update.value === 'string' && update.value.length > 0));
      if (!ok) throw new CurioError('invalid_preference', 'setPreference() needs { kind: "brand" | "category", value: string, like }, { kind: "attribute", value: [name, value], like } or { kind: "price", value: [min, max], like }.');
      await change(updatePreference(update), true);
    },

    async removeInterest({ kind, value }) {
      await ready;
      await change(removeItems(interestMatcher(loaded!.catalog, kind, value as string | [string, string]), kind === 'item'), true);
    },

    async exportData() {
      await ready.catch(() => undefined);
      return {
        format: 'curio-export',
        version: SCHEMA_VERSION,
        exportedAt: new Date(now()).toISOString(),
        consent,
        storage: store.mode,
        events: [...state.events],
        aggregates: state.aggregates,
        preferences: state.preferences,
        dismissed: state.dismissed,
      };
    },

    async forget() {
      pending = [];
      tail = undefined;
      state = emptyState();
      await flushing.catch(() => undefined);
      await store.destroy();
      notify();
    },

    setConsent(next) {
      if (!CONSENTS.includes(next)) throw new CurioError('invalid_option', `setConsent() takes one of ${CONSENTS.join(', ')}.`);
      const wasPersisting = persists();
      consent = next;
      if (persists() === wasPersisting) return notify();
      const old = store;
      store = openStore();
      old.close();
      if (next === 'denied') void old.destroy(); // withdrawing consent erases what was stored
      if (persists()) {
        // Keep the session so far: everything in memory becomes one change on the stored copy.
        const { events, preferences, dismissed } = state;
        tail = undefined;
        pending = [appendEvents(events), ...preferences.map((p) => updatePreference(p)), (s) => ({ ...s, dismissed: [...new Set([...s.dismissed, ...dismissed])] })];
        void flush();
      }
      notify();
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    product(id) {
      return loaded?.catalog.products[loaded.catalog.index.get(id) ?? -1];
    },

    products() {
      return loaded?.catalog.products ?? [];
    },
  };
  return curio;
}
