import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { neighborShardCount, catalogFiles, sizeReport, streamProgress, type BuiltCatalog, type RankingScores } from '@curio/catalog-cli';
import { buildEvalCatalog, datasetProducts } from './evalCatalog.js';
import type { EvalArguments } from './evalArguments.js';
import { mergeCounts, replayMetrics, type ReplayMetrics } from './replayMetrics.js';
import { readItemCategories, readSessions, sampleSessions } from './sessionData.js';
import type { ScenarioCounts, WorkerMessage, WorkerTask } from './evalWorker.js';
import { SCENARIOS, type Scenario } from './evaluateCurio.js';
import type { ReplayPlacement } from '@curio/catalog-cli';

/** Figures of one model, in %. */
export interface ModelFigures {
  hr20: number;
  mrr20: number;
  newHr20: number;
  newMrr20: number;
  /** New-target figures when the prefix's items are hidden from the picks. */
  hideSeenNewHr20: number;
  hideSeenNewMrr20: number;
}

/** One scenario's figures: Curio's, the share of its clean figures it keeps, and the baselines'. */
export interface ScenarioFigures {
  curio: ModelFigures;
  /** HR@20 and MRR@20 as a % of the clean scenario's (100 = nothing lost). */
  kept: { hr20: number; mrr20: number };
  baselines: Record<string, ModelFigures>;
}

/** The evaluation's result (the last line of stdout). Top-level figures are the clean scenario's. */
export interface EvalSummary extends ModelFigures {
  placement: ReplayPlacement;
  cases: number;
  newCases: number;
  /** Share of products shown in at least one Curio top-20, %. */
  coverage: number;
  /** Ranker time per case (all-items variant), ms. */
  msPerCase: number;
  k: number;
  /** Cases that had an unrelated visit for the history and detour scenarios (the rest replay as clean). */
  casesWithVisit?: number;
  /** Every scenario run (clean always; `history`, `detour` when asked), side by side. */
  scenarios: Partial<Record<Scenario, ScenarioFigures>>;
  bytesPerItemPerList: number;
  tuning?: { holdoutHr20: number; holdoutMrr20: number; weights: unknown };
  baselines: Record<string, ModelFigures>;
  bestBaseline: { hr20: string; mrr20: string };
  beatsBaselines: boolean;
  seconds: number;
}

/** Baselines run in every evaluation, in report order. */
export const BASELINES = ['pop', 'spop', 'sr', 'vsknn'];

function figures(metrics: ReplayMetrics): ModelFigures {
  const all: RankingScores = metrics.all.scores();
  const hidden = metrics.hideSeen.scores();
  const r = (x: number): number => Math.round(x * 100) / 100;
  return {
    hr20: r(all.hr),
    mrr20: r(all.mrr),
    newHr20: r(all.newHr),
    newMrr20: r(all.newMrr),
    hideSeenNewHr20: r(hidden.newHr),
    hideSeenNewMrr20: r(hidden.newMrr),
  };
}

/** Splits sessions into `parts` contiguous ranges with about equal numbers of cases. */
function splitByCases(sessions: string[][], parts: number): Array<[number, number]> {
  const total = sessions.reduce((n, s) => n + s.length - 1, 0);
  const ranges: Array<[number, number]> = [];
  let from = 0;
  let seen = 0;
  sessions.forEach((session, i) => {
    seen += session.length - 1;
    if (ranges.length < parts - 1 && seen >= (total * (ranges.length + 1)) / parts) {
      ranges.push([from, i + 1]);
      from = i + 1;
    }
  });
  ranges.push([from, sessions.length]);
  return ranges;
}

/**
 * Runs the whole evaluation: starts workers that replay the test sessions through the baselines,
 * builds and tunes Curio's catalog on the training sessions meanwhile, then has the workers
 * replay through the shipped ranker. Progress goes to stderr.
 * @param args files, K and worker count
 * @param workerUrl the module that runs {@link runWorker} in a worker thread
 */
