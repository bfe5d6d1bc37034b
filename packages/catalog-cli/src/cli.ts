#!/usr/bin/env node
/**
 * `curio-catalog build --products <feed> [--interactions <file> | --lists <dir>] --out <dir> [...]`
 * `curio-catalog lists --products <feed> --interactions <file> --out <dir> [--engine duckdb|spark] [...]`
 * `curio-catalog report <reports.jsonl>… [--from day] [--to day] [--json]`
 * See docs/catalog-cli.md.
 */
import { parseBuildArguments, parseListsArguments, USAGE } from './cliArguments.js';
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
import { runLists } from './runLists.js';

const argv = process.argv.slice(2);
if (argv[0] === 'report') runReportCommand(argv.slice(1));
else if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
} else {
  let run: () => Promise<unknown>;
  try {
    if (argv[0] === 'lists') {
      const args = parseListsArguments(argv);
      run = () => runLists(args, streamProgress());
    } else {
      const args = parseBuildArguments(argv);
      run = () => runBuild(args, streamProgress());
    }
  } catch (error) {
    process.stderr.write(`curio-catalog: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  run().catch((error: unknown) => {
    process.stderr.write(`curio-catalog: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
