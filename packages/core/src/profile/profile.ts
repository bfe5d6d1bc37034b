/**
 * The visitor's profile, derived from stored events on demand: what they looked at in this
 * session (current intent, by recency), what earlier sessions say (decayed history), and the
 * affinities (categories, brands, attributes, price band) both imply. Pure: the clock is an argument.
 */
import type { InternedCatalog } from '../catalog/intern.js';
import { eventItems } from '../events.js';
import type { EventType, Preference, StoredEvent } from '../types.js';
import type { StoredState } from '../store/types.js';
import type { RankingWeights } from '../catalog/weights.js';

/** A session ends after 30 minutes without events. */
export const SESSION_GAP_MS = 30 * 60 * 1000;
const DAY_MS = 86_400_000;

/** One source of neighbour contributions: an item the visitor interacted with. */
export interface Evidence {
  item: number;
  /** Recency in steps (session events); `-1` for earlier sessions. */
  steps: number;
  /** Event weight (view 1, cart and purchase more); for history already decayed and scaled. */
  weight: number;
  /**
   * For session events: the weight the event would have as history. Session recency never
   * drops below it, so an event weighs at least as much inside the session as outside.
   */
  floor: number;
  /** Counts through bought-together lists only (the cart's and the order's items: complements, not substitutes). */
  boughtOnly?: boolean;
}

/** Sparse affinities in 0..1 by interned index. */
export type Affinities = Map<number, number>;

/** Everything the ranking needs to know about the visitor. */
export interface Profile {
  evidence: Evidence[];
  /** Session items → re-show boost before weighting (sum of ρ^steps over their views). */
  reshow: Map<number, number>;
  categories: Affinities;
  brands: Affinities;
  attributes: Affinities;
  prices: Affinities;
  /** Categories/brands matched by this session's searches → the query. */
  searchCategories: Map<number, string>;
  searchBrands: Map<number, string>;
  /** Group leads (see `InternedCatalog.lead`) in the cart (→ the variant in it), bought, dismissed: a variant stands for its group. */
  cart: Map<number, number>;
  purchased: Set<number>;
  dismissed: Set<number>;
  /** The items of the latest purchase (the thank-you page's order), as bought. */
  lastOrder: number[];
  /**
   * Leaf categories of recent purchases (within `holdBackDays`) whose substitutes are held back;
   * a later view in the category (shopping for it again) releases it. Repurchasable products hold nothing back.
   */
  heldBack: Set<number>;
  /** Leaf categories the visitor has ever interacted with ("new for you" picks others). */
  seenCategories: Set<number>;
  likes: Preference[];
  dislikes: Preference[];
}

/** Saturating map of accumulated interest to 0..1: monotone, and independent of other interests. */
const saturate = (raw: number): number => 1 - Math.exp(-raw / 2);

const addTo = (m: Map<number, number>, k: number, v: number): void => {
  m.set(k, (m.get(k) ?? 0) + v);
};

/**
 * The attribute values (interned pairs) one interaction with item `i` is evidence of. Choosing a
 * variant (cart, purchase: `chosen`) speaks for its own values; looking at a product speaks only
 * for values every variant of its group has (a jacket that comes in five sizes says nothing about
 * size). Attributes with several values on one product (sizes: S, M, L) never count.
 */
export function attributeEvidence(cat: InternedCatalog, i: number, chosen: boolean, out: (pair: number) => void): void {
  const from = cat.attrStart[i]!;
  const to = cat.attrStart[i + 1]!;
  const members = chosen ? undefined : cat.variants.get(cat.lead[i]!);
  for (let k = from; k < to; k++) {
    const a = cat.attrPairs[k]!;
    const name = cat.attrNames[a]![0];
    let single = true;
    for (let m = from; m < to && single; m++) if (m !== k && cat.attrNames[cat.attrPairs[m]!]![0] === name) single = false;
    if (single && (!members || members.every((j) => hasPair(cat, j, a)))) out(a);
  }
}

const hasPair = (cat: InternedCatalog, j: number, a: number): boolean => {
  for (let k = cat.attrStart[j]!; k < cat.attrStart[j + 1]!; k++) if (cat.attrPairs[k] === a) return true;
  return false;
};

/** Looks at products must show a value this many times (distinct groups) before it is an interest. */
export const REPEATED_VIEWS = 2;

/** Start time of the session containing the latest event (events sorted by time). */
export function sessionStart(events: StoredEvent[], now: number): number {
  let start = now;
  let next = now;
  for (let i = events.length - 1; i >= 0; i--) {
    const at = events[i]!.at;
    if (next - at > SESSION_GAP_MS) break;
    start = Math.min(start, at);
    next = at;
  }
  return start;
}

/** The weight of an interaction at time `at` as history at `now`: `history`, halved every `historyHalfLifeDays`. */
export function historyWeight(w: Pick<RankingWeights, 'history' | 'historyHalfLifeDays'>, now: number, at: number): number {
  return w.history * 0.5 ** (Math.max(0, now - at) / (w.historyHalfLifeDays * DAY_MS));
}

