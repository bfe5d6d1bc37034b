/**
 * The unrelated visit of the `--history` and `--detour` scenarios: for a test session, a training
 * session none of whose items shares a category with any item of the test session. Chosen
 * deterministically from the session's number, so every run (and every worker split) replays the
 * same visits.
 */

/** Training sessions scanned per test session before giving up (the case then stays clean). */
const MAX_TRIES = 5000;

/**
 * Makes the finder of unrelated visits.
 * @param pool sessions to take visits from (the training sessions), as item ids
 * @param categoryOf item id → category id; items without one are never called unrelated
 * @returns for a session and its number, the items of an unrelated session, or undefined
 */
export function unrelatedVisits(pool: readonly string[][], categoryOf: ReadonlyMap<string, string>): (session: readonly string[], seed: number) => string[] | undefined {
  return (session, seed) => {
    const own = new Set<string>();
    for (const id of session) {
      const c = categoryOf.get(id);
      if (c !== undefined) own.add(c);
    }
    if (!own.size || !pool.length) return undefined;
    // A multiplicative hash spreads neighbouring test sessions over the whole pool.
    const start = Math.imul(seed + 1, 2654435761) >>> 0;
    for (let t = 0; t < Math.min(MAX_TRIES, pool.length); t++) {
      const candidate = pool[(start + t) % pool.length]!;
      if (candidate.every((id) => categoryOf.has(id) && !own.has(categoryOf.get(id)!))) return [...candidate];
    }
    return undefined;
  };
}
