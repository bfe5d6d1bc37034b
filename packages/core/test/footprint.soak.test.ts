/**
 * Bounded footprint: a simulated year of heavy browsing (50,000 events on a 10,000-product shop,
 * flushed week by week) keeps the stored record under 1 MB, and what the ranking reads stays
 * bounded, so `recommend()` does not slow down with age (it reads at most 2,000 events and one aggregate per item).
 */
import { serialize } from 'node:v8';
import { expect, test } from 'vitest';
import { createCurio, type CatalogFile, type TrackEvent } from '../src/index.js';
import { readRecord, testClock } from './helpers.js';

const DAY = 864e5;
const WEEK = 7 * DAY;
const EVENTS = 50_000;
const PRODUCTS = 10_000;
/** Deterministic pseudo-random numbers (no flaky sizes). */
const random = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

/** A shop of 10,000 products in 50 categories and 200 brands. */
const bigCatalog: CatalogFile = {
  version: 1,
  currency: 'EUR',
  products: Array.from({ length: PRODUCTS }, (_, i) => ({ id: `sku-${i}`, title: `Product ${i}`, url: `/p/${i}`, price: 5 + (i % 300), categories: [`Dept ${i % 10}`, `Cat ${i % 50}`], brand: `Brand ${i % 200}` })),
};

/** A year of heavy browsing: 137 events a day, mostly views, with carts, purchases and searches. */
function* heavyYear(seed = 1): Generator<{ at: number; event: TrackEvent }> {
  const next = random(seed);
  for (let n = 0; n < EVENTS; n++) {
    const item = `sku-${Math.floor(next() * PRODUCTS)}`;
    const r = next();
    const event: TrackEvent = r < 0.8 ? { type: 'view_item', item } : r < 0.9 ? { type: 'add_to_cart', item } : r < 0.93 ? { type: 'purchase', items: [item] } : { type: 'search', query: `query ${Math.floor(next() * 1000)}` };
    yield { at: (n * 365 * DAY) / EVENTS, event };
  }
}

test('a year of 50,000 events stays under 1 MB stored, with bounded events and aggregates', async () => {
  const clock = testClock(Date.UTC(2025, 0, 1));
  const start = clock.t;
  const curio = createCurio({ catalog: bigCatalog, now: clock.now, storeName: 'footprint', locale: 'en' });
  await curio.ready;
  for (const { at, event } of heavyYear()) {
    // A flush a week (a preference statement flushes at once; repeating it changes nothing).
    if (Math.floor(at / WEEK) !== Math.floor((clock.t - start) / WEEK)) await curio.setPreference({ kind: 'brand', value: 'Brand 1', like: true });
    clock.t = start + at;
    curio.track(event);
  }
  await curio.setPreference({ kind: 'brand', value: 'Brand 1', like: true });
  const record = await readRecord('footprint');
  const bytes = serialize(record).length;
  console.log(`stored after ${EVENTS} events over a year: ${bytes} bytes (structured clone), ${JSON.stringify(record).length} bytes JSON, ${record.events.length} events, ${Object.keys(record.aggregates.items).length} aggregated items`);
  expect(bytes).toBeLessThanOrEqual(1 << 20);
  expect(record.events.length).toBeLessThanOrEqual(2000);
  // Aggregates keep only items seen within the retention window (180 days), at most one entry per item.
  expect(Object.keys(record.aggregates.items).length).toBeLessThanOrEqual(PRODUCTS);
  const counts = (await curio.profile()).eventCounts;
  expect(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(EVENTS);
  expect((await curio.recommend({ placement: 'home', limit: 8 })).length).toBe(8);
});
