/**
 * Public types of `@curio/core`. Everything a host page, the widget or a headless UI sees.
 */

/** Languages reasons and widget text are available in. */
export type Locale = 'en' | 'fr' | 'de';

/** Consent state: `granted` persists on the device, `pending` keeps in memory until granted, `denied` never persists. */
export type Consent = 'granted' | 'pending' | 'denied';

/** Where a list of picks is shown; decides candidates, exclusions and diversity. */
export type Placement = 'home' | 'product' | 'cart' | 'category';

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
  /** Category path from the root, e.g. `['Men', 'Shirts']`. */
  categories: string[];
  brand?: string;
  /** Facets such as size, colour, material; one value or several. */
  attributes?: Record<string, string | string[]>;
  inStock?: boolean;
  /** Average rating on a 0–5 scale. */
  rating?: number;
  reviewCount?: number;
  /** Up to 3 short review quotes. */
  reviews?: string[];
}

/** A request for picks. */
export interface RecommendRequest {
  placement: Placement;
  /** The product being shown (placement `product`); it is never picked. */
  item?: string;
  /** Category (path joined with ` > `, or its last segment) for placement `category`. */
  category?: string;
  /** Number of picks, 1–50. Default 8. */
  limit?: number;
  /** Item ids that must not be picked. */
  exclude?: string[];
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
  | 'review_quote';

/** What a reason points at. Every named piece of evidence really contributed to the pick's score. */
export interface ReasonEvidence {
  items?: string[];
  category?: string;
  brand?: string;
  attribute?: [string, string];
  quote?: string;
  query?: string;
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
  kind: 'personal' | 'new_for_you' | 'popular';
}

/** An explicit preference the shopper stated (quiz, preference center). */
export interface Preference {
  kind: 'brand' | 'category' | 'attribute' | 'price';
  /**
   * Brand name, category (path joined with ` > ` or last segment), `[name, value]` for
   * attributes, or `[min, max]` for a price band (in the catalog's currency).
   */
  value: string | [string, string] | [number, number];
  /** `true` boosts matching products, `false` hides them. */
  like: boolean;
}

/** A preference change: set one, or remove it with `remove: true`. */
export type PreferenceUpdate = Preference & { remove?: boolean };

/** An interest with a strength in 0..1. */
export interface Interest {
  value: string;
  strength: number;
}

/** Where the visitor's data lives right now. */
export type StorageMode = 'indexeddb' | 'memory';

/** Everything Curio knows about the visitor, in a form a UI can show. */
export interface ProfileView {
  interests: {
    categories: Interest[];
    brands: Interest[];
    attributes: Array<Interest & { name: string }>;
    priceRange?: { min: number; max: number; currency: string };
  };
  /** Most recent first. */
  recentItems: Array<{ item: string; title: string; at: number }>;
  preferences: Preference[];
  dismissed: string[];
  eventCounts: Partial<Record<EventType, number>>;
  consent: Consent;
  storage: StorageMode;
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
  /** The loaded catalog's products by id (after `ready`). */
  product(id: string): Product | undefined;
  /** All products of the loaded catalog (after `ready`; empty before), e.g. to build a quiz from its facets. */
  products(): readonly Product[];
  /** The active locale. */
  readonly locale: Locale;
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
