import type { MessagePort } from 'node:worker_threads';
import { popularityModel, popularityRanking, sessionPopularityModel } from './baselines/popularity.js';
import { sequentialRulesModel } from './baselines/sequentialRulesModel.js';
import { vsknnModel } from './baselines/vsknnModel.js';
import { datasetProducts } from './evalCatalog.js';
import { evaluateBaseline } from './evaluateBaseline.js';
import { evaluateCurio } from './evaluateCurio.js';
import { toCounts, type ReplayCounts } from './replayMetrics.js';
import { readItemCategories, readSessions } from './sessionData.js';

/** What a worker is given: the data files and its share of the test sessions. */
export interface WorkerTask {
  train: string;
  test: string;
  items?: string;
  /** Test sessions `from` (inclusive) to `to` (exclusive). */
  from: number;
  to: number;
}

/** Messages a worker sends to the main thread. */
export type WorkerMessage =
  | { type: 'progress'; cases: number }
  | {
      type: 'result';
      baselines: Record<string, ReplayCounts>;
      curio: ReplayCounts;
      recommended: string[];
      rankMs: number;
    };

/** Cases between two progress messages. */
const PROGRESS_EVERY = 500;

/**
 * A worker's job: replay its test sessions through the baselines (trained on the training
 * sessions), then — once the main thread sends the built catalog as JSON — through Curio.
 * @param port the channel to the main thread
 * @param task files and session range
 */
export function runWorker(port: MessagePort, task: WorkerTask): void {
  const train = readSessions(task.train);
  const test = readSessions(task.test).slice(task.from, task.to);
  const products = datasetProducts(train, task.items ? readItemCategories(task.items) : undefined);
  const index = new Map(products.map((p, i) => [p.id, i]));
  const toIndexes = (sessions: string[][]): number[][] => sessions.map((s) => s.map((id) => index.get(id) ?? -1));
  const trainIndexes = toIndexes(train);
  const testIndexes = toIndexes(test);
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
  const baselines: Record<string, ReplayCounts> = {};
  for (const model of models) baselines[model.name] = toCounts(evaluateBaseline(model, testIndexes, onCase));
  port.once('message', (catalogJson: string) => {
    const curio = evaluateCurio(JSON.parse(catalogJson), test, onCase);
    port.postMessage({ type: 'progress', cases: pending } satisfies WorkerMessage);
    port.postMessage({
      type: 'result',
      baselines,
      curio: toCounts(curio.metrics),
      recommended: [...curio.recommended],
      rankMs: curio.rankMs,
    } satisfies WorkerMessage);
  });
}
