/**
 * `@curio/eval` (private): replays real shopping sessions through Curio's shipped ranker and
 * through classic baselines. The CLI is `dist/cli.js`; see docs/evaluation.md.
 * @module
 */
export { runEvaluation, BASELINES, type EvalSummary, type ModelFigures, type ScenarioFigures } from './runEvaluation.js';
export { formatReport } from './formatReport.js';
export { parseEvalArguments, EVAL_USAGE, type EvalArguments } from './evalArguments.js';
export { readSessions, readItemCategories, sampleSessions } from './sessionData.js';
export { datasetProducts, buildEvalCatalog } from './evalCatalog.js';
export { evaluateBaseline } from './evaluateBaseline.js';
export { evaluateCurio, SCENARIOS, type CurioReplay, type CurioReplayOptions, type Scenario } from './evaluateCurio.js';
export { unrelatedVisits } from './unrelatedVisits.js';
export type { BaselineReplayOptions } from './evaluateBaseline.js';
export { replayMetrics, toCounts, mergeCounts, type ReplayMetrics, type ReplayCounts } from './replayMetrics.js';
export type { NextItemModel } from './baselines/nextItemModel.js';
export { popularityModel, popularityRanking, sessionPopularityModel } from './baselines/popularity.js';
export { sequentialRulesModel } from './baselines/sequentialRulesModel.js';
export { vsknnModel, type VsknnOptions } from './baselines/vsknnModel.js';
export { runWorker, type WorkerTask, type WorkerMessage } from './evalWorker.js';
