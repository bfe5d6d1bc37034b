/**
 * Everything a state in memory holds, as changes to another copy: the session kept in memory
 * (consent pending) written into the stored record once consent is granted, or merged with the
 * stored record for the visitor's export.
 */
import { appendEvents, updatePreference } from './mutations.js';
import type { Mutation, StoredState } from './types.js';

/** Mutations adding `held`'s events, preferences, dismissals, kept catalog data and holdout draw to a state. */
export function carryOver(held: StoredState): Mutation[] {
  const { events, preferences, dismissed, dismissedAt, kept, measurement } = held;
  return [
    appendEvents(events),
    ...preferences.map((p) => updatePreference(p)),
    (s) => ({
      ...s,
      dismissed: [...new Set([...s.dismissed, ...dismissed])],
      dismissedAt: Object.fromEntries([...Object.entries(s.dismissedAt ?? {}), ...Object.entries(dismissedAt ?? {})]),
      kept: Object.fromEntries([...Object.entries(s.kept ?? {}), ...Object.entries(kept ?? {})]),
      // A stored holdout draw wins over this page's, so the arm stays the one the visitor had.
      measurement: s.measurement ?? measurement,
    }),
  ];
}
