/**
 * Ranking: candidates → scores (typed arrays) → filters → partial top-k → diversity and the
 * "new for you" slot → the ranked items, with the facts their explanation needs (explain/ turns
 * them into picks with faithful reasons). Pure and synchronous: neighbour rows of the profile's
 * items must already be loaded.
 */
import type { InternedCatalog } from '../catalog/intern.js';
import { inCategories } from '../catalog/lookup.js';
import type { Profile } from '../profile/profile.js';
import type { Placement } from '../types.js';
import type { MerchantPlan } from './merchantPlan.js';
import { matchesAny, resolvePreferences, type ResolvedPreferences } from './preferences.js';
import { placementScope } from './placementScope.js';
import { addNeighborScores, itemTerms } from './terms.js';
import { topK } from './topK.js';

/** A validated request with ids resolved. */
export interface RankRequest {
  placement: Placement;
  item?: number;
  /** The cart's or the order's items, when the page passes them. */
  items?: number[];
  categories?: Set<number>;
  limit: number;
  exclude: Set<number>;
  /** The shop's rules and collections for this request, when it has any. */
  plan?: MerchantPlan;
}

/** Reusable buffers of one catalog (no allocation per request on the hot path). */
export interface Scratch {
  score: Float64Array;
  touched: Uint32Array;
  mark: Uint8Array;
  /** Catalogs with variants: group lead → the variant shown, for the request being ranked. */
  variant?: Map<number, number>;
}

/** Allocates scratch buffers for a catalog. */
export function createScratch(cat: InternedCatalog): Scratch {
  return { score: new Float64Array(cat.size), touched: new Uint32Array(cat.size), mark: new Uint8Array(cat.size) };
}

/** One item of a ranked list, with the facts its explanation needs. */
export interface RankedItem {
  /** The item shown: the variant of its group that suits the visitor (the item itself without variants). */
  item: number;
  /** The score of the item's group. */
  score: number;
  /** True for the "new for you" pick. */
  novel: boolean;
  /** The rule that pinned the item in place, if one did. */
  pinnedBy?: number;
}

/**
 * A ranked list and the scope it was ranked in: the catalog with the placement's weights, the
 * profile as the placement sees it, and the visitor's likes resolved. Explanations must itemise
 * scores in this same scope.
 */
export interface Ranking {
  /** The list, best first. */
  items: RankedItem[];
  /** The catalog with the placement's weights. */
  cat: InternedCatalog;
  /** The profile as the placement sees it (the page's own products as evidence). */
  profile: Profile;
  /** The visitor's likes, resolved in `cat`. */
  likes: ResolvedPreferences;
}

/** Affinity top lists opened per request: the strongest categories and brands. */
const AFFINE_CATEGORIES = 3;
const AFFINE_BRANDS = 2;
/** Short lists keep every slot for the best matches. */
const MIN_LIMIT_FOR_NOVELTY = 4;
/** Cart and order pages: picks per leaf category already in the cart or order (complements, not substitutes). */
const PER_ANCHOR_CATEGORY = 2;

const strongest = (m: Map<number, number>, n: number): number[] =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k]) => k);

/**
 * The categories and brands whose top lists a request takes candidates from: the strongest
 * affinities, the liked and searched ones, and the requested categories.
 */
export function openLists(profile: Profile, likes: ResolvedPreferences, categories?: Set<number>): [categories: Set<number>, brands: Set<number>] {
  return [
    new Set([...strongest(profile.categories, AFFINE_CATEGORIES), ...likes.categories.keys(), ...profile.searchCategories.keys(), ...(categories ?? [])]),
    new Set([...strongest(profile.brands, AFFINE_BRANDS), ...likes.brands.keys(), ...profile.searchBrands.keys()]),
  ];
}

/**
 * The variant of a group to show this visitor: in stock, matching a stated like or, failing that,
 * the strongest attribute interest (their size or colour); else the first in stock. −1 when no
 * variant is in stock.
 */
