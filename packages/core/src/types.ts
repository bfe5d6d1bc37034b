/**
 * Public types of `@curio/core`. Everything a host page, the widget or a headless UI sees.
 */

import type { Locale } from './locales.js';

export type { Locale };

/** Consent state: `granted` persists on the device, `pending` keeps in memory until granted, `denied` never persists. */
export type Consent = 'granted' | 'pending' | 'denied';

/**
 * Where a list of picks is shown; decides candidates, exclusions and diversity (docs/api.md,
 * "Placements"): `product` (what goes with the product on screen), `cart` (complements of the
 * cart), `order` (the thank-you page: complements of what was bought), `category` (inside the
 * category, by taste), `home` (taste, session intent and one new thing).
 */
export type Placement = 'home' | 'product' | 'cart' | 'order' | 'category';

/** Options of {@link createCurio}. */
export interface CurioOptions {
  /** URL of the catalog JSON (fetched with GET), or an already-parsed catalog object (format v1). */
  catalog: string | import('./catalog/format.js').CatalogFile;
  /** Language of reason texts. Default: from `navigator.language`, else `'en'`. */
  locale?: Locale;
  /** Consent state at start-up. Default `'granted'`. */
  consent?: Consent;
  /** Honour Global Privacy Control: when `navigator.globalPrivacyControl === true`, nothing is persisted. Default `true`. */
  respectGPC?: boolean;
  /** Events older than this many days are deleted. Default 180. */
  retentionDays?: number;
  /** Injected clock in milliseconds (tests, evaluation). Default `Date.now`. */
  now?: () => number;
  /** IndexedDB database name. Default `'curio'`. */
  storeName?: string;
  /** The shop's rules (docs/rules.md); added to the catalog's, replacing ones with the same id. */
  rules?: Rule[];
  /** Curated collections (docs/collections.md); added to the catalog's, replacing ones with the same id. */
  collections?: Collection[];
  /** Page-known context values at start-up (see {@link Curio.setContext}). */
  context?: Record<string, ContextValue>;
  /**
   * Take consent from the shop's consent-management platform: consent is `pending` (memory only)
   * until it answers, then follows it, a withdrawal erasing what was stored. Not with `consent`.
   * Mapping per CMP: docs/privacy.md#consent-from-the-shops-cmp. GPC keeps priority.
   */
  consentFrom?: ConsentSource;
  /** A holdout experiment: a share of visitors sees the shop's fallback instead of Curio's picks (docs/measurement.md). */
  experiment?: ExperimentOptions;
  /** Push GA4 ecommerce events for Curio's lists to the page's gtag.js or Tag Manager data layer, with analytics consent only (docs/measurement.md). */
  analytics?: 'ga4';
  /** Send a daily aggregate report, perturbed on the device (local differential privacy), to the shop's endpoint (docs/privacy.md#what-a-report-contains). */
  report?: ReportOptions;
  /** How long after a pick was clicked an add-to-cart or order of that item counts as reached from the pick. Default 24 hours. */
  attributionHours?: number;
}

/** The consent-management platforms `consentFrom` can follow. */
export type ConsentSource = 'tcf' | 'gcm' | 'onetrust' | 'cookiebot' | 'usercentrics' | 'shopify';

/** A holdout experiment (docs/measurement.md). */
export interface ExperimentOptions {
  /** Share of visitors, from 0 to 0.5, assigned to `control` once, on their device. */
  holdout: number;
  /** What the control arm sees in place of Curio's picks: the catalog's popular items (default) or nothing. */
  control?: 'popular' | 'none';
}

/** The daily private report (docs/privacy.md#what-a-report-contains). */
export interface ReportOptions {
  /** The shop's endpoint, which receives one POST per visitor and day at most. */
  url: string;
  /** Privacy budget ε per visitor and day, above 0 and at most 4. Default 1. */
  epsilon?: number;
  /** Revenue band edges in the catalog's currency, ascending. Default [25, 50, 100, 200]. */
  revenueBands?: number[];
}

