/**
 * Ranking weights: their definition, defaults and validation. A catalog may carry weights tuned
 * on the shop's own data; missing fields fall back to these defaults (measured on public session
 * data, see docs/evaluation.md).
 */
import { isRecord } from '../errors.js';
import type { Placement } from '../types.js';
import { numberIn } from '../validation.js';

/** How one neighbour list contributes. */
export interface ListWeight {
  /** Multiplier of the list's (row-normalised) weights. */
  weight: number;
  /** Recency exponent π: a click `d` steps ago contributes `(1 + d)^-π`. */
  decay: number;
}

/** All tunable weights of the ranking. */
export interface RankingWeights {
  /** Per neighbour-list id. Lists without an entry use `{ weight: 1, decay: 1.5 }`. */
  lists: Record<string, ListWeight>;
  /** Seconds of a recency "step": a click `t` seconds ago is `t / stepSeconds` steps old. */
  stepSeconds: number;
  /** Boost γ for items the visitor looked at in this session (re-show). */
  reshow: number;
  /** Per-step decay ρ of the re-show boost. */
  reshowDecay: number;
  /** Multiplier of neighbour contributions from earlier sessions. */
  history: number;
  /** Half-life of earlier sessions' influence, in days. */
  historyHalfLifeDays: number;
  /**
   * Weight of the page's own products as evidence: the product on screen (placement `product`),
   * the cart's or the order's items (`cart`, `order`, through bought-together lists when the
   * catalog has them).
   */
  anchor: number;
  /** Days after a purchase during which its substitutes (same leaf category or group) are held back. */
  holdBackDays: number;
  /** Event weights relative to a view. */
  cart: number;
  purchase: number;
  /** Affinity weights (each affinity is in 0..1). */
  category: number;
  brand: number;
  attribute: number;
  price: number;
  /** Boost of an explicit "like" preference. */
  preference: number;
  /** Global popularity prior (normalised to 0..1). */
  popularity: number;
  /** Popularity within the item's category, times category affinity. */
  categoryPopularity: number;
  /** Quality prior from rating and review count (0..1). */
  rating: number;
  /**
   * Weights of one placement where they differ (tuned per shop: `{ product: { anchor: 3 } }`);
   * only those the ranking applies per request (lists, re-show, affinities, priors, anchor) count.
   */
  placements?: Partial<Record<Placement, Partial<Omit<RankingWeights, 'placements'>>>>;
}

/** Defaults used when the catalog carries no tuned weights. */
export const DEFAULT_WEIGHTS: RankingWeights = {
  lists: {},
  stepSeconds: 60,
  reshow: 2,
  reshowDecay: 0.85,
  history: 0.1,
  historyHalfLifeDays: 14,
  anchor: 0.5,
  holdBackDays: 30,
  cart: 3,
  purchase: 4,
  category: 0.15,
  brand: 0.1,
  attribute: 0.05,
  price: 0.05,
  preference: 1,
  popularity: 0.02,
  categoryPopularity: 0.05,
  rating: 0.03,
};

/** Default for a list without an entry in `weights.lists`. */
export const DEFAULT_LIST_WEIGHT: ListWeight = { weight: 1, decay: 1.5 };

/** The weights one placement ranks with: the catalog's, with the placement's own on top. */
export function placementWeights(weights: RankingWeights, placement: Placement): RankingWeights {
  const own = weights.placements?.[placement];
  return own ? { ...weights, ...own, lists: { ...weights.lists, ...own.lists } } : weights;
}

/** Merges a catalog's partial weights over the defaults. */
export function resolveWeights(partial?: Partial<RankingWeights>): RankingWeights {
  return { ...DEFAULT_WEIGHTS, ...partial, lists: { ...DEFAULT_WEIGHTS.lists, ...partial?.lists } };
}

/**
 * The path of the first ranking weight that is not a number ≥ 0 (> 0 for the two divisors), if
 * any: one NaN or a zero step would break every score. `depth` 1 is `lists` (list id → a list's
 * weights), 2 one list's `{ weight, decay }`, both required.
 */
export function badWeight(weights: unknown, path = 'weights', depth = 0): string | undefined {
  if (weights === undefined) return;
  if (!isRecord(weights)) return path;
  for (const name of depth > 1 ? ['weight', 'decay'] : Object.keys(weights)) {
    const v = weights[name];
    const at = `${path}.${name}`;
    // `placements`: placement → weights of their own, checked as the top level is.
    const placement = name == 'placements' && !depth ? (isRecord(v) ? Object.keys(v).map((p) => badWeight(v[p], `${at}.${p}`)).find(Boolean) ?? false : at) : undefined;
    const bad = placement ?? (depth == 1 || (name == 'lists' && !depth) ? badWeight(v, at, depth + 1) : !numberIn(/^(stepSeconds|historyHalfLifeDays)$/.test(name) ? Number.MIN_VALUE : 0)(v) && at);
    if (bad) return bad;
  }
}