function variantFor(cat: InternedCatalog, profile: Profile, likes: ResolvedPreferences, lead: number): number {
  const members = cat.variants.get(lead);
  if (!members) return cat.inStock[lead] ? lead : -1;
  let best = -1;
  let bestFit = -1;
  for (const j of members) {
    if (!cat.inStock[j]) continue;
    let fit = matchesAny(cat, likes, j) ? 2 : 0;
    for (let k = cat.attrStart[j]!; k < cat.attrStart[j + 1]!; k++) fit = Math.max(fit, profile.attributes.get(cat.attrPairs[k]!) ?? 0);
    if (fit > bestFit) [best, bestFit] = [j, fit];
  }
  return best;
}

/**
 * Ranks the catalog for a profile. Scores are kept per group (in the slot of its lead item); each
 * group is shown as the variant that suits the visitor. A category request whose category has
 * nothing to show falls back to its parent category, then to the whole catalog. Explaining the
 * list is the caller's choice (explainRanked in explain/; the evaluation skips it).
 */
export function rank(catalog: InternedCatalog, visitor: Profile, req: RankRequest, scratch: Scratch): Ranking {
  const { cat, profile, anchors } = placementScope(catalog, visitor, req);
  const { score, touched, mark } = scratch;
  const lead = cat.lead;
  let count = 0;
  const touch = (item: number): void => {
    const i = lead[item]!;
    if (!mark[i]) {
      mark[i] = 1;
      score[i] = 0;
      touched[count++] = i;
    }
  };
  const add = (item: number, v: number): void => {
    touch(item);
    score[lead[item]!]! += v;
  };

  // 1. Candidates: neighbours of the visitor's items, their own session items, affine and liked
  //    categories/brands, the requested category, and popular items as the floor.
  // Items some neighbour list reaches from the visitor's items: "new for you" picks come from these.
  const reached = new Set<number>();
  addNeighborScores(cat, profile, (i, v) => {
    reached.add(i);
    add(i, v);
  });
  for (const i of profile.reshow.keys()) touch(i);
  const likes = resolvePreferences(cat, profile.likes);
  const dislikes = resolvePreferences(cat, profile.dislikes);
  const [openCategories, openBrands] = openLists(profile, likes, req.categories);
  for (const c of openCategories) cat.topByCategory[c]!.forEach(touch);
  for (const b of openBrands) cat.topByBrand[b]!.forEach(touch);
  cat.topOverall.forEach(touch);
  const plan = req.plan;
  plan?.candidates.forEach(touch);

  // 2. Filters, then the remaining terms. Exclusions hold for whole groups: the page's own
  //    products, the request's exclusions, the cart (on cart and order pages), what was bought or
  //    dismissed; substitutes of a recent purchase are held back (not on its category's own page).
  const blockedGroups = new Set<number>();
  for (const i of anchors) blockedGroups.add(lead[i]!);
  for (const i of req.exclude) blockedGroups.add(lead[i]!);
  if (req.item !== undefined) blockedGroups.add(lead[req.item]!);
  if (req.placement === 'cart' || req.placement === 'order') for (const i of profile.cart.keys()) blockedGroups.add(i);
  const holdBack = req.placement !== 'category' && profile.heldBack.size > 0;
  const shown = cat.variants.size ? (scratch.variant ??= new Map()) : undefined;
  shown?.clear();
  let sum = 0;
  const sink = (_k: unknown, _key: unknown, v: number): void => {
    sum += v;
  };
  for (let n = 0; n < count; n++) {
    const g = touched[n]!;
    mark[g] = 0;
    const i = shown ? variantFor(cat, profile, likes, g) : cat.inStock[g] ? g : -1;
    const blocked =
      i < 0 ||
      blockedGroups.has(g) ||
      profile.dismissed.has(g) ||
      profile.purchased.has(g) ||
      (holdBack && profile.heldBack.has(cat.category[i]!) && !cat.repurchasable[i]) ||
      (req.categories !== undefined && !inCategories(cat, i, req.categories)) ||
      matchesAny(cat, dislikes, i) ||
      !!plan?.excludes(i);
    if (blocked) {
      score[g] = -Infinity;
      continue;
    }
    if (i !== g) shown!.set(g, i);
    sum = 0;
    itemTerms(cat, profile, likes, i, sink);
    plan?.terms(i, sink);
    score[g]! += sum;
  }

  // 3. Best candidates, then the list: diversity caps and one "new for you" slot (the last one,
  //    so the surprise never displaces a strong match).
  const pool = topK(touched, count, score, cat.popularity, Math.max(req.limit * 4, 40));
  if (!pool.length && req.categories?.size) {
    // Nothing to show in this category: its parent's, then the whole catalog's (reasons say where picks come from).
    const parents = new Set([...req.categories].map((c) => cat.categoryParent[c]!).filter((c) => c >= 0));
    return rank(catalog, visitor, { ...req, categories: parents.size ? parents : undefined }, scratch);
  }
  const browsing = profile.evidence.some((e) => e.steps >= 0);
  const fits = capsOf(cat, req, likes, browsing, anchors);
  const chosen = diversify(pool, req.limit, fits, req.placement === 'cart' || req.placement === 'order' ? capsOf(cat, req, likes, browsing, anchors, true) : undefined);
  let novel = -1;
  if (req.placement === 'home' && profile.evidence.length && req.limit >= MIN_LIMIT_FOR_NOVELTY) {
    // A product without a category is no "new kind" of product: it is never the surprise.
    const isNew = (i: number): boolean => score[i]! > 0 && cat.category[i]! >= 0 && !profile.seenCategories.has(cat.category[i]!) && reached.has(i);
    novel = chosen.find(isNew) ?? -1;
    if (novel < 0) {
      const kept = chosen.slice(0, req.limit - 1);
      novel = pool.find((i) => !kept.includes(i) && isNew(i) && fits(kept, i)) ?? -1;
      if (novel >= 0) chosen.splice(0, chosen.length, ...kept, novel);
    }
  }
  const pinnedBy = new Map<number, number>();
  const list = plan ? plan.place(chosen, score, req.limit, pinnedBy) : chosen;
  const items = list.map((g): RankedItem => ({ item: shown?.get(g) ?? g, score: score[g]!, novel: g === novel, pinnedBy: pinnedBy.get(g) }));
  return { items, cat, profile, likes };
}