/** An event the page reports with `curio.track()`. Invalid events are dropped with one console warning. */
export type TrackEvent =
  | { type: 'view_item'; item: string }
  | { type: 'add_to_cart'; item: string }
  | { type: 'remove_from_cart'; item: string }
  | { type: 'purchase'; items: string[] }
  | { type: 'search'; query: string }
  | { type: 'pick_click'; item: string }
  | { type: 'pick_dismiss'; item: string };

/** The type names of {@link TrackEvent}. */
export type EventType = TrackEvent['type'];

/** A product as given in the catalog (format v1). */
export interface Product {
  id: string;
  title: string;
  url: string;
  image?: string;
  price: number;
  currency: string;
  /**
   * Category path from the root, e.g. `['Men', 'Shirts']`; empty for a product without a category
   * (the file may leave the field out).
   */
  categories: string[];
  /**
   * Other ids the shop's pages and exports use for this product (SKU, platform product id, variant
   * ids, feed ids, GTIN): a tracked or requested id that is an alias means this product.
   */
  aliases?: string[];
  brand?: string;
  /** Facets such as size, colour, material; one value or several. */
  attributes?: Record<string, string | string[]>;
  inStock?: boolean;
  /** Average rating on a 0–5 scale. */
  rating?: number;
  reviewCount?: number;
  /** Up to 3 short review quotes. */
  reviews?: string[];
  /** Merchant tags that rules and collections can select (e.g. `"rainwear"`, `"staff-pick"`). */
  tags?: string[];
  /**
   * The product this one is a variant of (e.g. Merchant Center `item_group_id`): variants of one
   * group are one product to the visitor. Products without it are their own group.
   */
  group?: string;
  /** What sets this variant apart within its group, e.g. `{ size: 'M', colour: 'navy' }`. */
  variant?: Record<string, string>;
  /**
   * Bought again and again (socks, coffee, refills): after a purchase it and its substitutes are
   * not held back.
   */
  repurchasable?: boolean;
}

/** A request for picks. */
export interface RecommendRequest {
  placement: Placement;
  /** The product being shown (placement `product`); it leads the list and is never picked, nor are its variants. */
  item?: string;
  /**
   * The cart's items (placement `cart`; default: the cart as tracked) or the order's items
   * (placement `order`; default: the latest purchase): their complements are picked, never they
   * or their variants.
   */
  items?: string[];
  /** Category (path joined with ` > `, or its last segment) for placement `category`. */
  category?: string;
  /** Number of picks, 1–50. Default 8. */
  limit?: number;
  /** Item ids that must not be picked. */
  exclude?: string[];
  /** Only items of this curated collection (its id). */
  collection?: string;
}

/** Stable codes of reasons; a custom UI can switch on them. */
export type ReasonCode =
  | 'viewed_similar'
  | 'bought_together'
  | 'recently_viewed'
  | 'in_category'
  | 'category_affinity'
  | 'brand_affinity'
  | 'attribute_affinity'
  | 'price_range'
  | 'matches_preference'
  | 'matches_search'
  | 'new_for_you'
  | 'popular'
  | 'top_rated'
  | 'review_quote'
  | 'merchant_pick'
  | 'from_collection';

/** What a reason points at. Every named piece of evidence really contributed to the pick's score. */
export interface ReasonEvidence {
  items?: string[];
  category?: string;
  brand?: string;
  attribute?: [string, string];
  quote?: string;
  query?: string;
  /** The id of the shop's rule that placed or boosted the pick. */
  rule?: string;
  /** The id of the curated collection the pick comes from. */
  collection?: string;
}

/** Why a pick was made: a code, localized text ready to show, and the evidence. */
export interface Reason {
  code: ReasonCode;
  text: string;
  evidence: ReasonEvidence;
}

/** One recommended product with its reasons (at least one). */
export interface Pick {
  item: string;
  product: Product;
  score: number;
  reasons: Reason[];
  /**
   * The mechanism that produced the pick: the visitor's own behaviour and preferences
   * (`personal`), the "new for you" slot, popularity (cold start), a shop rule (`rule`), or a
   * curated collection the visitor matches (`collection`).
   */
  kind: 'personal' | 'new_for_you' | 'popular' | 'rule' | 'collection';
}

