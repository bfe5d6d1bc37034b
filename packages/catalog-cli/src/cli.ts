#!/usr/bin/env node
/**
 * `npx @curio/catalog-cli build --products <feed> [--interactions <file>] --out <dir> [--k 20] [--shards N] [--no-tune] [--currency USD]`
 * `npx @curio/catalog-cli report <reports.jsonl>… [--from day] [--to day] [--json]`
 * See docs/catalog-cli.md.
 */
import { parseBuildArguments, USAGE } from './cliArguments.js';
import { streamProgress } from './progress.js';
import { runBuild } from './runBuild.js';
import { REPORT_USAGE, runReport } from './report/reportCommand.js';

/** `curio-catalog report …`: lift from private reports (src/report). */
function runReportCommand(args: string[]): void {
  if (!args.length || args.includes('--help') || args.includes('-h')) return void process.stdout.write(`${REPORT_USAGE}\n`);
  try {
    process.stdout.write(`${runReport(args)}\n`);
  } catch (error) {
    process.stderr.write(`curio-catalog report: ${(error as Error).message}\n\n${REPORT_USAGE}\n`);
    process.exit(2);
  }
}

const argv = process.argv.slice(2);
if (argv[0] === 'report') runReportCommand(argv.slice(1));
else if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
} else {
  let args;
  try {
    args = parseBuildArguments(argv);
  } catch (error) {
    process.stderr.write(`curio-catalog: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  try {
    runBuild(args, streamProgress());
  } catch (error) {
    process.stderr.write(`curio-catalog: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