/** Builds the profile from the stored state at time `now`. */
export function buildProfile(cat: InternedCatalog, state: Pick<StoredState, 'events' | 'aggregates' | 'preferences' | 'dismissed'>, now: number): Profile {
  const w = cat.weights;
  const stepMs = w.stepSeconds * 1000;
  const evidence: Evidence[] = [];
  const reshow = new Map<number, number>();
  const raw = { categories: new Map<number, number>(), brands: new Map<number, number>(), attributes: new Map<number, number>(), prices: new Map<number, number>() };
  const searchCategories = new Map<number, string>();
  const searchBrands = new Map<number, string>();
  const cart = new Map<number, number>();
  const purchased = new Set<number>();
  const seenCategories = new Set<number>();
  let lastOrder: number[] = [];
  /** Leaf category → time of the latest purchase holding it back, or of the latest view (releasing it). */
  const bought = new Map<number, number>();
  const viewed = new Map<number, number>();
  /** Attribute values seen on looked-at products: the groups that showed them, and the interest. */
  const viewedValues = new Map<number, { groups: Set<number>; v: number }>();
  const start = sessionStart(state.events, now);
  /** Interest an event shows in its items (views 1, cart and purchase more); 0 for the other types. */
  const eventWeights: Partial<Record<EventType, number>> = { view_item: 1, pick_click: 1, add_to_cart: w.cart, purchase: w.purchase };
  const historyWeightAt = (at: number): number => historyWeight(w, now, at);

  /** Interest from one weighted interaction with item i, for the affinities; `chosen` when the visitor picked this variant. */
  const interest = (i: number, v: number, chosen: boolean): void => {
    const c = cat.category[i]!;
    if (c >= 0) {
      seenCategories.add(c);
      addTo(raw.categories, c, v);
    }
    if (cat.brand[i]! >= 0) addTo(raw.brands, cat.brand[i]!, v);
    attributeEvidence(cat, i, chosen, (a) => {
      if (chosen) return addTo(raw.attributes, a, v);
      const seen = viewedValues.get(a) ?? viewedValues.set(a, { groups: new Set(), v: 0 }).get(a)!;
      seen.groups.add(cat.lead[i]!);
      seen.v += v;
    });
    const band = cat.priceBand[i]!;
    addTo(raw.prices, band, v);
    addTo(raw.prices, band - 1, v / 2);
    addTo(raw.prices, band + 1, v / 2);
  };

  for (const [id, [weight, lastAt]] of Object.entries(state.aggregates.items)) {
    const i = cat.index.get(id);
    if (i === undefined || !(weight > 0)) continue;
    const v = weight * historyWeightAt(lastAt);
    evidence.push({ item: i, steps: -1, weight: v, floor: 0 });
    interest(i, v, false);
  }

  for (const e of state.events) {
    const inSession = e.at >= start;
    const steps = Math.max(0, (now - e.at) / stepMs);
    if (e.type === 'search' && inSession && e.query) matchSearch(cat, e.query, searchCategories, searchBrands);
    const ew = eventWeights[e.type] ?? 0;
    if (e.type === 'purchase') lastOrder = [];
    for (const id of eventItems(e)) {
      const i = cat.index.get(id);
      if (i === undefined) continue;
      const lead = cat.lead[i]!;
      if (e.type === 'add_to_cart') cart.set(lead, i);
      else if (e.type === 'remove_from_cart') cart.delete(lead);
      else if (e.type === 'purchase') {
        cart.delete(lead);
        lastOrder.push(i);
        if (!cat.repurchasable[i]) {
          purchased.add(lead);
          // Products without a category hold nothing back: there is no kind to hold.
          if (now - e.at < w.holdBackDays * DAY_MS && cat.category[i]! >= 0) bought.set(cat.category[i]!, e.at);
        }
      } else if (e.type === 'view_item') viewed.set(cat.category[i]!, e.at);
      if (!ew) continue;
      const floor = historyWeightAt(e.at);
      evidence.push(inSession ? { item: i, steps, weight: ew, floor } : { item: i, steps: -1, weight: ew * floor, floor: 0 });
      // Session interest fades with recency so the current intent dominates the affinities too.
      interest(i, ew * (inSession ? Math.max(1 / (1 + steps), floor) : floor), e.type === 'add_to_cart' || e.type === 'purchase');
      if (inSession && e.type !== 'purchase') addTo(reshow, lead, w.reshowDecay ** steps);
    }
  }
  viewedValues.forEach(({ groups, v }, a) => groups.size >= REPEATED_VIEWS && addTo(raw.attributes, a, v));
  const heldBack = new Set<number>();
  for (const [c, at] of bought) if (!((viewed.get(c) ?? 0) > at)) heldBack.add(c);

  const affinities = (m: Map<number, number>): Affinities => {
    const out: Affinities = new Map();
    for (const [k, v] of m) if (v > 0) out.set(k, saturate(v));
    return out;
  };
  const dismissed = new Set<number>();
  for (const id of state.dismissed) {
    const i = cat.index.get(id);
    if (i !== undefined) dismissed.add(cat.lead[i]!);
  }
  return {
    evidence,
    reshow,
    categories: affinities(raw.categories),
    brands: affinities(raw.brands),
    attributes: affinities(raw.attributes),
    prices: affinities(raw.prices),
    searchCategories,
    searchBrands,
    cart,
    purchased,
    dismissed,
    lastOrder,
    heldBack,
    seenCategories,
    likes: state.preferences.filter((p) => p.like),
    dislikes: state.preferences.filter((p) => !p.like),
  };
}

/** Categories and brands whose name contains a word of the query (3+ letters). */
function matchSearch(cat: InternedCatalog, query: string, categories: Map<number, string>, brands: Map<number, string>): void {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length >= 3);
  if (!words.length) return;
  const hit = (name: string): boolean => {
    const n = name.toLowerCase();
    return words.some((t) => n.includes(t));
  };
  cat.categoryNames.forEach((name, c) => {
    if (hit(name.slice(name.lastIndexOf('>') + 1))) categories.set(c, query);
  });
  cat.brandNames.forEach((name, b) => {
    if (hit(name)) brands.set(b, query);
  });
}
