/**
 * `createCurio`: the public object. Wires events → store → profile → rank → picks, with consent
 * deciding where data lives. Every entry point is guarded: runtime problems warn once and
 * degrade; only configuration mistakes throw (CurioError).
 */
import { loadCatalog, type LoadedCatalog } from './catalog/load.js';
import { createCatalogCache, deleteCatalogCache } from './catalog/catalogCache.js';
import { checkFields, CurioError, isRecord, oneOf, warnOnce, type FieldChecks } from './errors.js';
import { toStoredEvent } from './events.js';
import { loadReasonTexts } from './explain/messages.js';
import { browserLocale, globalPrivacyControl } from './privacy/environment.js';
import { buildProfile, type Profile } from './profile/profile.js';
import { appendEvents, updatePreference } from './profile/mutations.js';
import { createScratch, rank, requestCategories, type Scratch } from './rank/ranker.js';
import { createFlushScheduler } from './store/flushScheduler.js';
import { createIndexedDBStore } from './store/idbStore.js';
import { createMemoryStore } from './store/memoryStore.js';
import { applyMutations, emptyState, PREFERENCE } from './store/state.js';
import { LOCALES } from './locales.js';
import { yieldToPage } from './yieldToPage.js';
import type { Merchant } from './merchant/runtime.js';
import type { Mutation, StoredState, VisitorStore } from './store/types.js';
import type { ContextValue, Consent, Curio, CurioOptions, Placement, PreferenceUpdate, StoredEvent } from './types.js';

const CONSENTS: readonly Consent[] = ['granted', 'pending', 'denied'];

/** createCurio() options; `catalog` is required. */
const OPTIONS: FieldChecks = {
  catalog: [(v) => typeof v == 'string' || (typeof v == 'object' && v), 'the URL of the catalog JSON or a parsed catalog object'],
  locale: oneOf(LOCALES),
  consent: oneOf(CONSENTS),
  retentionDays: [(v) => typeof v == 'number' && v > 0 && v < Infinity, 'a positive number of days'],
  now: [(v) => typeof v == 'function', 'a function returning milliseconds'],
  storeName: [(v) => typeof v == 'string' && v, 'a non-empty string'],
  rules: [Array.isArray, 'a list of rules (docs/rules.md)'],
  collections: [Array.isArray, 'a list of collections (docs/collections.md)'],
  context: [isRecord, 'an object of page values'],
};

/** A page-known context value: a short string, a finite number or a boolean. */
const isContextValue = (v: unknown): v is ContextValue =>
  (typeof v == 'string' && v.length <= 200) || typeof v == 'boolean' || (typeof v == 'number' && Number.isFinite(v));

/** recommend() requests; `placement` is required. */
const REQUEST: FieldChecks = {
  placement: oneOf(['home', 'product', 'cart', 'category'] satisfies Placement[]),
  limit: [(v) => Number.isInteger(v) && v >= 1 && v <= 50, 'an integer from 1 to 50'],
  exclude: [Array.isArray, 'an array of product ids'],
  item: [(v) => typeof v == 'string', 'a product id'],
  category: [(v) => typeof v == 'string', 'a category name or path'],
  collection: [(v) => typeof v == 'string', 'the id of a collection'],
};

/** removeInterest() arguments: an item id, category, brand or `[name, value]` attribute. */
const INTEREST: FieldChecks = { kind: oneOf(['item', 'category', 'brand', 'attribute']), value: PREFERENCE.value! };

/** The preference center's code (profile view, forgetting, export): a lazy chunk most page views never load. */
const preferenceCenter = () => import('./profile/center.js');
/** Rules, collections and context: a lazy chunk loaded only by shops that have rules or collections. */
const merchantChunk = () => import('./merchant/runtime.js');

/**
 * Creates a Curio instance. Throws CurioError for invalid options; `ready` rejects with a
 * CurioError if the catalog cannot be loaded or is invalid.
 */
