#!/usr/bin/env node
/**
 * Offline evaluation of Curio's shipped ranking against baselines on real session data.
 * `node packages/eval/dist/cli.js --train <sessions.gz> --test <sessions.gz> [--items <items.tsv.gz>] [--k 20]`
 * The last line of stdout is one JSON object (see docs/evaluation.md). This file is also the
 * worker threads' entry point.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { EVAL_USAGE, parseEvalArguments } from './evalArguments.js';
import { runWorker, type WorkerTask } from './evalWorker.js';
import { formatReport } from './formatReport.js';
import { runEvaluation } from './runEvaluation.js';

if (!isMainThread && parentPort) {
  runWorker(parentPort, workerData as WorkerTask);
} else {
  let args;
  try {
    args = parseEvalArguments(process.argv.slice(2), Math.max(1, Math.min(2, availableParallelism())));
  } catch (error) {
    process.stderr.write(`eval: ${(error as Error).message}\n${EVAL_USAGE}\n`);
    process.exit(2);
  }
  runEvaluation(args, new URL(import.meta.url)).then(
    (summary) => {
      process.stdout.write(`${formatReport(summary)}\n${JSON.stringify(summary)}\n`);
    },
    (error: Error) => {
      process.stderr.write(`eval: ${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}
