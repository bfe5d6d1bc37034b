import { describe, expect, test } from 'vitest';
import { applyMutations, applyRetention, compact, emptyState, mergeEvents, normalizeState } from '../src/store/state.js';
import { SCHEMA_VERSION, type StoredState } from '../src/store/types.js';
import type { EventType, StoredEvent } from '../src/types.js';

const DAY = 864e5;
const NOW = 1_700_000_000_000;
const ev = (id: string, at: number, type: EventType = 'view_item', item = 'a'): StoredEvent =>
  type === 'purchase' ? { id, at, type, items: [item] } : type === 'search' ? { id, at, type, query: item } : { id, at, type, item };
const withEvents = (events: StoredEvent[]): StoredState => ({ ...emptyState(), events });

describe('normalizeState', () => {
  test('no record gives an empty state without a problem', () => {
    expect(normalizeState(undefined, NOW, 180)).toEqual({ state: emptyState() });
  });

  test.each([null, 'garbage', 42, [1, 2]])('unusable record %j is reset with a problem', (raw) => {
    const r = normalizeState(raw, NOW, 180);
    expect(r.state).toEqual(emptyState());
    expect(r.problem).toMatch(/unusable/);
  });

  test('a valid state passes unchanged', () => {
    const state: StoredState = {
      schema: SCHEMA_VERSION,
      events: [ev('1', NOW - 2, 'search', 'boots'), ev('2', NOW - 1, 'purchase', 'x')],
      aggregates: { items: { x: [3, NOW - 5] }, counts: { view_item: 2 } },
      preferences: [{ kind: 'attribute', value: ['size', 'M'], like: true }, { kind: 'brand', value: 'Acme', like: false }, { kind: 'price', value: [20, 80], like: true }],
      dismissed: ['y'],
      dismissedAt: { y: NOW - 3 },
    };
    expect(normalizeState(structuredClone(state), NOW, 180)).toEqual({ state });
  });

  test('drops malformed entries one by one and says so', () => {
    const raw = {
      schema: 1,
      events: [ev('ok', NOW), { id: 'badtype', at: NOW, type: 'nope', item: 'a' }, { id: 'nan', at: NaN, type: 'view_item', item: 'a' },
        { id: 'noitem', at: NOW, type: 'add_to_cart' }, { at: NOW, type: 'view_item', item: 'a' }, 'str', null],
      aggregates: { items: { a: [1, NOW], b: 'x', c: [1] }, counts: { view_item: 3, bogus: 1, search: -1, toString: 1 } },
      preferences: [{ kind: 'brand', value: 'A', like: true }, { kind: 'attribute', value: 'x', like: true }, {}],
      dismissed: ['d', 3],
      junk: true,
    };
    const r = normalizeState(raw, NOW, 180);
    expect(r.state.events.map((e) => e.id)).toEqual(['ok']);
    expect(r.state.aggregates).toEqual({ items: { a: [1, NOW] }, counts: { view_item: 3 } });
    expect(r.state.preferences).toEqual([{ kind: 'brand', value: 'A', like: true }]);
    expect(r.state.dismissed).toEqual(['d']);
    expect(r.problem).toBe('dropped 14 invalid stored entries');
    expect(r.state).not.toHaveProperty('junk');
  });

  test('migrates a schema 0 record ({ events } without schema)', () => {
    for (const raw of [{ events: [ev('b', NOW - 1), ev('a', NOW - 2)] }, { schema: 0, events: [ev('b', NOW - 1), ev('a', NOW - 2)] }]) {
      const r = normalizeState(raw, NOW, 180);
      expect(r.problem).toBeUndefined();
      expect(r.state).toEqual({ ...emptyState(), events: [ev('a', NOW - 2), ev('b', NOW - 1)] });
    }
  });

  test('reports an unknown schema but keeps what is valid', () => {
    const r = normalizeState({ schema: 99, events: [ev('a', NOW)] }, NOW, 180);
    expect(r.problem).toMatch(/schema 99/);
    expect(r.state.events).toHaveLength(1);
  });

  test('applies retention', () => {
    expect(normalizeState({ schema: 1, events: [ev('old', NOW - 181 * DAY), ev('new', NOW)] }, NOW, 180).state.events.map((e) => e.id)).toEqual(['new']);
  });
});

