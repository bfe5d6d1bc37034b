/**
 * `createCurio`: the public object. Wires events → the visitor's record (store/visitorRecord.ts:
 * its state, its writes, consent deciding where data lives) → profile → rank → picks. Every entry
 * point is guarded: runtime problems warn once and degrade; only configuration mistakes throw
 * (CurioError).
 */
import { adoptKeptItems, keptItemOf } from './catalog/keptData.js';
import { loadCatalog, type LoadedCatalog } from './catalog/load.js';
import { createCatalogCache } from './catalog/catalogCache.js';
import { checkFields, isRecord, oneOf, warnOnce, type FieldChecks } from './errors.js';
import { eventItems } from './events.js';
import { explainRanked } from './explain/explain.js';
import { loadReasonTexts } from './explain/messages.js';
import { browserLocale } from './privacy/environment.js';
import { buildProfile, type Profile } from './profile/profile.js';
import { createScratch, rank, type Scratch } from './rank/ranker.js';
import { resolveRequest } from './rank/resolveRequest.js';
import { carryOver } from './store/carryOver.js';
import { keepItem } from './store/keptItems.js';
import { PREFERENCE } from './store/preferenceCheck.js';
import { applyMutations, dropUnknownItems, emptyState } from './store/state.js';
import { deleteDatabase } from './store/database.js';
import { LOCALES } from './locales.js';
import { yieldToPage } from './yieldToPage.js';
import { MEASUREMENT_OPTIONS } from './measure/measurementOptions.js';
import { openRecorder, RECORDER_OPTIONS } from './recording.js';
import type { Measurement } from './measure/measurement.js';
import type { Merchant } from './merchant/runtime.js';
import type { ContextValue, Curio, CurioOptions, Placement } from './types.js';

/** createCurio() options; `catalog` is required. */
const OPTIONS: FieldChecks = {
  catalog: [(v) => typeof v == 'string' || (typeof v == 'object' && v), 'the URL of the catalog JSON or a parsed catalog object'],
  locale: oneOf(LOCALES),
  ...RECORDER_OPTIONS,
  rules: [Array.isArray, 'a list of rules (docs/rules.md)'],
  collections: [Array.isArray, 'a list of collections (docs/collections.md)'],
  context: [isRecord, 'an object of page values'],
  ...MEASUREMENT_OPTIONS,
};

/** A page-known context value: a short string, a finite number or a boolean. */
const isContextValue = (v: unknown): v is ContextValue =>
  (typeof v == 'string' && v.length <= 200) || typeof v == 'boolean' || (typeof v == 'number' && Number.isFinite(v));

