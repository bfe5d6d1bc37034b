/**
 * Faithfulness: a pick's score is exactly the sum of its itemised contributions, and removing
 * the evidence named by its first reason from the profile (or the catalog) lowers its score.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildProfile, contributions, createRanker, resolvePreferences } from '../src/internal.js';
import type { CatalogFile, Pick, Placement, Preference, StoredEvent } from '../src/index.js';
import { outdoorCatalog } from './helpers.js';

const NOW = Date.UTC(2026, 10, 24, 12);
const ids = outdoorCatalog.products.map((p) => p.id);
const product = (id: string) => outdoorCatalog.products.find((p) => p.id === id)!;
const band = (price: number) => Math.round(Math.log(price) / Math.log(1.5));

const eventArb = fc.record({
  type: fc.constantFrom('view_item', 'view_item', 'add_to_cart', 'pick_click', 'purchase', 'search'),
  item: fc.constantFrom(...ids),
  minutesAgo: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 60 * 24, max: 60 * 24 * 60 })),
  query: fc.constantFrom('backpacks', 'linen shirts', 'lights'),
});
const prefArb = fc.record({
  kind: fc.constantFrom('brand', 'category') as fc.Arbitrary<'brand' | 'category'>,
  value: fc.constantFrom('Lumo', 'Alpin', 'Shirts', 'Socks'),
  like: fc.constant(true),
});

function toEvents(raw: Array<{ type: string; item: string; minutesAgo: number; query: string }>): StoredEvent[] {
  return raw
    .map((r, n): StoredEvent => {
      const at = NOW - r.minutesAgo * 60_000;
      if (r.type === 'purchase') return { id: `e${n}`, at, type: 'purchase', items: [r.item] };
      if (r.type === 'search') return { id: `e${n}`, at, type: 'search', query: r.query };
      return { id: `e${n}`, at, type: r.type as StoredEvent['type'], item: r.item };
    })
    .sort((a, b) => a.at - b.at);
}

/** The visitor (or catalog) without the evidence of a pick's first reason. */
function withoutEvidence(pick: Pick, events: StoredEvent[], prefs: Preference[], catalog: CatalogFile) {
  const r = pick.reasons[0]!;
  const e = r.evidence;
  const covers = (id: string): boolean => {
    const p = product(id);
    if (e.items) return e.items.includes(id);
    if (r.code === 'category_affinity') return p.categories.join(' > ') === e.category;
    if (r.code === 'brand_affinity') return p.brand === e.brand;
    if (r.code === 'attribute_affinity') return [p.attributes?.[e.attribute![0]]].flat().includes(e.attribute![1]);
    if (r.code === 'price_range') return Math.abs(band(p.price) - band(pick.product.price)) <= 1;
    return false;
  };
  let evs = events.filter((ev) => !(ev.item && covers(ev.item)) && !(ev.items && ev.items.some(covers)));
  if (r.code === 'matches_search') evs = evs.filter((ev) => ev.type !== 'search');
  const keptPrefs = r.code === 'matches_preference' ? prefs.filter((p) => p.value !== (e.brand ?? e.category?.split(' > ').pop() ?? e.category)) : prefs;
  let cat = catalog;
  if (r.code === 'popular') cat = { ...catalog, popularity: { ...catalog.popularity, [pick.item]: 0 } };
  if (r.code === 'top_rated' || r.code === 'review_quote') cat = { ...catalog, products: catalog.products.map((p) => (p.id === pick.item ? { ...p, rating: undefined, reviewCount: undefined } : p)) };
  return { events: evs, prefs: keptPrefs, cat };
}

describe('faithful reasons', () => {
  const ranker = createRanker(outdoorCatalog);
  test('score = sum of contributions, the first reason is the largest, and removing its evidence lowers the score', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 0, maxLength: 12 }), fc.array(prefArb, { maxLength: 2 }), fc.constantFrom<Placement>('home', 'product', 'cart'), (raw, prefs, placement) => {
        const events = toEvents(raw);
        const request = { placement, item: placement === 'product' ? ids[raw.length % ids.length] : undefined, limit: 8 };
        const picks = ranker.rank({ events, preferences: prefs }, request, NOW);
        const profile = buildProfile(ranker.catalog, { events, aggregates: { items: {}, counts: {} }, preferences: prefs, dismissed: [] }, NOW);
        const likes = resolvePreferences(ranker.catalog, profile.likes);
        for (const pick of picks) {
          const parts = contributions(ranker.catalog, profile, likes, ranker.catalog.index.get(pick.item)!);
          const sum = parts.reduce((s, c) => s + c.value, 0);
          expect(pick.score).toBeCloseTo(sum, 9);
          // The first reason is made from the first contribution: it must be the largest.
          if (parts.length) expect(parts[0]!.value).toBe(Math.max(...parts.map((c) => c.value)));
          if (pick.reasons[0]!.code === 'in_category') continue; // names no contribution
          const without = withoutEvidence(pick, events, prefs, outdoorCatalog);
          const again = createRanker(without.cat).rank({ events: without.events, preferences: without.prefs }, { ...request, limit: 50 }, NOW);
          const after = again.find((p) => p.item === pick.item)?.score ?? 0;
          expect(after, `${pick.item} ${pick.reasons[0]!.code}`).toBeLessThan(pick.score);
          checked++;
        }
      }),
      { numRuns: 150, seed: 7 },
    );
    expect(checked).toBeGreaterThan(500);
  });
});