export async function runEvaluation(args: EvalArguments, workerUrl: URL): Promise<EvalSummary> {
  const started = Date.now();
  const progress = streamProgress();
  const train = readSessions(args.train);
  const test = sampleSessions(readSessions(args.test), args.sessions);
  const scenarios = SCENARIOS.filter((s) => s === 'clean' || args[s]);
  const cases = test.reduce((n, s) => n + s.length - 1, 0);
  const totalTicks = cases * (BASELINES.length * (args.detour ? 2 : 1) + 1);
  let ticks = 0;
  let stage = 'baselines';
  const bar = (): void => progress.tick(ticks, totalTicks, `eval ${cases} cases (${stage})`);
  const results: Array<Extract<WorkerMessage, { type: 'result' }>> = [];
  const workers = splitByCases(test, args.workers).map(([from, to]) => {
    const task: WorkerTask = {
      train: args.train,
      test: args.test,
      from,
      to,
      placement: args.placement,
      scenarios,
      ...(args.items ? { items: args.items } : {}),
      ...(args.sessions ? { sessions: args.sessions } : {}),
    };
    const worker = new Worker(workerUrl, { workerData: task });
    const done = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          ticks += message.cases;
          bar();
        } else {
          results.push(message);
          resolve();
          void worker.terminate();
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`evaluation worker exited with code ${code}`))));
    });
    return { worker, done };
  });

  const products = datasetProducts(train, args.items ? readItemCategories(args.items) : undefined);
  const quiet = { ...progress, tick: () => bar() };
  stage = 'baselines; tuning Curio';
  const reused = args.catalog && existsSync(args.catalog) ? (JSON.parse(readFileSync(args.catalog, 'utf8')) as BuiltCatalog) : undefined;
  const built = reused ?? buildEvalCatalog(train, products, args.k, quiet);
  if (args.catalog && !reused) writeFileSync(args.catalog, JSON.stringify(built));
  const size = sizeReport(built, catalogFiles(built, neighborShardCount(built)));
  stage = 'baselines, Curio';
  const catalogJson = JSON.stringify(built.catalog);
  for (const { worker } of workers) worker.postMessage(catalogJson);
  await Promise.all(workers.map((w) => w.done));
  progress.done();

  const merged = (pick: (r: (typeof results)[number]) => ScenarioCounts): Partial<Record<Scenario, ReplayMetrics>> => {
    const out: Partial<Record<Scenario, ReplayMetrics>> = {};
    for (const scenario of scenarios) {
      const m = (out[scenario] = replayMetrics());
      for (const result of results) mergeCounts(m, pick(result)[scenario]!);
    }
    return out;
  };
  const curioByScenario = merged((r) => r.curio);
  const baselinesByScenario = Object.fromEntries(BASELINES.map((name) => [name, merged((r) => r.baselines[name]!)]));
  const recommended = new Set<string>();
  let rankMs = 0;
  let casesWithVisit = 0;
  for (const result of results) {
    for (const item of result.recommended) recommended.add(item);
    rankMs += result.rankMs;
    casesWithVisit += result.casesWithVisit;
  }
  const curio = curioByScenario.clean!;
  const baselines = Object.fromEntries(BASELINES.map((name) => [name, figures(baselinesByScenario[name]!.clean!)]));
  const best = (field: 'hr20' | 'mrr20'): string => BASELINES.reduce((a, b) => (baselines[b]![field] > baselines[a]![field] ? b : a));
  const own = figures(curio);
  const bestBaseline = { hr20: best('hr20'), mrr20: best('mrr20') };
  const allScores = curio.all.scores();
  const share = (x: number, of: number): number => (of > 0 ? Math.round((10000 * x) / of) / 100 : 0);
  const byScenario: Partial<Record<Scenario, ScenarioFigures>> = {};
  for (const scenario of scenarios) {
    const f = figures(curioByScenario[scenario]!);
    byScenario[scenario] = {
      curio: f,
      kept: { hr20: share(f.hr20, own.hr20), mrr20: share(f.mrr20, own.mrr20) },
      baselines: Object.fromEntries(BASELINES.map((name) => [name, figures(baselinesByScenario[name]![scenario]!)])),
    };
  }
  return {
    placement: args.placement,
    cases: allScores.cases,
    newCases: allScores.newCases,
    ...own,
    coverage: Math.round((10000 * recommended.size) / products.length) / 100,
    msPerCase: Math.round((1000 * rankMs) / Math.max(1, allScores.cases)) / 1000,
    k: args.k,
    ...(scenarios.length > 1 ? { casesWithVisit } : {}),
    scenarios: byScenario,
    bytesPerItemPerList: Math.round(size.bytesPerItemPerList * 10) / 10,
    ...(built.tuning
      ? { tuning: { holdoutHr20: built.tuning.tuned.hr, holdoutMrr20: built.tuning.tuned.mrr, weights: built.tuning.weights } }
      : {}),
    baselines,
    bestBaseline,
    beatsBaselines: own.hr20 > baselines[bestBaseline.hr20]!.hr20 && own.mrr20 > baselines[bestBaseline.mrr20]!.mrr20,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