/** An explicit preference the shopper stated (quiz, preference center). */
export interface Preference {
  kind: 'brand' | 'category' | 'attribute' | 'price' | 'collection';
  /**
   * Brand name, category (path joined with ` > ` or last segment), `[name, value]` for
   * attributes, `[min, max]` for a price band (in the catalog's currency), or a collection id
   * (`like: false` hides the collection: the visitor is never matched to it).
   */
  value: string | [string, string] | [number, number];
  /** `true` boosts matching products, `false` hides them. */
  like: boolean;
}

/** A preference change: set one, or remove it with `remove: true`. */
export type PreferenceUpdate = Preference & { remove?: boolean };

/** An interest with a strength in 0..1 and the evidence behind it. */
export interface Interest {
  value: string;
  strength: number;
  /** What the visitor did that shows it: distinct products (a product's variants count once) looked at, put in the cart, bought. */
  evidence: InterestEvidence;
}

/** The evidence of an interest, as counts of distinct products; an interest is shown only with some. */
export interface InterestEvidence {
  viewed: number;
  carted: number;
  bought: number;
}

/** Where the visitor's data lives right now. */
export type StorageMode = 'indexeddb' | 'memory';

/** Everything Curio knows about the visitor, in a form a UI can show. */
export interface ProfileView {
  interests: {
    /** Leaf categories (their full path), brands and attribute values (`name`, e.g. `size`), strongest first. */
    categories: Interest[];
    brands: Interest[];
    attributes: Array<Interest & { name: string }>;
    priceRange?: { min: number; max: number; currency: string };
  };
  /** Most recent first. */
  recentItems: Array<{ item: string; title: string; at: number }>;
  preferences: Preference[];
  dismissed: string[];
  /** Curated collections the visitor's behaviour matches, best first, then the ones they hid (`hidden: true`). */
  collections: CollectionMatch[];
  eventCounts: Partial<Record<EventType, number>>;
  consent: Consent;
  storage: StorageMode;
  /** The holdout arm this device was assigned to, and when (only with `experiment`). */
  experiment?: { arm: 'curio' | 'control'; since: number };
}

/** The object returned by {@link createCurio}. */
export interface Curio {
  /** Resolves when the catalog and stored data are loaded; rejects only on a configuration error. */
  readonly ready: Promise<void>;
  /** Records an event. Synchronous, never throws; invalid input is dropped with a warning. */
  track(event: TrackEvent): void;
  /** Ranks the catalog for this visitor. Never rejects because of storage. */
  recommend(request: RecommendRequest): Promise<Pick[]>;
  /** Everything known about the visitor. */
  profile(): Promise<ProfileView>;
  /**
   * The visitor's explicit preferences (after `ready`): what `profile().preferences` holds, without
   * loading the preference center's code (the quiz reads them on pages with picks).
   */
  preferences(): Promise<Preference[]>;
  /** Adds, changes or (with `remove: true`) removes an explicit preference. */
  setPreference(update: PreferenceUpdate): Promise<void>;
  /**
   * Removes an item from the history (all its events, and a dismissal of it), or an interest in a
   * category/brand/attribute (the events of the items it covers).
   */
  removeInterest(interest: { kind: 'item' | 'category' | 'brand' | 'attribute'; value: string | [string, string] }): Promise<void>;
  /** All stored data about the visitor, as a JSON-serialisable object. */
  exportData(): Promise<ExportedData>;
  /** Erases everything: events, preferences, the IndexedDB database. */
  forget(): Promise<void>;
  /** Changes consent; `granted` persists the session so far, `denied` erases what was stored. */
  setConsent(consent: Consent): void;
  /** Calls `listener` whenever the profile or picks may have changed. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Ends this instance: saves what is pending, then closes the database connection, the
   * cross-tab channel, the page listeners and the timers (a Node process or a test can then exit;
   * a React app calls it when its provider unmounts). Later calls still work, in memory only,
   * and notify no subscriber.
   */
  destroy(): Promise<void>;
  /** The loaded catalog's products by id (after `ready`). */
  product(id: string): Product | undefined;
  /** All products of the loaded catalog (after `ready`; empty before), e.g. to build a quiz from its facets. */
  products(): readonly Product[];
  /**
   * Sets values only the page knows (`{ weather: 'rain' }`), which rules test with
   * `when.context`. Merged into the current values; `null` removes one. Kept for this page only,
   * never stored or sent. Invalid values are dropped with a warning.
   */
  setContext(values: Record<string, ContextValue | null>): void;
  /** The curated collections the visitor matches, best first. */
  collections(): Promise<CollectionMatch[]>;
  /**
   * For the merchant: the visitor's context (merged with `context`, to try "what if") and, for
   * each rule, whether it fires now and, if not, why. Nothing is stored or sent.
   */
  explainRules(context?: Record<string, ContextValue>): Promise<RulesReport>;
  /** The active locale. */
  readonly locale: Locale;
}

