import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeLists, readInteractionsIntoEngine } from './build/buildCatalogWithEngine.js';
import type { ListsArguments } from './cliArguments.js';
import { engineOptions } from './engine/engineOptions.js';
import { ListEngine } from './engine/listEngine.js';
import { sqlDirectory } from './engine/listQueries.js';
import { productsHash } from './engine/listSource.js';
import { writeListsDirectory } from './engine/listsDirectory.js';
import { parseProductFeed } from './feeds/parseProductFeed.js';
import type { Progress } from './progress.js';
import { readTextFile } from './readTextFile.js';

/**
 * Runs `curio-catalog lists`: computes the neighbour lists, popularity and tuning data of a log
 * and writes them as Parquet into `--out` (see engine/listsDirectory.ts), with DuckDB here or
 * with the shipped Spark job (`spark/curio_lists.py`, submitted with `--spark-submit`).
 * @param args parsed command-line arguments
 * @param progress where messages go
 * @returns the paths written (DuckDB) or the lists folder (Spark)
 */
export async function runLists(args: ListsArguments, progress: Progress): Promise<string[]> {
  const feed = parseProductFeed(readTextFile(args.products));
  if (feed.products.length === 0) throw new Error(`no usable products in ${args.products}`);
  const ids = feed.products.map((p) => p.id);
  progress.note(`products: ${ids.length} read from ${args.products} (${feed.format})`);
  if (args.engine === 'spark') return submitSparkJob(args, ids, progress);
  const engine = await ListEngine.open(engineOptions(args), progress);
  try {
    const read = await readInteractionsIntoEngine(engine, args.interactions, ids, feed.products.map((p) => p.aliases));
    progress.note(`interactions: ${read.sequences} ${read.kind} with ${read.clicks} known items from ${args.interactions}`);
    const source = await computeLists(engine, read, { k: args.k, tune: args.tune });
    const version = String((await engine.rows('SELECT version()'))[0]![0]).replace(/^v/, '');
    const written = await writeListsDirectory(engine, source, args.out, {
      format: 'curio-lists',
      version: 1,
      engine: `duckdb ${version}`,
      kind: read.kind,
      sequences: read.sequences,
      split: source.split ?? null,
      k: args.k,
      products: ids.length,
      productsSha256: productsHash(ids),
    });
    progress.note(`wrote ${written.length} files to ${args.out}; turn them into catalog files with: curio-catalog build --products ${args.products} --lists ${args.out} --out <dir>`);
    return written;
  } finally {
    engine.close();
  }
}

/** The shipped PySpark job (next to `dist/` when built, two levels up from `src/` in tests). */
export function sparkJobPath(): string {
  for (const relative of ['../spark/curio_lists.py', '../../spark/curio_lists.py']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error("the catalog CLI's spark/ folder is missing from its installation");
}

/** Single-quotes a word for a POSIX shell. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * Writes the feed's product index next to the lists (`products.csv`: idx,id) and submits the
 * Spark job, which runs the package's SQL on the cluster and writes the lists folder.
 */
function submitSparkJob(args: ListsArguments, ids: string[], progress: Progress): string[] {
  mkdirSync(args.out, { recursive: true });
  const products = join(args.out, 'products.csv');
  writeFileSync(products, `idx,id\n${ids.map((id, i) => `${i},"${id.replaceAll('"', '""')}"`).join('\n')}\n`);
  const job = [sparkJobPath(), '--products', products, '--interactions', args.interactions, '--out', args.out, '--sql', sqlDirectory(), '--k', String(args.k)];
  if (!args.tune) job.push('--no-tune');
  const command = `${args.sparkSubmit} ${job.map(shellWord).join(' ')}`;
  progress.note(`submitting: ${command}`);
  const result = spawnSync(command, { shell: true, stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    throw new Error(
      `the Spark job failed (${result.error?.message ?? `exit code ${result.status}`}). Is "${args.sparkSubmit.split(' ')[0]}" on the PATH? ` +
        `Run the command above by hand to see Spark's own messages (docs/catalog-cli.md, "Lists on Spark").`,
    );
  }
  progress.note(`Spark wrote the lists to ${args.out}; turn them into catalog files with: curio-catalog build --products ${args.products} --lists ${args.out} --out <dir>`);
  return [args.out];
}
