/**
 * The replay protocol: for a session [i1..in], each prefix i1..ik (k = 1..n−1) is one case
 * whose target is i(k+1). Clicks are fed as `view_item` events 60 s apart.
 */
import type { RecommendRequest, StoredEvent } from '@curio/core';
import type { InternedCatalog, Ranker } from '@curio/core/internal';

/** One case: a session and the length of its prefix. */
export interface ReplayCase {
  session: number;
  prefix: number;
}

/** Start of the replay clock (fixed, so runs are reproducible). */
const REPLAY_START = Date.UTC(2024, 0, 1);
/** Time between two replayed clicks. */
export const CLICK_INTERVAL_MS = 60_000;

/**
 * All cases of some sessions, in order.
 * @param sessions sessions of any item type
 */
export function allCases(sessions: ReadonlyArray<ArrayLike<unknown>>): ReplayCase[] {
  const cases: ReplayCase[] = [];
  sessions.forEach((session, s) => {
    for (let k = 1; k < session.length; k++) cases.push({ session: s, prefix: k });
  });
  return cases;
}

/**
 * At most `max` cases, evenly spread over the list (deterministic).
 * @param cases all cases
 * @param max how many to keep
 */
export function sampleCases(cases: ReplayCase[], max: number): ReplayCase[] {
  if (cases.length <= max) return cases;
  const step = cases.length / max;
  return Array.from({ length: max }, (_, i) => cases[Math.floor(i * step)]!);
}

/** Placements a replayed click sequence can be measured on (the cart needs cart events, which click logs lack). */
export type ReplayPlacement = 'home' | 'product' | 'category';

/** An unrelated visit comes this long before the replayed session (`earlierVisit`). */
export const EARLIER_VISIT_MS = 7 * 86_400_000;
/** Unrelated browsing in the same session ends this long before the replayed clicks (`detour`). */
export const DETOUR_GAP_MS = 5 * 60_000;

/** Options of {@link replayCase}. */
export interface ReplayOptions {
  /** Number of picks requested. Default 20. */
  limit?: number;
  /** Hide the prefix's items (request `exclude`). */
  hideSeen?: boolean;
  /**
   * Where the picks are shown. `home` (default); `product`: the page of the prefix's last click
   * (`item`); `category`: the page of the last click's category (`category`).
   */
  placement?: ReplayPlacement;
  /** Item ids of an unrelated visit a week before the session (clicks 60 s apart). */
  earlierVisit?: readonly string[];
  /** Item ids browsed minutes before the session's first click, in the same session. */
  detour?: readonly string[];
}

/** What {@link replayCase} asks the ranker: the visitor's events, the request and the time. */
export interface ReplayVisit {
  visitor: { events: StoredEvent[] };
  request: RecommendRequest;
  now: number;
}

/**
 * The visit of one case: the prefix's clicks (and the options' earlier browsing) as events, and
 * the request of the placement right after the last click.
 * @param catalog the ranker's catalog (for the last click's category)
 * @param session the session's item ids, in click order
 * @param prefix number of clicks seen
 */
export function replayVisit(catalog: InternedCatalog, session: readonly string[], prefix: number, options: ReplayOptions = {}): ReplayVisit {
  const events: StoredEvent[] = [];
  const view = (item: string, at: number): void => void events.push({ id: String(events.length), at, type: 'view_item', item });
  const { earlierVisit = [], detour = [], placement = 'home' } = options;
  earlierVisit.forEach((item, k) => view(item, REPLAY_START - EARLIER_VISIT_MS + k * CLICK_INTERVAL_MS));
  detour.forEach((item, k) => view(item, REPLAY_START - DETOUR_GAP_MS - (detour.length - 1 - k) * CLICK_INTERVAL_MS));
  for (let k = 0; k < prefix; k++) view(session[k]!, REPLAY_START + k * CLICK_INTERVAL_MS);
  const now = REPLAY_START + (prefix - 1) * CLICK_INTERVAL_MS;
  const last = session[prefix - 1]!;
  const categories = catalog.products[catalog.index.get(last) ?? -1]?.categories;
  const request: RecommendRequest = {
    placement,
    limit: options.limit ?? 20,
    ...(placement === 'product' ? { item: last } : {}),
    ...(placement === 'category' ? (categories?.length ? { category: categories.join(' > ') } : { placement: 'home' as const }) : {}),
    ...(options.hideSeen ? { exclude: [...new Set(session.slice(0, prefix))] } : {}),
  };
  return { visitor: { events }, request, now };
}

/**
 * Asks the ranker for picks after the prefix of one session, as a visitor would get them on the
 * requested placement right after the last click (the home placement unless told otherwise).
 * @param ranker the shipped ranker
 * @param session the session's item ids, in click order
 * @param prefix number of clicks seen
 * @returns recommended item ids, best first
 */
export function replayCase(ranker: Ranker, session: readonly string[], prefix: number, options: ReplayOptions = {}): string[] {
  const { visitor, request, now } = replayVisit(ranker.catalog, session, prefix, options);
  return ranker.rankItems(visitor, request, now);
}
