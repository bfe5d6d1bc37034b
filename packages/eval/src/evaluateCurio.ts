import { createRanker, type CatalogFile } from '@curio/core/internal';
import { rankOf, replayCase, type ReplayPlacement } from '@curio/catalog-cli';
import { performance } from 'node:perf_hooks';
import { replayMetrics, type ReplayMetrics } from './replayMetrics.js';

/**
 * What comes before each replayed session: nothing (`clean`), an unrelated visit a week earlier
 * (`history`), or the same unrelated browsing minutes earlier in the same session (`detour`).
 */
export type Scenario = 'clean' | 'history' | 'detour';

/** Scenarios in report order. */
export const SCENARIOS: readonly Scenario[] = ['clean', 'history', 'detour'];

/** What replaying sessions through the shipped ranker measured. */
export interface CurioReplay {
  /** Per scenario run; `hideSeen` is measured in the clean scenario only. */
  metrics: Partial<Record<Scenario, ReplayMetrics>>;
  /** Cases that had an unrelated visit to put before them (the others replay clean in every scenario). */
  casesWithVisit: number;
  /** Distinct items that appeared in some top-20 (catalog coverage, clean scenario). */
  recommended: Set<string>;
  /** Time spent inside the ranker for the clean all-items variant, ms. */
  rankMs: number;
}

/** Options of {@link evaluateCurio}. */
export interface CurioReplayOptions {
  placement: ReplayPlacement;
  scenarios: readonly Scenario[];
  /** The unrelated visit of test session `s` (needed for `history` and `detour`). */
  unrelated?: (s: number) => readonly string[] | undefined;
}

/**
 * Replays every case of `sessions` through the shipped ranker (`createRanker` from
 * `@curio/core/internal`), 20 picks on the given placement: in each scenario as is, and in the
 * clean scenario once more hiding the prefix's items.
 * @param catalog the built catalog (inline rows)
 * @param sessions test sessions as item ids
 * @param onCase called after each case (progress)
 */
export function evaluateCurio(catalog: CatalogFile, sessions: readonly string[][], onCase: () => void, options: CurioReplayOptions = { placement: 'home', scenarios: ['clean'] }): CurioReplay {
  const ranker = createRanker(catalog);
  const { placement, scenarios, unrelated } = options;
  const metrics: Partial<Record<Scenario, ReplayMetrics>> = {};
  for (const s of scenarios) metrics[s] = replayMetrics();
  const recommended = new Set<string>();
  let rankMs = 0;
  let casesWithVisit = 0;
  sessions.forEach((session, s) => {
    const visit = scenarios.some((x) => x !== 'clean') ? unrelated?.(s) : undefined;
    for (let k = 1; k < session.length; k++) {
      const target = session[k]!;
      const isNew = !session.slice(0, k).includes(target);
      if (visit) casesWithVisit++;
      for (const scenario of scenarios) {
        const m = metrics[scenario]!;
        const before = !visit ? {} : scenario === 'history' ? { earlierVisit: visit } : scenario === 'detour' ? { detour: visit } : {};
        const started = performance.now();
        const picks = replayCase(ranker, session, k, { placement, ...before });
        if (scenario === 'clean') {
          rankMs += performance.now() - started;
          for (const item of picks) recommended.add(item);
          m.hideSeen.add(rankOf(replayCase(ranker, session, k, { placement, hideSeen: true }), target), isNew);
        }
        m.all.add(rankOf(picks, target), isNew);
      }
      onCase();
    }
  });
  return { metrics, casesWithVisit, recommended, rankMs };
}