/** A value of the page-known context. */
export type ContextValue = string | number | boolean;

/** Device class, from the user agent and screen. */
export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

/** Where the session's visitor came from, taken on landing (UTM parameters first, then the referrer). */
export type TrafficSource = 'direct' | 'search' | 'social' | 'email' | 'paid' | 'referral';

/** Meteorological season at the visitor (southern hemisphere from the time zone). */
export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

/** Days of the week as rules name them. */
export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';

/** Everything rules can test, collected on the device; none of it leaves the device. */
export interface VisitorContext {
  device: DeviceClass;
  source: TrafficSource;
  /** UTM parameters of the landing page of this session (`utm_source`, `utm_medium`, `utm_campaign`, …). */
  utm: Record<string, string>;
  /** Primary language subtag of the browser, e.g. `fr`. */
  language: string;
  /** Country hint (ISO 3166 alpha-2) from the browser's language region, e.g. `CH` from `fr-CH`. */
  country?: string;
  timeZone?: string;
  /** Local hour 0–23, weekday and season of the injected clock. */
  hour: number;
  weekday: Weekday;
  season: Season;
  /** True when the visitor has behaviour from an earlier session. */
  returning: boolean;
  /** Values set by the page (`setContext`, `data-context`). */
  values: Record<string, ContextValue>;
}

/** Which products a rule or collection means; all given fields must match. */
export interface ItemSelector {
  items?: string[];
  /** A category path or segment name; items below it match too. */
  category?: string;
  brand?: string;
  attribute?: [string, string];
  tag?: string;
}

/** Text in one language, or per locale (`{ en: 'Staff pick', fr: 'Coup de cœur' }`). */
export type LocalizedText = string | Partial<Record<Locale, string>>;

/** When a rule applies; every condition given must hold (a list means any of its values). */
export interface RuleConditions {
  placement?: Placement | Placement[];
  device?: DeviceClass | DeviceClass[];
  source?: TrafficSource | TrafficSource[];
  utm_source?: string | string[];
  utm_medium?: string | string[];
  utm_campaign?: string | string[];
  country?: string | string[];
  language?: string | string[];
  /** Local hours `[from, to)`; `[22, 6]` wraps past midnight. */
  hour?: [number, number];
  weekday?: Weekday | Weekday[];
  season?: Season | Season[];
  returning?: boolean;
  /** The visitor stated a like for all of these (quiz, preference center). */
  preference?: { brand?: string; category?: string; attribute?: [string, string] };
  /** Page-known values (`setContext`): key → value or any of several values. */
  context?: Record<string, ContextValue | ContextValue[]>;
}

/**
 * What a rule does — exactly one of `pin`, `boost`, `bury`, `filter`. Filters remove items
 * (they win over pins); pins put the best matching items at `position`; boosts and buries add
 * or subtract `weight` from the adaptive score.
 */
