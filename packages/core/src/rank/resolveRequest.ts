/**
 * A recommend() request's product ids and category name as catalog indexes: the one reading of a
 * request shared by `createCurio().recommend()` and `createRanker()` (`@curio/core/internal`).
 */
import type { InternedCatalog } from '../catalog/intern.js';
import { findCategories, itemsOf } from '../catalog/lookup.js';
import type { RecommendRequest } from '../types.js';
import type { RankRequest } from './ranker.js';

/** The parts of a {@link RankRequest} read from a request's ids: its item, items, categories and exclusions. */
export type ResolvedRequest = Pick<RankRequest, 'item' | 'items' | 'categories' | 'exclude'>;

/** Resolves a request's category name to its category indexes (empty set if unknown). */
export function requestCategories(cat: InternedCatalog, name: string | undefined): Set<number> | undefined {
  return name === undefined ? undefined : new Set(findCategories(cat, name));
}

/**
 * Resolves a request's ids against the catalog: `item` to its index (undefined if unknown),
 * `items` and `exclude` to the indexes of the ids the catalog knows (product ids or aliases),
 * `category` to its category indexes. `items` is left out when the request has none.
 */
export function resolveRequest(cat: InternedCatalog, request: Pick<RecommendRequest, 'item' | 'items' | 'exclude' | 'category'>): ResolvedRequest {
  return {
    item: request.item === undefined ? undefined : cat.index.get(request.item),
    ...(request.items && { items: itemsOf(cat, request.items) }),
    categories: requestCategories(cat, request.category),
    exclude: new Set(itemsOf(cat, request.exclude)),
  };
}