/** recommend() requests; `placement` is required. */
const REQUEST: FieldChecks = {
  placement: oneOf(['home', 'product', 'cart', 'order', 'category'] satisfies Placement[]),
  limit: [(v) => Number.isInteger(v) && v >= 1 && v <= 50, 'an integer from 1 to 50'],
  exclude: [Array.isArray, 'an array of product ids'],
  items: [Array.isArray, "an array of product ids (the cart's or the order's items)"],
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
/** The holdout, GA4 events and private reports: a lazy chunk loaded only by shops that measure. */
const measurementChunk = () => import('./measure/measurement.js');
/** How many unknown tracked ids a page reports one by one before one last warning. */
const UNKNOWN_IDS_REPORTED = 20;
/** How long start-up waits for the CMP's first answer when the holdout needs the stored arm. */
const CMP_WAIT_MS = 1000;

/**
 * Creates a Curio instance. Throws CurioError for invalid options; `ready` rejects with a
 * CurioError if the catalog cannot be loaded or is invalid.
 */
export function createCurio(options: CurioOptions): Curio {
  checkFields('invalid_option', 'createCurio()', options, OPTIONS, 1);
  const retentionDays = options.retentionDays ?? 180;
  const name = options.storeName ?? 'curio';
  const locale = options.locale ?? browserLocale();
  let measurement: Measurement | undefined;
  let cached: { version: number; at: number; profile: Profile } | undefined;
  let loaded: LoadedCatalog | undefined;
  let scratch: Scratch | undefined;
  const pageContext: Record<string, ContextValue> = Object.create(null);
  let merchant: Merchant | undefined;

  // The interned catalog, kept for the next page views: only where the visitor's data may persist too.
  const catalogCacheName = `${name}-catalog`;
  // Ids tracked but not yet looked up in the catalog: checked when the store is written (idle
  // time) or the profile is built, not in track() (the first lookup of a compact catalog builds
  // its id index).
  let unchecked: string[] = [];
  // Ids reported as unknown on this page: a page tracking thousands of them gets a bounded console.
  const reported = new Set<string>();
  /** Warns once per id that is neither a product id nor an alias (the first few); the event itself is kept. */
  const checkIds = (): void => {
    if (!loaded) return;
    for (const id of unchecked) {
      if (loaded.catalog.index.has(id) || reported.has(id) || reported.size > UNKNOWN_IDS_REPORTED) continue;
      reported.add(id);
      if (reported.size > UNKNOWN_IDS_REPORTED) warnOnce('unknown-items', `track(): more ids are neither product ids nor aliases in the catalog; only the first ${UNKNOWN_IDS_REPORTED} are reported.`);
      else warnOnce(`unknown-item:${id}`, `track(): "${id.slice(0, 80)}" is neither a product id nor an alias in the catalog. The event is kept and counts once the catalog knows the id: add it to the product's "aliases" (docs/catalog-format.md).`);
    }
    unchecked = [];
  };
  // The recording (events, the visitor's record, consent, the CMP), as on pages without picks.
  const { record, now, arrival, gpc, cmpAnswered, analyticsAllowed, warn, methods } = openRecorder(options, {
    tracked(e) {
      if (e.type !== 'search') unchecked.push(...eventItems(e));
      // A product viewed or added to the cart on this page: the shop's server knows it already.
      if (e.type === 'view_item' || e.type === 'add_to_cart') void keepViewed(e.item!);
      measurement?.tracked(e);
    },
    beforeFlush: checkIds,
    deleteAlongside: () => deleteDatabase(catalogCacheName),
  });
  const { change } = record;
  const catalogCache = record.persists() ? createCatalogCache(catalogCacheName) : undefined;

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
  const measuring = options.experiment || options.analytics || options.report;
  const measurementReady = measuring
    ? // The arm is stored with the profile: with a CMP, wait (briefly) for consent to read the stored one.
      Promise.all([measurementChunk(), options.experiment ? Promise.race([cmpAnswered, new Promise((r) => setTimeout(r, CMP_WAIT_MS))]) : undefined]).then(
        ([chunk]) =>
          (measurement = chunk.createMeasurement({
            options,
            now,
            page: globalThis,
            read: () => record.state.measurement,
            write: (update, urgent) => change((s) => ({ ...s, measurement: update(s.measurement) }), urgent),
            stored: record.persists,
            // Analytics consent: the CMP's, else the page's own consent.
            analyticsAllowed: () => (options.consentFrom ? analyticsAllowed() : record.consent === 'granted') && !gpc(),
            product: (id) => curio.product(id),
          })).ready,
        (e: unknown) => warnOnce('measurement', `Measurement is unavailable (${e}); picks go on without it.`),
      )
    : undefined;
  const ready = Promise.all([catalogReady, record.reload(), loadReasonTexts(locale), measurementReady]).then(() => {
    checkIds();
    // The session's landing is kept only where rules may test it: a page with curio.recorder.js
    // records it whatever the rules (it has no catalog to ask), so a shop without rules drops it here.
    const landing = merchant ? merchant.landing(record.state, ...arrival, now()) : null;
    if (landing) void change((s) => ({ ...s, landing }), true); // at once: the next page needs it
    else if (landing === null && record.state.landing) void change(({ landing: _, ...s }) => s);
    const { index } = loaded!.catalog;
    if (Object.keys(record.state.aggregates.items).some((id) => !index.has(id))) void change(dropUnknownItems((id) => index.has(id)));
  });
  let isReady = false;
  // A failure is surfaced through `ready` and `recommend()`, never as an unhandled rejection.
  ready.then(() => (isReady = true), () => undefined);

  // This page's own items (a view tracked here, `recommend({ item })`): the only items whose
  // per-item catalog files a page fetches, so what it fetches never depends on the history.
  const ownItems = new Map<string, Promise<void>>();
  // History items whose kept catalog data is in the catalog already.
  const adopted = new Set<string>();
  /** Fetches the per-item files of one of this page's items (once per page). */
  const ownItem = (id: string): Promise<void> => {
    let loading = ownItems.get(id);
    if (!loading) {
      loading = ready
        .then(async () => {
          const { catalog, perItem } = loaded!;
          const i = catalog.index.get(id);
          if (i !== undefined && (perItem.rows || perItem.titles)) await Promise.all([loaded!.ensureRows([i]), perItem.titles && loaded!.ensureProducts([i])]);
        })
        .catch(() => undefined); // reported through `ready`
      ownItems.set(id, loading);
    }
    return loading;
  };
  const keptHere = new Set<string>();
  /** Keeps what later pages need of an item viewed on this page (its rows, its title), once per page. */
  const keepViewed = async (id: string): Promise<void> => {
    await ownItem(id);
    const i = loaded?.catalog.index.get(id);
    if (i === undefined || keptHere.has(id) || !(loaded!.perItem.rows || loaded!.perItem.titles)) return;
    keptHere.add(id);
    const kept = keptItemOf(loaded!.catalog, i, now(), loaded!.perItem);
    // At once: a visitor may leave the page soon, and the next page needs it.
    if (kept) void change(keepItem(id, kept), true);
  };

  const profileNow = (): Profile => {
    checkIds();
    const at = now();
    const { version } = record;
    if (!cached || cached.version !== version || Math.abs(at - cached.at) > 1000) cached = { version, at, profile: buildProfile(loaded!.catalog, record.state, at) };
    return cached.profile;
  };

  /** The visitor's context now, with `extra` page values on top (merchant chunk loaded). */
  const contextNow = (m: Merchant, extra?: Record<string, ContextValue>) => m.context(record.state, { ...pageContext, ...extra }, now());

  const curio: Curio = {
    ...methods,
    ready,
    locale,

    async recommend(req) {
      checkFields('invalid_request', 'recommend()', req, REQUEST, 1);
      if (!isReady) {
        await ready;
        // The calls that waited for the catalog (the widgets of a page, ranking for the first
        // time, with code not yet optimized) resume together: each ranks in a task of its own.
        await yieldToPage();
      }
      const cat = loaded!.catalog;
      // The holdout's control arm sees the shop's fallback: popular picks from an empty profile, or nothing.
      const control = measurement?.arm() === 'control';
      if (control && options.experiment?.control === 'none') return [];
      // Only this page's own items (the product on screen, the cart or order it shows) are
      // fetched; history items rank from the visitor's kept copy.
      for (const id of [...(req.item === undefined ? [] : [req.item]), ...(req.items ?? [])]) void ownItem(id);
      await Promise.all(ownItems.values());
      adoptKeptItems(cat, record.state.kept, adopted);
      const profile = control ? buildProfile(cat, emptyState(), now()) : profileNow();
      const { item, items, categories, exclude } = resolveRequest(cat, req);
      if (control && item !== undefined) exclude.add(item);
      const plan = merchant?.plan(profile, contextNow(merchant), req.placement, req.collection, locale, now());
      const ranked = () =>
        rank(cat, profile, { placement: req.placement, item: control ? undefined : item, ...(items && !control && { items }), categories, limit: req.limit ?? 8, exclude, plan }, scratch!);
      let ranking = ranked();
      // Compact catalogs: the picks' records (titles, images, reviews) may still be on their way.
      if (await loaded!.ensureProducts(ranking.items.map(({ item }) => item))) ranking = ranked();
      const picks = explainRanked(ranking, locale, plan);
      measurement?.shown(req.placement, picks);
      return picks;
    },

    async profile() {
      const [{ profileView }] = await Promise.all([preferenceCenter(), ready]);
      adoptKeptItems(loaded!.catalog, record.state.kept, adopted);
      const profile = profileNow();
      const view = profileView(loaded!.catalog, profile, record.state, record.consent, record.mode, merchant?.matches(profile, locale, true) ?? []);
      const experiment = measurement?.assignment();
      return experiment ? { ...view, experiment } : view;
    },

    async preferences() {
      await ready;
      return structuredClone(record.state.preferences);
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
      record.notify();
    },

    async removeInterest(interest) {
      checkFields('invalid_preference', 'removeInterest()', interest, INTEREST, 2);
      const { kind, value } = interest;
      const [{ interestMatcher, removeItems }] = await Promise.all([preferenceCenter(), ready]);
      await change(removeItems(interestMatcher(loaded!.catalog, kind, value as string | [string, string]), kind === 'item'), true);
    },

    async exportData() {
      await ready.catch(() => undefined);
      const at = now();
      const center = await preferenceCenter();
      // Kept in memory only (consent pending, storage failed): what earlier visits stored is the
      // visitor's too, and part of what they asked for.
      const stored = record.mode === 'memory' ? await center.readDatabase(name, at, retentionDays) : undefined;
      const all = stored ? applyMutations(stored, carryOver(record.state), at, retentionDays, warn) : record.state;
      return center.exportOf(all, record.consent, record.mode, at);
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
