#!/usr/bin/env node
/**
 * `npx @curio/catalog-cli build --products <feed> [--interactions <file>] --out <dir> [--k 20] [--shards N] [--no-tune] [--currency USD]`
 * See docs/catalog-cli.md.
 */
import { parseBuildArguments, USAGE } from './cliArguments.js';
import { streamProgress } from './progress.js';
import { runBuild } from './runBuild.js';

const argv = process.argv.slice(2);
if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
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
