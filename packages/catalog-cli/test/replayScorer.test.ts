import { createRanker, type CatalogProduct } from '@curio/core/internal';
import { describe, expect, it } from 'vitest';
import { allCases, assembleCatalog, neighborTables, recencyWeightedPopularity, scoreCatalog, startingWeights, type TunedWeights } from '../src/index.js';
import { ReplayScorer } from '../src/tuning/replayScorer.js';

/** A shop with what the ranking looks at: variant groups (sizes, colours), stock-outs, brands, categories, ratings. */
function shop(seed: number): { products: CatalogProduct[]; sessions: number[][] } {
  const next = (n: number): number => ((seed = (seed * 48271) % 2147483647) % n);
  const products: CatalogProduct[] = [];
  for (let g = 0; g < 40; g++) {
    const lead = `g${g}`;
    const sizes = g % 3 === 0 ? ['S', 'M', 'L'] : [undefined];
    for (const size of sizes) {
      const id = size && size !== 'S' ? `${lead}-${size}` : lead;
      products.push({
        id,
        title: `Product ${g}${size ? ` ${size}` : ''}`,
        price: 10 + ((g * 7) % 90),
        currency: 'EUR',
        url: `/p/${id}`,
        categories: [`Dept ${g % 3}`, `Cat ${g % 6}`],
        brand: `Brand ${g % 2}`,
        attributes: { material: ['wool', 'linen', 'cotton'][g % 3]!, ...(size ? { size } : {}) },
        inStock: next(10) > 0,
        ...(g % 4 ? { rating: 3 + (g % 3), reviewCount: 5 + g } : {}),
        ...(size ? { group: lead, variant: { size } } : {}),
      });
    }
  }
  const sessions: number[][] = [];
  for (let s = 0; s < 500; s++) {
    let c = next(6);
    const session: number[] = [];
    for (let k = 2 + next(7); k > 0; k--) {
      if (next(8) === 0) c = (c + 1) % 6;
      const pick = products.findIndex((p, i) => i >= next(products.length) && p.categories![1] === `Cat ${c}`);
      if (pick >= 0 && session.at(-1) !== pick) session.push(pick);
    }
    sessions.push(session);
  }
  return { products, sessions };
}

describe('ReplayScorer (the tuning fast path)', () => {
  const { products, sessions } = shop(11);
  const split = 420;
  const train = { kind: 'sessions' as const, sequences: sessions.slice(0, split) };
  const heldOut = sessions.slice(split).filter((s) => s.length >= 2).map((s) => s.map((i) => products[i]!.id));
  const cases = allCases(heldOut);
  const ranker = createRanker(assembleCatalog(products, neighborTables(train, products.length, 20), recencyWeightedPopularity(train.sequences, products.length), undefined, 'EUR'));
  const start = startingWeights(['sr', 'cooc', 'next']);
  const trials: TunedWeights[] = [
    start,
    { ...start, lists: { ...start.lists, cooc: { weight: 0, decay: 1.5 } } },
    { ...start, lists: { ...start.lists, next: { weight: 2, decay: 0.5 } }, reshow: 0 },
    { ...start, reshowDecay: 0.3, category: 0, categoryPopularity: 0.2 },
    { ...start, history: 0.01, popularity: 0, reshow: 8 },
    { ...start, history: 0.01, lists: { sr: { weight: 1, decay: 3 }, cooc: { weight: 0, decay: 1 }, next: { weight: 0, decay: 2 } } },
    // A floor above a click's recency (1 / (1 + steps)) changes the profile's interests: prepared apart.
    { ...start, history: 0.5 },
    start,
  ];

  // Short lists: the brand cap (half the list) binds, and the new-for-you slot matters more.
  it.each([20, 6])('scores every home trial as the shipped ranker does, to the bit (lists of %i)', (cutoff) => {
    const scorer = new ReplayScorer(ranker, heldOut, cases, cutoff, 'home');
    expect(cases.length).toBeGreaterThan(100);
    for (const weights of trials) {
      const fast = scorer.score(weights);
      expect(fast).toBeDefined();
      expect(fast).toEqual(scoreCatalog(ranker.withWeights(weights), heldOut, cases, cutoff, 'home'));
    }
  });

  it.each([20, 6])('scores every product-page trial as the shipped ranker does, to the bit (lists of %i)', (cutoff) => {
    const scorer = new ReplayScorer(ranker, heldOut, cases, cutoff, 'product');
    for (const [k, anchor] of [0.5, 0, 2, 1, 0.5].entries()) {
      const weights: TunedWeights = { ...trials[k]!, placements: { product: { anchor } } };
      const fast = scorer.score(weights);
      expect(fast).toBeDefined();
      expect(fast).toEqual(scoreCatalog(ranker.withWeights(weights), heldOut, cases, cutoff, 'product'));
    }
  });

  it("leaves weights it cannot mirror to the ranker (a placement's own re-show decay)", () => {
    const scorer = new ReplayScorer(ranker, heldOut, cases, 20);
    expect(scorer.score({ ...start, placements: { home: { reshowDecay: 0.5 } } })).toBeUndefined();
  });
});
