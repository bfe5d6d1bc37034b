/** Pure functions on {@link StoredState}: validation and migration, retention, compaction, merging. */
import { badField, isRecord, oneOf, type FieldChecks } from '../errors.js';
import { eventItems, toStoredEvent } from '../events.js';
import type { EventType, Landing, Preference, StoredEvent } from '../types.js';
import { SCHEMA_VERSION, type Mutation, type StoredState } from './types.js';

const DAY_MS = 864e5;

/** Weight of one event per item when folded into aggregates; its keys are all the event types. */
const WEIGHTS: Record<EventType, number> = { view_item: 1, pick_click: 1, add_to_cart: 3, purchase: 4, remove_from_cart: -3, search: 0, pick_dismiss: 0 };

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === 'string';

/** A state with nothing in it. */
export function emptyState(): StoredState {
  return { schema: SCHEMA_VERSION, events: [], aggregates: { items: {}, counts: {} }, preferences: [], dismissed: [] };
}

/**
 * Turns a stored record (any value, possibly from an older schema or corrupt) into a valid state.
 * Schema 0 (`{ events }`, no `schema` field) is migrated; invalid entries are dropped one by one;
 * a value that is not an object becomes an empty state. `problem` says what was dropped.
 */
export function normalizeState(raw: unknown, now: number, retentionDays: number): { state: StoredState; problem?: string } {
  if (raw === undefined) return { state: emptyState() };
  if (!isRecord(raw)) return { state: emptyState(), problem: 'stored data unusable, reset' };
  let dropped = 0;
  // Keeps the valid elements of a stored array, counting the rest.
  const keep = <T>(list: unknown, valid: (v: unknown) => T | undefined): T[] => {
    const out: T[] = [];
    if (list !== undefined && !Array.isArray(list)) dropped++;
    for (const v of Array.isArray(list) ? list : []) {
      const t = valid(v);
      t === undefined ? dropped++ : out.push(t);
    }
    return out;
  };
  // Aggregates are objects: their entries are checked like array elements, `valid` giving the value to keep.
  const agg = isRecord(raw.aggregates) ? raw.aggregates : {};
  const entries = <T>(v: unknown, valid: (value: any, key: string) => T | undefined): Record<string, T> =>
    Object.fromEntries(
      keep(Object.entries(isRecord(v) ? v : {}), (kv): [string, T] | undefined => {
        const [k, w] = kv as [string, unknown];
        const t = valid(w, k);
        return t === undefined ? undefined : [k, t];
      }),
    );
  const state: StoredState = {
    schema: SCHEMA_VERSION,
    events: mergeEvents(
      [],
      keep(raw.events, (e) => {
        const ev = isRecord(e) && str(e.id) && isNum(e.at) && toStoredEvent(e, e.id, e.at);
        return isRecord(ev) ? (ev as StoredEvent) : undefined;
      }),
    ),
    aggregates: {
      items: entries(agg.items, (w) => (Array.isArray(w) && w.length === 2 && isNum(w[0]) && isNum(w[1]) ? [w[0], w[1]] : undefined)),
      counts: entries(agg.counts, (n, type) => (WEIGHTS.hasOwnProperty(type) && isNum(n) && n >= 0 ? n : undefined)),
    },
    preferences: keep(raw.preferences, toPreference),
    dismissed: [...new Set(keep(raw.dismissed, (d) => (str(d) ? d : undefined)))],
    ...(toLanding(raw.landing) && { landing: toLanding(raw.landing) }),
    // Validated by the measurement chunk that reads it; kept as stored.
    ...(isRecord(raw.measurement) && { measurement: raw.measurement }),
  };
  const schema = raw.schema ?? 0;
  const problem = schema !== 0 && schema !== SCHEMA_VERSION ? `unknown schema ${isNum(schema) ? schema : '?'}` : dropped ? `dropped ${dropped} invalid stored entries` : undefined;
  return { state: applyRetention(state, now, retentionDays), ...(problem && { problem }) };
}