export function createCurio(options: CurioOptions): Curio {
  checkFields('invalid_option', 'createCurio()', options, OPTIONS, 1);
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
  // Events not yet committed: handed to the store synchronously if the page is hidden first.
  let unsaved: StoredEvent[] = [];
  let version = 0;
  let cached: { version: number; at: number; profile: Profile } | undefined;
  let loaded: LoadedCatalog | undefined;
  let scratch: Scratch | undefined;
  const listeners = new Set<() => void>();
  let notifyQueued = false;
  const warn = (m: string) => warnOnce(`store:${m.slice(0, 40)}`, m);
  // Where the visitor landed from: read now, before an SPA changes the URL.
  const arrival = [globalThis.location?.href ?? '', globalThis.document?.referrer ?? ''] as const;
  const pageContext: Record<string, ContextValue> = Object.create(null);
  let merchant: Merchant | undefined;

  const persists = (): boolean => consent === 'granted' && !(respectGPC && globalPrivacyControl());
  const openStore = (): VisitorStore =>
    persists() ? createIndexedDBStore({ name, retentionDays, now, warn, onExternalChange: (forgotten) => void (forgotten ? erase() : reload()) }) : createMemoryStore({ retentionDays, now, warn });
  let store = openStore();
  // The interned catalog, kept for the next page views: only where the visitor's data may persist too.
  const catalogCacheName = `${name}-catalog`;
  const catalogCache = persists() ? createCatalogCache(catalogCacheName) : undefined;

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
    unsaved.push(e);
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
      const saving = unsaved.length;
      pending = [];
      tail = undefined;
      const stored = await store.commit(batch);
      unsaved = unsaved.slice(saving);
      state = applyMutations(stored, pending, now(), retentionDays, warn);
    }));
  const scheduler = createFlushScheduler(flush, { onHide: () => store.rescue(unsaved) });

  /** Forgets everything in this tab's memory (another tab called `forget()`). */
  const erase = (): void => {
    pending = [];
    unsaved = [];
    tail = undefined;
    state = emptyState();
    notify();
  };

  /** Another tab changed the data: take the stored copy plus our own unflushed changes. */
  const reload = async (): Promise<void> => {
    await yieldToPage(); // opening IndexedDB takes a task of its own
    const stored = await store.load();
    state = applyMutations(stored, pending, now(), retentionDays, warn);
    notify();
  };

  // The rules chunk downloads in parallel with the catalog: at once when the options have rules,
  // else as soon as the catalog file says it has some (before it is checked and interned), never
  // after. A chunk that cannot be loaded (a file missing next to curio.js) leaves picks without rules.
  let merchantCode: ReturnType<typeof merchantChunk> | undefined;
  const startMerchantChunk = (): void => {
    merchantCode ??= merchantChunk();
    merchantCode.catch(() => undefined); // reported when awaited below
  };
  if (options.rules || options.collections) startMerchantChunk();
  // The download starts in a task of its own (a fetch() call alone takes ~10 ms on a slow phone).
  const catalogReady = yieldToPage()
    .then(() => loadCatalog(options.catalog, (file) => (file.rules || file.collections) && startMerchantChunk(), catalogCache))
    .then(async (c) => {
      await yieldToPage(); // loading the catalog and ranking: two tasks
      loaded = c;
      scratch = createScratch(c.catalog);
      const sources = { catalog: c.merchant, options };
      if (merchantCode) {
        const chunk = await merchantCode.catch((e: unknown) => warnOnce('merchant', `Rules and collections are unavailable (${e}); picks go on without them.`));
        merchant = chunk?.createMerchant(c.catalog, sources);
      }
    });
  const ready = Promise.all([catalogReady, reload(), loadReasonTexts(locale)]).then(() => {
    const landing = merchant?.landing(state, ...arrival, now());
    if (landing) void change((s) => ({ ...s, landing }), true); // at once: the next page needs it
  });
  let isReady = false;
  // A failure is surfaced through `ready` and `recommend()`, never as an unhandled rejection.
  ready.then(() => (isReady = true), () => undefined);

  const profileNow = (): Profile => {
    const at = now();
    if (!cached || cached.version !== version || Math.abs(at - cached.at) > 1000) cached = { version, at, profile: buildProfile(loaded!.catalog, state, at) };
    return cached.profile;
  };

  /** The visitor's context now, with `extra` page values on top (merchant chunk loaded). */
  const contextNow = (m: Merchant, extra?: Record<string, ContextValue>) => m.context(state, { ...pageContext, ...extra }, now());

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
      checkFields('invalid_request', 'recommend()', req, REQUEST, 1);
      if (!isReady) {
        await ready;
        // The calls that waited for the catalog (the widgets of a page, ranking for the first
        // time, with code not yet optimized) resume together: each ranks in a task of its own.
        await yieldToPage();
      }
      const cat = loaded!.catalog;
      const profile = profileNow();
      const evidence = profile.evidence.map((e) => e.item);
      await Promise.all([loaded!.ensureRows(evidence), loaded!.ensureProducts(evidence)]);
      const item = req.item === undefined ? undefined : cat.index.get(req.item);
      const exclude = new Set<number>();
      for (const id of req.exclude ?? []) {
        const i = cat.index.get(id);
        if (i !== undefined) exclude.add(i);
      }
      const categories = requestCategories(cat, req.category);
      const plan = merchant?.plan(profile, contextNow(merchant), req.placement, req.collection, locale, now());
      const ranked = () => rank(cat, profile, { placement: req.placement, item, categories, limit: req.limit ?? 8, exclude, plan }, scratch!, locale);
      const picks = ranked();
      // Compact catalogs: the picks' records (titles, images, reviews) may still be on their way.
      return (await loaded!.ensureProducts(scratch!.picked)) ? ranked() : picks;
    },

    async profile() {
      const [{ profileView }] = await Promise.all([preferenceCenter(), ready]);
      const profile = profileNow();
      return profileView(loaded!.catalog, profile, state, consent, store.mode, merchant?.matches(profile, locale, true) ?? []);
    },

    async preferences() {
      await ready;
      return structuredClone(state.preferences);
    },

    async collections() {
      await ready;
      return merchant?.matches(profileNow(), locale) ?? [];
    },

    async explainRules(extra) {
      await ready;
      // Loaded here too, so a merchant can inspect a shop without rules.
      const m = merchant ?? (await merchantChunk()).createMerchant(loaded!.catalog, { catalog: {}, options: {} });
      return m.report(profileNow(), contextNow(m, extra), locale, now());
    },

    setContext(values) {
      if (typeof values != 'object' || !values) return warnOnce('context', 'setContext() takes an object such as { weather: "rain" }.');
      for (const [key, v] of Object.entries(values)) {
        if (v === null) delete pageContext[key];
        else if (isContextValue(v) && key.length <= 50) pageContext[key] = v;
        else warnOnce(`context:${key.slice(0, 50)}`, `setContext() ignored "${key.slice(0, 50)}": values must be strings (≤ 200 characters), finite numbers or booleans.`);
      }
      notify();
    },

    async setPreference(update: PreferenceUpdate) {
      checkFields('invalid_preference', 'setPreference()', update, PREFERENCE, 3);
      await change(updatePreference(update), true);
    },

    async removeInterest(interest) {
      checkFields('invalid_preference', 'removeInterest()', interest, INTEREST, 2);
      const { kind, value } = interest;
      const [{ interestMatcher, removeItems }] = await Promise.all([preferenceCenter(), ready]);
      await change(removeItems(interestMatcher(loaded!.catalog, kind, value as string | [string, string]), kind === 'item'), true);
    },

    async exportData() {
      await ready.catch(() => undefined);
      return (await preferenceCenter()).exportOf(state, consent, store.mode, now());
    },

    async forget() {
      await flushing.catch(() => undefined); // a flush finishing later must not bring data back
      erase();
      await Promise.all([store.destroy(), deleteCatalogCache(catalogCacheName)]);
    },

    setConsent(next) {
      if (!CONSENTS.includes(next)) throw new CurioError('invalid_option', `setConsent() takes one of ${CONSENTS.join(', ')}.`);
      const wasPersisting = persists();
      consent = next;
      if (persists() === wasPersisting) return notify();
      const old = store;
      store = openStore();
      old.close();
      if (next === 'denied') void Promise.all([old.destroy(), deleteCatalogCache(catalogCacheName)]); // withdrawing consent erases what was stored
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
  if (options.context) curio.setContext(options.context);
  return curio;
}
