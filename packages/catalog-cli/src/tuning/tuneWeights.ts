import { createRanker, type CatalogProduct, type ListWeight, type RankingWeights } from '@curio/core/internal';
import { assembleCatalog } from '../build/assembleCatalog.js';
import { neighborTables } from '../build/neighborTables.js';
import type { InteractionLog } from '../interactions/interactionLog.js';
import type { NeighborTable } from '../lists/neighborTable.js';
import { recencyWeightedPopularity } from '../lists/popularity.js';
import type { Progress } from '../progress.js';
import { coordinateDescent, type SearchDimension, type SearchStep } from './coordinateDescent.js';
import { allCases, sampleCases, type ReplayCase } from './replayCases.js';
import type { RankingScores } from './rankingMetrics.js';
import { ReplayScorer } from './replayScorer.js';
import { scoreCatalog, tuningObjective } from './scoreCatalog.js';

/** The weights the builder tunes and ships; the SDK's defaults cover the rest. */
export type TunedWeights = Pick<
  RankingWeights,
  'lists' | 'reshow' | 'reshowDecay' | 'history' | 'category' | 'categoryPopularity' | 'popularity'
> & { placements?: { product: ProductWeights } };

/** What the product page ranks with where it differs from home: the weight of the product on screen. */
export type ProductWeights = Pick<RankingWeights, 'anchor'>;

/** Options of {@link tuneWeights}. */
export interface TuningOptions {
  /** Neighbours per item in the lists built for tuning. */
  k: number;
  /** Share of the latest sessions/orders held out. Default 0.1. */
  holdoutShare?: number;
  /** Largest number of held-out cases replayed per evaluation. Default 5000. */
  maxCases?: number;
  progress?: Progress;
  /** Currency of products without one (see {@link assembleCatalog}). */
  currency?: string;
}

/** One placement's search: held-out scores before and after, what it chose, how it got there. */
export interface PlacementTuning<W> {
  start: RankingScores;
  tuned: RankingScores;
  weights: W;
  evaluations: number;
  steps: SearchStep[];
}

/**
 * What the tuning chose and how it measured (written to `tuning-report.json`). The top-level
 * figures are the home placement's (next click after the session so far); `placements.product`
 * is the product page's (the last click's page, which is never picked itself).
 */
export interface TuningReport extends PlacementTuning<TunedWeights> {
  objective: 'HR@20 + 2·MRR@20';
  holdout: { sequences: number; cases: number; replayedCases: number };
  placements: { home: PlacementTuning<Omit<TunedWeights, 'placements'>>; product: PlacementTuning<ProductWeights> };
}

/** Known lists' starting weights, from measurements on public session data (docs/evaluation.md). */
const LIST_START: Record<string, ListWeight> = { sr: { weight: 1, decay: 2 }, cooc: { weight: 0.25, decay: 1.5 }, next: { weight: 0.35, decay: 2 } };

/** Starting weights, from measurements on public session data (docs/evaluation.md). */
export function startingWeights(listIds: string[]): TunedWeights {
  const lists: Record<string, ListWeight> = {};
  listIds.forEach((id, i) => {
    lists[id] = { ...(LIST_START[id] ?? { weight: 0.5, decay: 1.5 }), ...(i === 0 ? { weight: 1 } : {}) };
  });
  return { lists, reshow: 1.5, reshowDecay: 0.85, history: 0.1, category: 0.15, categoryPopularity: 0.05, popularity: 0.02 };
}

type Scalar = 'reshow' | 'reshowDecay' | 'history' | 'category' | 'categoryPopularity' | 'popularity';
const scalar = (name: Scalar, values: number[]): SearchDimension<TunedWeights> => ({
  name,
  values,
  get: (w) => w[name],
  set: (w, value) => ({ ...w, [name]: value }),
});

const listField = (id: string, field: keyof ListWeight, values: number[]): SearchDimension<TunedWeights> => ({
  name: `lists.${id}.${field}`,
  values,
  get: (w) => w.lists[id]![field],
  set: (w, value) => ({ ...w, lists: { ...w.lists, [id]: { ...w.lists[id]!, [field]: value } } }),
});

/**
 * The product page's grid, searched after home's with home's weights fixed. A few values: each
 * costs one replay of the held-out cases (the demo shop builds its catalog at start-up).
 */
const PRODUCT_DIMENSIONS: SearchDimension<ProductWeights>[] = [{ name: 'product.anchor', values: [0, 0.5, 1, 2], get: (w) => w.anchor, set: (w, anchor) => ({ ...w, anchor }) }];

/** The search grid: the first list anchors the scale (weight 1), the others get weight and decay. */
function searchDimensions(listIds: string[]): SearchDimension<TunedWeights>[] {
  return [
    // Lists first: a new list's weight is judged before the re-show boost settles around the others.
    ...listIds.flatMap((id, i) => [
      ...(i === 0 ? [] : [listField(id, 'weight', [0, 0.1, 0.2, 0.35, 0.5, 1, 2])]),
      listField(id, 'decay', [0.5, 1, 1.5, 2, 2.5, 3]),
    ]),
    scalar('reshow', [0, 0.5, 1, 1.5, 2, 4, 8]),
    scalar('reshowDecay', [0.3, 0.5, 0.7, 0.85, 0.95, 1]),
    // History's weight is also the floor of a session click's recency (the click never weighs
    // less than it would as history), so it shapes long sessions.
    scalar('history', [0.01, 0.03, 0.1]),
    scalar('category', [0, 0.05, 0.15, 0.3, 0.5]),
    scalar('categoryPopularity', [0, 0.05, 0.2]),
    scalar('popularity', [0, 0.02, 0.1]),
  ];
}