/** A valid stored landing, copied without other fields (or undefined). */
const toLanding = (l: unknown): Landing | undefined =>
  isRecord(l) && isNum(l.at) && str(l.source) && isRecord(l.utm) && Object.values(l.utm).every(str)
    ? { at: l.at, source: l.source as Landing['source'], utm: { ...(l.utm as Record<string, string>) } }
    : undefined;

const pairOf = (type: string) => (v: unknown) => Array.isArray(v) && v.length == 2 && v.every((x) => typeof x == type);

/** What a preference must be, stored or given to setPreference(); all three fields are required. */
export const PREFERENCE: FieldChecks = {
  kind: oneOf(['brand', 'category', 'attribute', 'price', 'collection'] satisfies Preference['kind'][]),
  value: [
    (v, { kind }) => (kind == 'attribute' ? pairOf('string')(v) : kind == 'price' ? pairOf('number')(v) && 0 <= v[0] && v[0] <= v[1] : typeof v == 'string' && v),
    'a non-empty string (brand, category, collection id), [name, value] (attribute) or [min, max] with 0 ≤ min ≤ max (price)',
  ],
  like: [(v) => typeof v == 'boolean', 'true or false'],
};

/** A valid stored preference, copied without other fields (or undefined). */
const toPreference = (p: unknown): Preference | undefined => {
  if (isRecord(p) && !badField(p, PREFERENCE, 3)) {
    const { kind, value, like } = p as unknown as Preference;
    return { kind, value: Array.isArray(value) ? [value[0], value[1]] : value, like } as Preference;
  }
};

/**
 * Drops events and aggregated items last seen before `now - retentionDays`.
 * Only old entries are dropped, so events dated in the future (a clock set back) are kept.
 */
export function applyRetention(state: StoredState, now: number, retentionDays: number): StoredState {
  const cutoff = now - retentionDays * DAY_MS;
  // `!(x < cutoff)` keeps everything when the cutoff is NaN rather than deleting it all.
  return {
    ...state,
    events: state.events.filter((e) => !(e.at < cutoff)),
    aggregates: { ...state.aggregates, items: Object.fromEntries(Object.entries(state.aggregates.items).filter(([, w]) => !(w[1] < cutoff))) },
  };
}

/** Folds the oldest events beyond `maxEvents` into `aggregates`, so storage stays bounded. */
export function compact(state: StoredState, maxEvents = 2000): StoredState {
  const over = state.events.length - maxEvents;
  if (over <= 0) return state;
  // A Map, then fromEntries: item ids are page data and must not hit `__proto__` setters.
  const items = new Map(Object.entries(state.aggregates.items));
  const counts = { ...state.aggregates.counts };
  for (const e of state.events.slice(0, over)) {
    counts[e.type] = (counts[e.type] ?? 0) + 1;
    const w = WEIGHTS[e.type];
    if (w) for (const id of eventItems(e)) {
      const [sum, last] = items.get(id) ?? [0, e.at];
      items.set(id, [Math.max(0, sum + w), Math.max(last, e.at)]);
    }
  }
  return { ...state, events: state.events.slice(over), aggregates: { items: Object.fromEntries(items), counts } };
}

const byTime = (a: StoredEvent, b: StoredEvent) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Appends `incoming` to `stored`, skipping ids already present (first copy wins), sorted by time then id. */
export function mergeEvents(stored: StoredEvent[], incoming: StoredEvent[]): StoredEvent[] {
  const seen = new Set<string>();
  return [...stored, ...incoming].filter((e) => !seen.has(e.id) && !!seen.add(e.id)).sort(byTime);
}

/**
 * Applies mutations in order, then retention and compaction. A mutation that throws or returns
 * an invalid state is skipped and reported through `onSkip`, so one bug cannot wipe the data.
 */
export function applyMutations(state: StoredState, mutations: Mutation[], now: number, retentionDays: number, onSkip?: (why: string) => void): StoredState {
  for (const m of mutations) {
    try {
      const next = m(state);
      const r = normalizeState(isRecord(next) ? next : null, now, retentionDays);
      if (r.problem) throw Error(r.problem);
      state = r.state;
    } catch (e) {
      onSkip?.(`mutation skipped: ${(e as Error)?.message}`);
    }
  }
  return compact(applyRetention(state, now, retentionDays));
}
