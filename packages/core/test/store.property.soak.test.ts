import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createIndexedDBStore } from '../src/store/idbStore.js';
import { writeRecord } from './helpers.js';
import { createMemoryStore } from '../src/store/memoryStore.js';
import { mergeEvents, normalizeState } from '../src/store/state.js';
import type { Mutation, StoredState } from '../src/store/types.js';
import type { StoredEvent } from '../src/types.js';

const NOW = 1_700_000_000_000;
const DAY = 864e5;
const TYPES = ['view_item', 'add_to_cart', 'remove_from_cart', 'purchase', 'search', 'pick_click', 'pick_dismiss'];
const isStr = (v: unknown) => typeof v === 'string';
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** An independent structural check of a StoredState. */
function isValidState(s: StoredState): boolean {
  const events = s.events.every((e, i) => {
    const prev = s.events[i - 1];
    const payload = e.type === 'purchase' ? Array.isArray(e.items) && e.items.length > 0 && e.items.every(isStr)
      : e.type === 'search' ? isStr(e.query) : isStr(e.item) && e.item !== '';
    return isStr(e.id) && isNum(e.at) && TYPES.includes(e.type) && payload && (!prev || prev.at < e.at || (prev.at === e.at && prev.id < e.id));
  });
  const { items, counts } = s.aggregates;
  return (
    s.schema === 1 &&
    events &&
    Object.values(items).every((w) => Array.isArray(w) && w.length === 2 && w.every(isNum)) &&
    Object.entries(counts).every(([t, n]) => TYPES.includes(t) && isNum(n) && n! >= 0) &&
    s.preferences.every((p) => typeof p.like === 'boolean' &&
      (p.kind === 'attribute' ? Array.isArray(p.value) && p.value.length === 2 && p.value.every(isStr) : ['brand', 'category'].includes(p.kind) && isStr(p.value))) &&
    s.dismissed.every(isStr)
  );
}

// Mostly well-formed events (so compaction and retention are exercised), sometimes junk.
const eventArb: fc.Arbitrary<StoredEvent> = fc.oneof(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    at: fc.integer({ min: NOW - 400 * DAY, max: NOW + DAY }),
    type: fc.constantFrom(...TYPES),
    item: fc.constantFrom('a', 'b', '__proto__', 'constructor'),
    items: fc.constant(['a', 'c']),
    query: fc.constant('q'),
  }) as fc.Arbitrary<StoredEvent>,
  fc.anything() as fc.Arbitrary<StoredEvent>,
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.array(eventArb, { maxLength: 30 }).map((evs): Mutation => (s) => ({ ...s, events: mergeEvents(s.events, evs) })),
  fc.array(eventArb, { minLength: 1500, maxLength: 2500 }).map((evs): Mutation => (s) => ({ ...s, events: [...s.events, ...evs] })),
  fc.string().map((d): Mutation => (s) => ({ ...s, dismissed: [...s.dismissed, d] })),
  fc.boolean().map((like): Mutation => (s) => ({ ...s, preferences: [...s.preferences, { kind: 'attribute', value: ['size', 'M'], like }] })),
  fc.constantFrom('a', 'b').map((item): Mutation => (s) => ({ ...s, events: s.events.filter((e) => e.item !== item) })),
  fc.anything().map((junk): Mutation => () => junk as StoredState),
  fc.constant<Mutation>(() => {
    throw new Error('bug');
  }),
);

describe('store robustness (property-based)', () => {
  test('normalizeState never throws on junk and always yields a valid, stable state', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ schema: fc.constantFrom(0, 1, undefined), events: fc.array(eventArb) }, { requiredKeys: [] })), (raw) => {
        const { state } = normalizeState(raw, NOW, 180);
        expect(isValidState(state)).toBe(true);
        expect(normalizeState(structuredClone(state), NOW, 180)).toEqual({ state });
      }),
      { numRuns: 2000 },
    );
  });

  test('arbitrary mutation sequences keep the memory store valid and bounded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(mutationArb, { maxLength: 4 }), { maxLength: 6 }), async (batches) => {
        const store = createMemoryStore({ retentionDays: 180, now: () => NOW });
        for (const batch of batches) {
          const s = await store.commit(batch);
          expect(isValidState(s)).toBe(true);
          expect(s.events.length).toBeLessThanOrEqual(2000);
        }
      }),
      { numRuns: 150 },
    );
  });

  let n = 0;
  test('the IndexedDB store stays valid from any stored junk through any mutations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.array(fc.array(mutationArb, { maxLength: 3 }), { maxLength: 3 }), async (junk, batches) => {
        const name = `p${++n}`;
        await writeRecord(name, junk);
        const store = createIndexedDBStore({ name, retentionDays: 180, now: () => NOW, warn: () => {} });
        expect(isValidState(await store.load())).toBe(true);
        for (const batch of batches) expect(isValidState(await store.commit(batch))).toBe(true);
        expect(store.mode).toBe('indexeddb');
        await store.destroy();
        store.close();
      }),
      { numRuns: 40 },
    );
  });
});
