/** Pure functions on {@link StoredState}: validation and migration, retention, compaction, merging. */
import { badField, isRecord } from '../errors.js';
import { eventItems, toStoredEvent } from '../events.js';
import type { EventType, Landing, Preference, StoredEvent } from '../types.js';
import { evictKeptItems, toKeptItem } from './keptItems.js';
import { PREFERENCE } from './preferenceCheck.js';
import { SCHEMA_VERSION, type Mutation, type StoredState } from './types.js';

const DAY_MS = 864e5;
/**
 * Bounds of the record, whatever the page tracks (junk ids included): raw events beyond 2,000 or
 * ~300 KB are folded into aggregates; aggregates keep the most recent items within ~400 KB (a heavy year on a 10k shop: ~9,000 items, ~290 KB);
 * dismissals and preferences keep the most recent 500 and 200. With kept catalog data (bounded
 * by the catalog's own rows) the record stays under 1 MB (docs/reliability.md).
 */
const MAX_EVENT_BYTES = 300_000;
const MAX_AGGREGATE_BYTES = 400_000;
const MAX_DISMISSED = 500;
const MAX_PREFERENCES = 200;
/** Rough stored size of an event or an aggregate entry: its strings plus fixed overhead. */
const eventBytes = (e: StoredEvent): number => 40 + e.id.length + (e.item?.length ?? 0) + (e.query?.length ?? 0) + (e.items?.reduce((n, id) => n + id.length + 4, 0) ?? 0);

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
    preferences: keep(raw.preferences, toPreference).slice(-MAX_PREFERENCES),
    dismissed: [...new Set(keep(raw.dismissed, (d) => (str(d) ? d : undefined)))].slice(-MAX_DISMISSED),
    ...(toLanding(raw.landing) && { landing: toLanding(raw.landing) }),
    // Validated by the measurement chunk that reads it; kept as stored.
    ...(isRecord(raw.measurement) && { measurement: raw.measurement }),
  };
  // When each dismissal was made (retention applies to them); one stored before times were kept counts from now.
  const times = isRecord(raw.dismissedAt) ? raw.dismissedAt : {};
  if (state.dismissed.length) state.dismissedAt = Object.fromEntries(state.dismissed.map((id) => [id, isNum(times[id]) ? times[id] : now]));
  const kept = entries(raw.kept, toKeptItem);
  if (Object.keys(kept).length) state.kept = kept;
  const schema = raw.schema ?? 0;
  const problem = schema !== 0 && schema !== SCHEMA_VERSION ? `unknown schema ${isNum(schema) ? schema : '?'}` : dropped ? `dropped ${dropped} invalid stored entries` : undefined;
  return { state: applyRetention(state, now, retentionDays), ...(problem && { problem }) };
}

/** A valid stored landing, copied without other fields (or undefined). */
const toLanding = (l: unknown): Landing | undefined =>
  isRecord(l) && isNum(l.at) && str(l.source) && isRecord(l.utm) && Object.values(l.utm).every(str)
    ? { at: l.at, source: l.source as Landing['source'], utm: { ...(l.utm as Record<string, string>) } }
    : undefined;

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
  const dismissedAt = state.dismissedAt ?? {};
  const dismissed = state.dismissed.filter((id) => !(dismissedAt[id]! < cutoff));
  const { dismissedAt: _, ...rest } = state;
  return evictKeptItems({
    ...rest,
    events: state.events.filter((e) => !(e.at < cutoff)),
    aggregates: { ...state.aggregates, items: Object.fromEntries(Object.entries(state.aggregates.items).filter(([, w]) => !(w[1] < cutoff))) },
    dismissed,
    ...(dismissed.length && { dismissedAt: Object.fromEntries(dismissed.map((id) => [id, dismissedAt[id]!])) }),
  });
}

/**
 * Folds the oldest events beyond `maxEvents` (or beyond ~300 KB) into `aggregates`, and keeps
 * the most recent aggregated items within ~400 KB, so storage stays bounded.
 */
export function compact(state: StoredState, maxEvents = 2000): StoredState {
  let over = Math.max(0, state.events.length - maxEvents);
  for (let i = state.events.length - 1, bytes = 0; i >= over; i--) {
    bytes += eventBytes(state.events[i]!);
    if (bytes > MAX_EVENT_BYTES) over = i + 1;
  }
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
  return { ...state, events: state.events.slice(over), aggregates: { items: Object.fromEntries(boundedAggregates(items)), counts } };
}

/** The most recently seen aggregated items within ~400 KB (all of them, usually: ~30 bytes an item). */
function boundedAggregates(items: Map<string, [number, number]>): Iterable<[string, [number, number]]> {
  let bytes = 0;
  for (const id of items.keys()) bytes += id.length + 24;
  if (bytes <= MAX_AGGREGATE_BYTES) return items;
  const recent = [...items].sort((a, b) => b[1][1] - a[1][1]);
  bytes = 0;
  return recent.filter(([id]) => (bytes += id.length + 24) <= MAX_AGGREGATE_BYTES);
}

const byTime = (a: StoredEvent, b: StoredEvent) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Drops aggregated items the catalog does not know (ids a page made up, products gone): they
 * cannot be ranked or shown, and would only grow the record.
 */
export const dropUnknownItems =
  (known: (id: string) => boolean): Mutation =>
  (s) => ({ ...s, aggregates: { ...s.aggregates, items: Object.fromEntries(Object.entries(s.aggregates.items).filter(([id]) => known(id))) } });

/**
 * Puts a new event into `state` in place, in time order (binary search: the clock may go
 * backwards), a dismissal into the dismissed list too: what `appendEvents` does to the stored
 * copy, at O(log n) instead of a new state per event.
 */
export function insertEvent(state: StoredState, e: StoredEvent): void {
  const events = state.events;
  let lo = 0;
  let hi = events.length;
  if (hi && byTime(events[hi - 1]!, e) > 0) {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byTime(events[mid]!, e) > 0) hi = mid;
      else lo = mid + 1;
    }
    events.splice(lo, 0, e);
  } else events.push(e);
  if (e.type !== 'pick_dismiss') return;
  const at = (state.dismissedAt ??= {});
  if (!state.dismissed.includes(e.item!)) state.dismissed.push(e.item!);
  // defineProperty: an item id is page data and must not hit the `__proto__` setter.
  Object.defineProperty(at, e.item!, { value: Math.max(at.hasOwnProperty(e.item!) ? at[e.item!]! : e.at, e.at), enumerable: true, writable: true, configurable: true });
}

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