describe('applyRetention', () => {
  test('drops events and aggregates older than the window, keeps future ones', () => {
    const state: StoredState = {
      ...withEvents([ev('old', NOW - 31 * DAY), ev('edge', NOW - 30 * DAY), ev('future', NOW + 5 * DAY)]),
      aggregates: { items: { old: [2, NOW - 40 * DAY], fresh: [1, NOW - DAY] }, counts: { view_item: 9 } },
    };
    const r = applyRetention(state, NOW, 30);
    expect(r.events.map((e) => e.id)).toEqual(['edge', 'future']);
    expect(r.aggregates).toEqual({ items: { fresh: [1, NOW - DAY] }, counts: { view_item: 9 } });
    expect(state.events).toHaveLength(3); // immutable
  });

  test('a clock set back deletes nothing fresh', () => {
    const state = withEvents([ev('a', NOW), ev('b', NOW + 1000)]);
    expect(applyRetention(state, NOW - 365 * DAY, 30).events).toHaveLength(2);
  });

  test('a NaN retention keeps everything rather than deleting it', () => {
    expect(applyRetention(withEvents([ev('a', NOW)]), NOW, NaN).events).toHaveLength(1);
  });
});

describe('compact', () => {
  test('returns the same state under the cap', () => {
    const s = withEvents([ev('a', 1)]);
    expect(compact(s, 1)).toBe(s);
  });

  test('folds the oldest events into weighted aggregates', () => {
    const events = [
      ev('1', 1, 'view_item', 'a'), ev('2', 2, 'add_to_cart', 'a'), ev('3', 3, 'purchase', 'a'), ev('4', 4, 'pick_click', 'b'),
      ev('5', 5, 'remove_from_cart', 'b'), ev('6', 6, 'search', 'q'), ev('7', 7, 'pick_dismiss', 'c'), ev('8', 8, 'remove_from_cart', 'a'),
      ev('9', 9), ev('10', 10),
    ];
    const state = { ...withEvents(events), aggregates: { items: { a: [10, 0] as [number, number] }, counts: { view_item: 5 } } };
    const r = compact(state, 2);
    expect(r.events.map((e) => e.id)).toEqual(['9', '10']);
    expect(r.aggregates.items).toEqual({ a: [10 + 1 + 3 + 4 - 3, 8], b: [0, 5] });
    expect(r.aggregates.counts).toEqual({ view_item: 6, add_to_cart: 1, purchase: 1, pick_click: 1, remove_from_cart: 2, search: 1, pick_dismiss: 1 });
    expect(state.events).toHaveLength(10);
  });

  test('uses a cap of 2000 by default and is safe with odd item ids', () => {
    const events = Array.from({ length: 2003 }, (_, i) => ev(String(i).padStart(5, '0'), i, 'view_item', i === 0 ? '__proto__' : 'x'));
    const r = compact(withEvents(events));
    expect(r.events).toHaveLength(2000);
    expect(Object.entries(r.aggregates.items)).toEqual([['__proto__', [1, 0]], ['x', [2, 2]]]);
  });
});

describe('mergeEvents', () => {
  test('appends, dedupes by id (first copy wins) and sorts by time then id', () => {
    const stored = [ev('a', 1), ev('c', 3)];
    const r = mergeEvents(stored, [ev('b', 2), { ...ev('a', 9), item: 'dup' }, ev('0', 3), ev('b', 2)]);
    expect(r.map((e) => e.id)).toEqual(['a', 'b', '0', 'c']);
    expect(r[0]!.item).toBe('a');
    expect(stored.map((e) => e.id)).toEqual(['a', 'c']);
  });
});

describe('applyMutations', () => {
  const add = (e: StoredEvent) => (s: StoredState) => ({ ...s, events: [...s.events, e] });

  test('applies in order and skips mutations that throw or return junk', () => {
    const skipped: string[] = [];
    const r = applyMutations(
      emptyState(),
      [add(ev('b', NOW - 1)), () => { throw Error('bug'); }, () => undefined as never, () => ({ events: 'x' }) as never, add(ev('a', NOW - 2))],
      NOW,
      180,
      (m) => skipped.push(m),
    );
    expect(r.events.map((e) => e.id)).toEqual(['a', 'b']);
    expect(skipped).toEqual(['mutation skipped: bug', 'mutation skipped: stored data unusable, reset', 'mutation skipped: dropped 1 invalid stored entries']);
  });
});
