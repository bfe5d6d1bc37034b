/**
 * `@curio/core/internal` — the shipped ranking without storage or network, for the catalog
 * builder's tuning, the offline evaluation and benchmarks. Not a stable public API.
 * @packageDocumentation
 */
import { internCatalog, type InternedCatalog } from './catalog/intern.js';
import { validateCatalog, validateCatalogHeader } from './catalog/validate.js';
import type { CatalogFile } from './catalog/format.js';
import { resolveWeights, type RankingWeights } from './catalog/weights.js';
import { explainRanked } from './explain/explain.js';
import { addReasonTexts } from './explain/messages.js';
import { reasons as de } from './explain/texts-de.js';
import { reasons as fr } from './explain/texts-fr.js';
import { buildProfile } from './profile/profile.js';
import { createScratch, rank, type Ranking, type Scratch } from './rank/ranker.js';
import { resolveRequest } from './rank/resolveRequest.js';
import type { Locale, Pick, Preference, RecommendRequest, StoredEvent } from './types.js';

export { encodeShard, decodeShard, quantizeWeight, dequantizeWeight, shardOf, type ShardRowInput, type DecodedNeighbors } from './catalog/rowCodec.js';
export { validateCatalog } from './catalog/validate.js';
export { isSafeUrl } from './validation.js';
export { checkCollections, checkRules } from './merchant/validate.js';
export { encodeFeatures, decodeFeatures, type FeatureColumns, type FeatureNames } from './catalog/featureCodec.js';
export { DEFAULT_WEIGHTS, DEFAULT_LIST_WEIGHT, placementWeights, resolveWeights } from './catalog/weights.js';
export { contributions } from './explain/explain.js';
export { buildProfile, historyWeight } from './profile/profile.js';
export { placementScope, type Scope, type ScopeRequest } from './rank/placementScope.js';
export { openLists, type Ranking, type RankedItem, type Scratch } from './rank/ranker.js';
export { itemTerms, neighborFactor, type TermKind } from './rank/terms.js';
export type { Evidence, Profile } from './profile/profile.js';
export { resolvePreferences } from './rank/preferences.js';
export { privateReport, keepProbability, revenueBand, MEASURES, MEASURE_SHARE, DEFAULT_EPSILON, DEFAULT_REVENUE_BANDS, type DayCounts, type Measure, type PrivateReport } from './measure/privateReport.js';
export type { InternedCatalog } from './catalog/intern.js';
export type { CatalogFile, CatalogProduct, NeighborKind, NeighborList, NeighborShards } from './catalog/format.js';
export type { Collection, Rule } from './types.js';
export type { ListWeight, RankingWeights } from './catalog/weights.js';

/** What the ranker knows about a visitor. */
export interface RankerVisitor {
  events: StoredEvent[];
  preferences?: Preference[];
  dismissed?: string[];
}

/** The same ranking `createCurio().recommend()` runs, synchronous and storage-free. */
export interface Ranker {
  readonly catalog: InternedCatalog;
  /** Picks for a visitor at time `now`, with their reasons. */
  rank(visitor: RankerVisitor, request: RecommendRequest, now: number): Pick[];
  /** The ids of the same picks, in order, without explaining them (the evaluation's and the tuning's speed). */
  rankItems(visitor: RankerVisitor, request: RecommendRequest, now: number): string[];
  /**
   * The ranked list with the scope it was ranked in (the placement's weights, the profile, the
   * likes). Afterwards {@link Ranker.scratch} holds every candidate's score (−Infinity: filtered
   * out) and the variant shown for each group: the tuning's fast path checks its scores against them.
   */
  ranking(visitor: RankerVisitor, request: RecommendRequest, now: number): Ranking;
  /** The buffers the rankers of one catalog share (see {@link Ranker.ranking}). */
  readonly scratch: Scratch;
  /**
   * The same ranker with other weights, as `createRanker({ ...file, weights })` would build it,
   * without validating and interning the catalog again (the tuning tries many weights).
   */
  withWeights(weights: Partial<RankingWeights>): Ranker;
}

/** Builds a ranker over a catalog whose neighbour rows are inline. */
export function createRanker(file: CatalogFile, options: { locale?: Locale } = {}): Ranker {
  addReasonTexts('fr', fr); // synchronous: every language at hand, no lazy chunk to wait for
  addReasonTexts('de', de);
  const catalog = internCatalog(validateCatalog(file));
  return rankerOf(catalog, createScratch(catalog), options.locale ?? 'en');
}

/** A ranker over an interned catalog; rankers of one catalog share its scratch buffers (all synchronous). */
function rankerOf(catalog: InternedCatalog, scratch: Scratch, locale: Locale): Ranker {
  const ranking = (visitor: RankerVisitor, request: RecommendRequest, now: number): Ranking => {
    const profile = buildProfile(catalog, { events: visitor.events, aggregates: { items: {}, counts: {} }, preferences: visitor.preferences ?? [], dismissed: visitor.dismissed ?? [] }, now);
    const req = { placement: request.placement, ...resolveRequest(catalog, request), limit: request.limit ?? 8 };
    return rank(catalog, profile, req, scratch);
  };
  return {
    catalog,
    scratch,
    ranking,
    rank: (visitor, request, now) => explainRanked(ranking(visitor, request, now), locale),
    rankItems: (visitor, request, now) => ranking(visitor, request, now).items.map(({ item }) => catalog.products[item]!.id),
    withWeights: (weights) => {
      validateCatalogHeader({ version: 1, products: [], weights }); // the weights' own checks, same errors
      return rankerOf({ ...catalog, weights: resolveWeights(weights) }, scratch, locale);
    },
  };
}