/**
 * The diversity rules per placement: at most half of a list from one brand (every placement);
 * at most half from one category on discovery lists (cart, order, and home without a session in
 * progress; while the shopper browses, home follows their intent; product and category pages are
 * about one kind of thing); on cart and order pages at most 2 picks from a leaf category already
 * in the cart or order. Items matching a stated like are exempt from the half caps. With `strict`,
 * only the rule that is never relaxed: the cart's and the order's categories.
 */
function capsOf(cat: InternedCatalog, req: RankRequest, likes: ResolvedPreferences, browsing: boolean, anchors: number[], strict = false): (list: number[], i: number) => boolean {
  const cap = Math.max(1, Math.floor(req.limit / 2));
  const complements = req.placement === 'cart' || req.placement === 'order';
  const capCategories = complements || (req.placement === 'home' && !browsing);
  const anchorCategories = new Set(complements ? anchors.map((i) => cat.category[i]!).filter((c) => c >= 0) : []);
  const count = (list: number[], field: Int32Array, v: number): number => list.reduce((n, j) => n + (field[j] === v ? 1 : 0), 0);
  return (list, i) => {
    const c = cat.category[i]!;
    if (anchorCategories.has(c) && count(list, cat.category, c) >= PER_ANCHOR_CATEGORY) return false;
    if (strict) return true;
    const b = cat.brand[i]!;
    const full = (capCategories && c >= 0 && count(list, cat.category, c) >= cap) || (b >= 0 && count(list, cat.brand, b) >= cap);
    return !full || matchesAny(cat, likes, i);
  };
}

/** Takes the pool in order within the caps; relaxes them (all but `strict` ones) only if the list would be short. */
function diversify(pool: number[], limit: number, fits: (list: number[], i: number) => boolean, strict?: (list: number[], i: number) => boolean): number[] {
  const chosen: number[] = [];
  const skipped: number[] = [];
  for (const i of pool) {
    if (chosen.length === limit) break;
    (fits(chosen, i) ? chosen : skipped).push(i);
  }
  for (const i of skipped) if (chosen.length < limit && (!strict || strict(chosen, i))) chosen.push(i);
  return chosen;
}

