import type { MessagePort } from 'node:worker_threads';
import type { ReplayPlacement } from '@curio/catalog-cli';
import { popularityModel, popularityRanking, sessionPopularityModel } from './baselines/popularity.js';
import { sequentialRulesModel } from './baselines/sequentialRulesModel.js';
import { vsknnModel } from './baselines/vsknnModel.js';
import { datasetProducts } from './evalCatalog.js';
import { evaluateBaseline } from './evaluateBaseline.js';
import { evaluateCurio, type Scenario } from './evaluateCurio.js';
import { toCounts, type ReplayCounts } from './replayMetrics.js';
import { readItemCategories, readSessions, sampleSessions } from './sessionData.js';
import { unrelatedVisits } from './unrelatedVisits.js';

/** What a worker is given: the data files, its share of the test sessions, and what to replay. */
export interface WorkerTask {
  train: string;
  test: string;
  items?: string;
  /** At most this many test sessions, evenly spread (before splitting between workers). */
  sessions?: number;
  /** Test sessions `from` (inclusive) to `to` (exclusive). */
  from: number;
  to: number;
  placement: ReplayPlacement;
  scenarios: Scenario[];
}

/** Counts of one model per scenario. */
export type ScenarioCounts = Partial<Record<Scenario, ReplayCounts>>;

/** Messages a worker sends to the main thread. */
export type WorkerMessage =
  | { type: 'progress'; cases: number }
  | {
      type: 'result';
      baselines: Record<string, ScenarioCounts>;
      curio: ScenarioCounts;
      casesWithVisit: number;
      recommended: string[];
      rankMs: number;
    };

/** Cases between two progress messages. */
const PROGRESS_EVERY = 500;

/**
 * A worker's job: replay its test sessions through the baselines (trained on the training
 * sessions), then — once the main thread sends the built catalog as JSON — through Curio, in
 * every requested scenario.
 * @param port the channel to the main thread
 * @param task files and session range
 */
export function runWorker(port: MessagePort, task: WorkerTask): void {
  const train = readSessions(task.train);
  const test = sampleSessions(readSessions(task.test), task.sessions).slice(task.from, task.to);
  const itemCategories = task.items ? readItemCategories(task.items) : undefined;
  const products = datasetProducts(train, itemCategories);
  const index = new Map(products.map((p, i) => [p.id, i]));
  const toIndexes = (sessions: readonly string[][]): number[][] => sessions.map((s) => s.map((id) => index.get(id) ?? -1));
  const trainIndexes = toIndexes(train);
  const testIndexes = toIndexes(test);
  const categoryIds = new Map(itemCategories ?? []);
  const categoryOf = Int32Array.from(products, (p) => Number(categoryIds.get(p.id) ?? -1));
  // The same visit for a session in every scenario and every worker split: chosen from its global number.
  const find = unrelatedVisits(train, categoryIds);
  const visits = test.map((s, n) => (task.scenarios.some((x) => x !== 'clean') ? find(s, task.from + n) : undefined));
  let pending = 0;
  const onCase = (): void => {
    if (++pending === PROGRESS_EVERY) {
      port.postMessage({ type: 'progress', cases: pending } satisfies WorkerMessage);
      pending = 0;
    }
  };
  const ranking = popularityRanking(trainIndexes, products.length);
  const models = [
    popularityModel(ranking),
    sessionPopularityModel(ranking),
    sequentialRulesModel(trainIndexes, products.length),
    vsknnModel(trainIndexes, products.length),
  ];
  const baselines: Record<string, ScenarioCounts> = {};
  const detourIndexes = visits.map((v) => v && v.map((id) => index.get(id) ?? -1));
  for (const model of models) {
    const counts: ScenarioCounts = {};
    const replay = (detour?: (s: number) => number[] | undefined) => toCounts(evaluateBaseline(model, testIndexes, onCase, { placement: task.placement, categoryOf, ...(detour ? { detour } : {}) }));
    // Session models never see an earlier visit: their history scenario is their clean one.
    counts.clean = replay();
    if (task.scenarios.includes('history')) counts.history = counts.clean;
    if (task.scenarios.includes('detour')) counts.detour = replay((s) => detourIndexes[s]);
    baselines[model.name] = counts;
  }
  port.once('message', (catalogJson: string) => {
    const curio = evaluateCurio(JSON.parse(catalogJson), test, onCase, { placement: task.placement, scenarios: task.scenarios, unrelated: (s) => visits[s] });
    port.postMessage({ type: 'progress', cases: pending } satisfies WorkerMessage);
    const counts: ScenarioCounts = {};
    for (const [scenario, m] of Object.entries(curio.metrics)) counts[scenario as Scenario] = toCounts(m);
    port.postMessage({
      type: 'result',
      baselines,
      curio: counts,
      casesWithVisit: curio.casesWithVisit,
      recommended: [...curio.recommended],
      rankMs: curio.rankMs,
    } satisfies WorkerMessage);
  });
}