export interface RuleAction {
  pin?: ItemSelector;
  boost?: ItemSelector;
  bury?: ItemSelector;
  filter?: ItemSelector;
  /** Score added (boost) or subtracted (bury). Default 1, as much as a stated like. */
  weight?: number;
  /** 1-based position of a pin. Default 1. */
  position?: number;
  /** How many matching items a pin places (consecutive positions). Default 1. */
  count?: number;
  /** The reason shown on picks the rule placed or boosted ("Staff pick for rainy days"). */
  label?: LocalizedText;
}

/** A merchant rule (docs/rules.md). */
export interface Rule {
  id: string;
  when?: RuleConditions;
  then: RuleAction;
  /** Higher first when rules conflict (pins at the same position). Default 0. */
  priority?: number;
  /** ISO 8601 date-times: active from `start` (inclusive) until `end` (exclusive). */
  start?: string;
  end?: string;
}

/** A curated collection (docs/collections.md): an aspirational edit, matched by behaviour only. */
export interface Collection {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** Its products: either listed, or every product matching `filter`. */
  items?: string[];
  filter?: ItemSelector;
  image?: string;
}

/** A collection the visitor matches, with the evidence. */
export interface CollectionMatch {
  id: string;
  /** Name and description in the active locale. */
  name: string;
  description?: string;
  image?: string;
  /** 0..1: the share of the visitor's recent interest on the collection's products (1 when liked). */
  strength: number;
  /** The visitor's products in the collection that made the match, strongest first. */
  because: string[];
  /** The visitor hid this collection (preference center); it is never matched. */
  hidden?: boolean;
}

/** Whether one rule fires for a context, and if not, the first condition that failed. */
export interface RuleStatus {
  id: string;
  fired: boolean;
  /** Why it did not fire, e.g. `when.device is "desktop", not "mobile"`, or `ended 2026-01-31…`. */
  why?: string;
  action: 'pin' | 'boost' | 'bury' | 'filter';
  /** Number of catalog products its selector matches. */
  matches: number;
}

/** What {@link Curio.explainRules} returns. */
export interface RulesReport {
  context: VisitorContext;
  rules: RuleStatus[];
  collections: CollectionMatch[];
}

/** What {@link Curio.exportData} returns. */
export interface ExportedData {
  format: 'curio-export';
  version: number;
  exportedAt: string;
  consent: Consent;
  storage: StorageMode;
  events: StoredEvent[];
  aggregates: Aggregates;
  preferences: Preference[];
  dismissed: string[];
  /** Where this session came from (traffic source and UTM parameters), if rules needed it. */
  landing?: Landing;
  /** Catalog data kept for history items (their neighbours and titles), by product id. */
  kept?: Record<string, KeptItem>;
  /** The holdout draw and the day's measurement counts, if the shop measures (docs/privacy.md#what-the-holdout-stores). */
  measurement?: unknown;
}

/**
 * Catalog data of one history item, fetched on the item's own page and kept on the device so
 * that later pages need no request that would reveal the history (docs/privacy.md).
 */
export interface KeptItem {
  /** When the item's page was last seen (ms); the most recent items are kept. */
  at: number;
  /** Its neighbour rows by list id: neighbour product ids and weights (top = 1). */
  rows: Record<string, [string[], number[]]>;
  /** Its title, for reasons that name it (compact catalogs only send records of items shown). */
  title?: string;
}

/** The landing of the current session: when, where from. Kept only for the session. */
export interface Landing {
  at: number;
  source: TrafficSource;
  utm: Record<string, string>;
}

/** An event as kept on the device. `at` is ms since epoch; `id` is unique across tabs. */
export interface StoredEvent {
  id: string;
  at: number;
  type: EventType;
  item?: string;
  items?: string[];
  query?: string;
}

/**
 * Old events folded into per-item totals when the raw log is capped.
 * `items[id] = [weight, lastAt]`: the sum of event weights (views 1, cart and purchase more),
 * and the time of the last event folded in.
 */
export interface Aggregates {
  items: Record<string, [number, number]>;
  counts: Partial<Record<EventType, number>>;
}
