/**
 * Ranking: candidates → scores (typed arrays) → filters → partial top-k → diversity and the
 * "new for you" slot → picks with faithful reasons. Pure and synchronous: neighbour rows of the
 * profile's items must already be loaded.
 */
import type { InternedCatalog } from '../catalog/intern.js';
import { findCategories, inCategories } from '../catalog/lookup.js';
import { explainPick } from '../explain/explain.js';
import type { Profile } from '../profile/profile.js';
import type { Locale, Pick, Placement } from '../types.js';
import type { MerchantPlan } from './merchantPlan.js';
import { matchesAny, resolvePreferences, type ResolvedPreferences } from './preferences.js';
import { addNeighborScores, itemTerms } from './terms.js';
import { topK } from './topK.js';

/** A validated request with ids resolved. */
export interface RankRequest {
  placement: Placement;
  item?: number;
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
  /** The items of the list ranked last, in order (their picks name them by id). */
  picked: number[];
}

/** Allocates scratch buffers for a catalog. */
export function createScratch(cat: InternedCatalog): Scratch {
  return { score: new Float64Array(cat.size), touched: new Uint32Array(cat.size), mark: new Uint8Array(cat.size), picked: [] };
}

/** Affinity top lists opened per request: the strongest categories and brands. */
const AFFINE_CATEGORIES = 3;
const AFFINE_BRANDS = 2;
/** Short lists keep every slot for the best matches. */
const MIN_LIMIT_FOR_NOVELTY = 4;

const strongest = (m: Map<number, number>, n: number): number[] =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k]) => k);

/** Resolves a request's category name to its category indexes (empty set if unknown). */
export function requestCategories(cat: InternedCatalog, name: string | undefined): Set<number> | undefined {
  return name === undefined ? undefined : new Set(findCategories(cat, name));
}

/** Ranks the catalog for a profile. `reasons: false` skips explanations (evaluation speed). */
export function rank(cat: InternedCatalog, profile: Profile, req: RankRequest, scratch: Scratch, locale: Locale, reasons = true): Pick[] {
  const { score, touched, mark } = scratch;
  let count = 0;
  const touch = (i: number): void => {
    if (!mark[i]) {
      mark[i] = 1;
      score[i] = 0;
      touched[count++] = i;
    }
  };
  const add = (i: number, v: number): void => {
    touch(i);
    score[i]! += v;
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
  const openCategories = new Set([...strongest(profile.categories, AFFINE_CATEGORIES), ...likes.categories.keys(), ...profile.searchCategories.keys(), ...(req.categories ?? [])]);
  const openBrands = new Set([...strongest(profile.brands, AFFINE_BRANDS), ...likes.brands.keys(), ...profile.searchBrands.keys()]);
  for (const c of openCategories) cat.topByCategory[c]!.forEach(touch);
  for (const b of openBrands) cat.topByBrand[b]!.forEach(touch);
  cat.topOverall.forEach(touch);
  const plan = req.plan;
  plan?.candidates.forEach(touch);

  // 2. Filters, then the remaining terms.
  let sum = 0;
  const sink = (_k: unknown, _key: unknown, v: number): void => {
    sum += v;
  };
  for (let n = 0; n < count; n++) {
    const i = touched[n]!;
    mark[i] = 0;
    const blocked =
      !cat.inStock[i] ||
      i === req.item ||
      req.exclude.has(i) ||
      profile.dismissed.has(i) ||
      profile.purchased.has(i) ||
      (req.placement === 'cart' && profile.cart.has(i)) ||
      (req.categories !== undefined && !inCategories(cat, i, req.categories)) ||
      matchesAny(cat, dislikes, i) ||
      !!plan?.excludes(i);
    if (blocked) {
      score[i] = -Infinity;
      continue;
    }
    sum = 0;
    itemTerms(cat, profile, likes, i, sink);
    plan?.terms(i, sink);
    score[i]! += sum;
  }

  // 3. Best candidates, then the list: diversity caps and one "new for you" slot (the last one,
  //    so the surprise never displaces a strong match).
  const pool = topK(touched, count, score, cat.popularity, Math.max(req.limit * 4, 40));
  const browsing = profile.evidence.some((e) => e.steps >= 0);
  const fits = capsOf(cat, req, likes, browsing);
  const chosen = diversify(pool, req.limit, fits);
  let novel = -1;
  if (profile.evidence.length && req.limit >= MIN_LIMIT_FOR_NOVELTY) {
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
  const list = (scratch.picked = plan ? plan.place(chosen, score, req.limit, pinnedBy) : chosen);
  return list.map((i) => explainPick(cat, profile, likes, i, score[i]!, i === novel, locale, reasons, plan, pinnedBy.get(i)));
}

/**
 * The diversity rule: at most half of a list from one brand and, when the list is for discovery
 * (the cart, or home without a session in progress), from one category. While the shopper is
 * browsing, home follows their current intent. Items matching a stated like are exempt.
 */
function capsOf(cat: InternedCatalog, req: RankRequest, likes: ResolvedPreferences, browsing: boolean): (list: number[], i: number) => boolean {
  const cap = Math.max(1, Math.floor(req.limit / 2));
  const capCategories = req.placement === 'cart' || (req.placement === 'home' && !browsing);
  return (list, i) => {
    const c = cat.category[i]!;
    const b = cat.brand[i]!;
    const full =
      (capCategories && c >= 0 && list.filter((j) => cat.category[j] === c).length >= cap) || (b >= 0 && list.filter((j) => cat.brand[j] === b).length >= cap);
    return !full || matchesAny(cat, likes, i);
  };
}

/** Takes the pool in order within the caps; relaxes them only if the list would be short. */
function diversify(pool: number[], limit: number, fits: (list: number[], i: number) => boolean): number[] {
  const chosen: number[] = [];
  const skipped: number[] = [];
  for (const i of pool) {
    if (chosen.length === limit) break;
    (fits(chosen, i) ? chosen : skipped).push(i);
  }
  for (const i of skipped) if (chosen.length < limit) chosen.push(i);
  return chosen;
}

