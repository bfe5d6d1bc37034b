/**
 * The replay protocol: for a session [i1..in], each prefix i1..ik (k = 1..n−1) is one case
 * whose target is i(k+1). Clicks are fed as `view_item` events 60 s apart.
 */
import type { StoredEvent } from '@curio/core';
import type { Ranker } from '@curio/core/internal';

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

/** Options of {@link replayCase}. */
export interface ReplayOptions {
  /** Number of picks requested. Default 20. */
  limit?: number;
  /** Hide the prefix's items (request `exclude`). */
  hideSeen?: boolean;
}

/**
 * Asks the ranker for picks after the prefix of one session, as a visitor would get them on the
 * home placement right after the last click.
 * @param ranker the shipped ranker
 * @param session the session's item ids, in click order
 * @param prefix number of clicks seen
 * @returns recommended item ids, best first
 */
export function replayCase(ranker: Ranker, session: readonly string[], prefix: number, options: ReplayOptions = {}): string[] {
  const events: StoredEvent[] = [];
  for (let k = 0; k < prefix; k++) {
    events.push({ id: String(k), at: REPLAY_START + k * CLICK_INTERVAL_MS, type: 'view_item', item: session[k]! });
  }
  const now = REPLAY_START + (prefix - 1) * CLICK_INTERVAL_MS;
  const request = {
    placement: 'home' as const,
    limit: options.limit ?? 20,
    ...(options.hideSeen ? { exclude: [...new Set(session.slice(0, prefix))] } : {}),
  };
  return ranker.rank({ events }, request, now, { reasons: false }).map((pick) => pick.item);
}
