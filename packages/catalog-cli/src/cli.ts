#!/usr/bin/env node
/**
 * `curio-catalog build --products <feed> [--interactions <file> | --lists <dir>] --out <dir> [...]`
 * `curio-catalog lists --products <feed> --interactions <file> --out <dir> [--engine duckdb|spark] [...]`
 * See docs/catalog-cli.md.
 */
import { parseBuildArguments, parseListsArguments, USAGE } from './cliArguments.js';
import { streamProgress } from './progress.js';
import { runBuild } from './runBuild.js';
import { runLists } from './runLists.js';

const argv = process.argv.slice(2);
if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
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
