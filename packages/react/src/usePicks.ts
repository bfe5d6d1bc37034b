/** usePicks(): ranked picks for a placement, for apps that render their own cards. */
import type { Pick, RecommendRequest } from '@curio/core';
import { useBinding } from './context.js';
import { useCurioValue } from './useCurioValue.js';

/** What {@link usePicks} returns. */
export interface PicksResult {
  /** The picks, best first (empty while loading). */
  picks: Pick[];
  status: 'loading' | 'ready' | 'error';
  /** Why ranking failed: a CurioError for an invalid request, or the catalog that could not load. */
  error?: unknown;
}

/**
 * Picks for `request` (as `curio.recommend()` takes it), re-ranked whenever the visitor's data
 * changes. `loading` with no picks on the server and in the first client render, so hydration
 * matches; the request is compared by value, so an inline object literal is fine.
 */
export function usePicks(request: RecommendRequest): PicksResult {
  const { curio } = useBinding('usePicks()');
  const { status, value, error } = useCurioValue(curio, JSON.stringify(request), (c) => c.recommend(request));
  return { picks: value ?? [], status, error };
}