/**
 * What the search needs: lists and popularity built on the training part of the log, and the
 * held-out cases to replay. Built in memory by {@link tuneWeights} or by the engine
 * (engine/engineTuning.ts) with the same result.
 */
export interface TuningInputs {
  /** Lists built on the training part. */
  tables: NeighborTable[];
  /** Popularity on the training part, maximum 1. */
  popularity: Float64Array;
  /** Held-out sessions (product ids) that the replayed cases refer to. */
  sessions: string[][];
  /** The cases replayed (a sample of all held-out cases), indexes into `sessions`. */
  replayed: ReplayCase[];
  /** Held-out sequences with 2 or more items, and their cases. */
  heldOutSequences: number;
  cases: number;
}

/** The split of a log into training and held-out sequences: the first index held out. */
export function tuningSplit(sequences: number, holdoutShare = 0.1): number {
  return Math.floor(sequences * (1 - holdoutShare));
}

/** Whether a log split this way has enough to tune on. */
export function canTune(split: number, cases: number): boolean {
  return cases >= 20 && split >= 10;
}

/**
 * Tunes the ranking weights for one shop: builds the lists on all but the latest share of the
 * log, replays (a sample of) the held-out cases through the shipped ranker, and runs a
 * coordinate-descent search on HR@20 + 2·MRR@20.
 * @param products the catalog's products
 * @param log the shop's sessions or orders as product indexes, oldest first
 * @returns the chosen weights and a report, or undefined when the log is too small to hold out
 */
export function tuneWeights(products: CatalogProduct[], log: InteractionLog, options: TuningOptions): TuningReport | undefined {
  const { k, holdoutShare = 0.1, maxCases = 5000, progress } = options;
  const split = tuningSplit(log.sequences.length, holdoutShare);
  const train: InteractionLog = { kind: log.kind, sequences: log.sequences.slice(0, split) };
  const heldOut = log.sequences.slice(split).filter((s) => s.length >= 2);
  const cases = allCases(heldOut);
  if (!canTune(split, cases.length)) return undefined;
  const replayed = sampleCases(cases, maxCases);
  progress?.note(`tuning: lists on ${split} ${log.kind}, ${replayed.length} of ${cases.length} held-out cases`);
  return searchWeights(
    products,
    {
      tables: neighborTables(train, products.length, k),
      popularity: recencyWeightedPopularity(train.sequences, products.length),
      sessions: heldOut.map((s) => s.map((i) => products[i]!.id)),
      replayed,
      heldOutSequences: heldOut.length,
      cases: cases.length,
    },
    options,
  );
}

/**
 * The coordinate-descent search of {@link tuneWeights} on prepared inputs.
 * @param products the catalog's products
 * @param inputs training lists and held-out cases
 */
export function searchWeights(products: CatalogProduct[], inputs: TuningInputs, options: TuningOptions): TuningReport {
  const { progress, currency } = options;
  const { tables, sessions, replayed } = inputs;
  // One ranker over the lists, interned once; each trial only swaps the weights.
  const ranker = createRanker(assembleCatalog(products, tables, inputs.popularity, undefined, currency));
  // Trials recompute scores from terms recorded once per profile (the same picks, to the bit).
  const scorers = { home: new ReplayScorer(ranker, sessions, replayed, 20, 'home'), product: new ReplayScorer(ranker, sessions, replayed, 20, 'product') };
  const listIds = tables.map((t) => t.id);
  const dimensions = searchDimensions(listIds);
  const estimate = [...dimensions, ...PRODUCT_DIMENSIONS].reduce((n, d) => n + d.values.length - 1, 2);
  let evaluations = 0;
  // Scores by placement and weights: the search's own evaluations also give the report's figures.
  const scores = new Map<string, RankingScores>();
  const evaluate = (weights: TunedWeights, placement: 'home' | 'product' = 'home'): RankingScores => {
    const key = `${placement}:${JSON.stringify(weights)}`;
    let s = scores.get(key);
    if (!s) {
      s = scorers[placement].score(weights) ?? scoreCatalog(ranker.withWeights(weights), sessions, replayed, 20, placement);
      scores.set(key, s);
    }
    return s;
  };
  const search = <W>(start: W, dims: SearchDimension<W>[], weightsOf: (w: W) => TunedWeights, placement: 'home' | 'product'): PlacementTuning<W> => {
    const result = coordinateDescent(
      start,
      dims,
      (w) => {
        const value = tuningObjective(evaluate(weightsOf(w), placement));
        progress?.tick(++evaluations, estimate, `tuning ${placement} (objective ${value.toFixed(2)})`);
        return value;
      },
      (w) => JSON.stringify(w),
    );
    return { start: evaluate(weightsOf(start), placement), tuned: evaluate(weightsOf(result.best), placement), weights: result.best, evaluations: result.evaluations, steps: result.steps };
  };
  const home = search(startingWeights(listIds), dimensions, (w) => w, 'home');
  // The product page ranks with home's weights and its own anchor and re-show on top.
  const withProduct = (p: ProductWeights): TunedWeights => ({ ...home.weights, placements: { product: p } });
  const product = search({ anchor: 0.5 }, PRODUCT_DIMENSIONS, withProduct, 'product');
  progress?.done();
  return {
    objective: 'HR@20 + 2·MRR@20',
    holdout: { sequences: inputs.heldOutSequences, cases: inputs.cases, replayedCases: replayed.length },
    ...home,
    weights: withProduct(product.weights),
    evaluations: home.evaluations + product.evaluations,
    steps: [...home.steps, ...product.steps],
    placements: { home, product },
  };
}
