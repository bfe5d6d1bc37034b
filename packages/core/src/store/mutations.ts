/** Pure state changes behind tracking and preferences; each is re-applied to the freshest stored copy (forgetting an interest: profile/center.ts). */
import { mergeEvents } from './state.js';
import type { Mutation } from './types.js';
import type { Preference, PreferenceUpdate, StoredEvent } from '../types.js';

const sameTarget = (a: Preference, b: Preference): boolean => a.kind === b.kind && String(a.value) === String(b.value);

/** Appends events (deduplicated by id); dismissals also go to the dismissed list. */
export const appendEvents =
  (events: StoredEvent[]): Mutation =>
  (s) => {
    const dismissals = events.filter((e) => e.type === 'pick_dismiss');
    if (!dismissals.length) return { ...s, events: mergeEvents(s.events, events) };
    // A Map, then fromEntries: item ids are page data and must not hit `__proto__` setters.
    const dismissedAt = new Map(Object.entries(s.dismissedAt ?? {}));
    for (const e of dismissals) dismissedAt.set(e.item!, Math.max(dismissedAt.get(e.item!) ?? e.at, e.at));
    return { ...s, events: mergeEvents(s.events, events), dismissed: [...new Set([...s.dismissed, ...dismissals.map((e) => e.item!)])], dismissedAt: Object.fromEntries(dismissedAt) };
  };

/** Sets (or removes) one explicit preference; a new statement about the same target replaces the old one. */
export const updatePreference =
  (update: PreferenceUpdate): Mutation =>
  (s) => {
    const pref: Preference = { kind: update.kind, value: update.value, like: update.like };
    const rest = s.preferences.filter((p) => !sameTarget(p, pref));
    return { ...s, preferences: update.remove ? rest : [...rest, pref] };
  };
