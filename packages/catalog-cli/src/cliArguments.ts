/** Command-line arguments of `curio-catalog build` and `curio-catalog lists`. */
import { checkMemoryLimit } from './engine/engineOptions.js';

/** Parsed arguments of the `build` command. */
export interface BuildArguments {
  products: string;
  interactions?: string;
  out: string;
  k: number;
  /** Shard count; undefined = automatic, 0 = rows inline. */
  shards?: number;
  tune: boolean;
  /** Write the compact form: features.bin + product shards instead of products in catalog.json. */
  compact: boolean;
  /** Currency of products whose feed entry names none. */
  currency: string;
  /** JSON file with the shop's `rules` and `collections`, copied into the catalog. */
  rules?: string;
  /** A lists folder (`curio-catalog lists`) used instead of computing lists from `interactions`. */
  lists?: string;
  /** Where lists are computed: the embedded engine (default) or in memory (small logs). */
  engine: 'duckdb' | 'memory';
  /** The engine's resources. */
  memoryLimit?: string;
  threads?: number;
  tempDir?: string;
}

/** Usage text shown by `--help` and after argument errors. */
export const USAGE = `Usage: npx @curio/catalog-cli build --products <feed> [--interactions <file> | --lists <dir>] --out <dir>
                                  [--k 20] [--shards N] [--compact] [--no-tune] [--currency USD] [--rules <file>]
                                  [--engine duckdb|memory] [--memory-limit 8GB] [--threads N] [--temp-dir <dir>]
       npx @curio/catalog-cli lists --products <feed> --interactions <file> --out <dir> [--k 20] [--no-tune]
                                  [--engine duckdb|spark] [--spark-submit "<command>"] [--memory-limit 8GB] [--threads N]
       npx @curio/catalog-cli report <reports.jsonl>… [--from day] [--to day] [--json]

  --products      product feed: JSON (array or lines), CSV, Google Merchant Center TSV or XML, or a
                  Shopify, WooCommerce, Magento 2 or BigCommerce product export (CSV) (.gz ok)
  --interactions  order history CSV (order_id,item_id[,timestamp]), a Shopify or WooCommerce orders
                  export, or sessions (one per line, item ids separated by spaces); the format is
                  detected from the content (.gz ok); or Parquet with order_id or session_id,
                  item_id [, timestamp] columns
  --lists         a lists folder written by \`curio-catalog lists\` (DuckDB or Spark), instead of --interactions
  --out           output directory (catalog.json, neighbors/*.bin, tuning-report.json)
  --k             neighbours kept per item and list (default 20)
  --shards        number of neighbour shard files; 0 = rows inline (default: inline while catalog.json
                  stays within 40 KB gzip, else shards of ~1.5 KB gzip)
  --compact       large catalogs: products' ranking features in features.bin, their records in
                  products/*.json fetched on demand (same shard count), instead of catalog.json
  --currency      ISO 4217 code for products whose price names no currency (default USD)
  --rules         JSON file { "rules": [...], "collections": [...] }: the shop's rules and curated
                  collections, checked and written into catalog.json (docs/rules.md)
  --no-tune       keep the SDK's default ranking weights instead of tuning them on held-out data
  --engine        build: duckdb (default; streams the log, out of core) or memory (small logs);
                  lists: duckdb (default) or spark (runs the shipped spark-submit job)
  --memory-limit  the engine's memory limit, e.g. 8GB or 75% (default 80% of the machine)
  --threads       the engine's threads (default: one per core)
  --temp-dir      where the engine spills what does not fit in memory (default the system temp dir)
  --spark-submit  the command that submits a Spark job (default "spark-submit"), e.g. "spark-submit --master yarn"

The lists command writes the neighbour lists, popularity and tuning data as Parquet into --out;
\`build --lists <dir>\` turns them into catalog files.

Docs: docs/catalog-cli.md`;

/** Parsed arguments of the `lists` command. */
export interface ListsArguments {
  products: string;
  interactions: string;
  out: string;
  k: number;
  tune: boolean;
  engine: 'duckdb' | 'spark';
  sparkSubmit: string;
  memoryLimit?: string;
  threads?: number;
  tempDir?: string;
}

const FLAGS = ['--no-tune', '--compact'];
const BUILD_OPTIONS = ['--products', '--interactions', '--out', '--k', '--shards', '--currency', '--rules', '--lists', '--engine', '--memory-limit', '--threads', '--temp-dir'];
const LISTS_OPTIONS = ['--products', '--interactions', '--out', '--k', '--engine', '--memory-limit', '--threads', '--temp-dir', '--spark-submit'];

/** Options and flags of one command. */
interface Parsed {
  values: Map<string, string>;
  flags: Set<string>;
  integer(name: string, min: number): number | undefined;
}

function parseOptions(rest: string[], allowed: string[], flags: string[]): Parsed {
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (flags.includes(arg)) {
      set.add(arg);
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!allowed.includes(name)) throw new Error(`unknown option "${arg}"`);
    const value = inline ?? rest[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`option ${name} needs a value`);
    values.set(name.slice(2), value);
  }
  const integer = (name: string, min: number): number | undefined => {
    const text = values.get(name);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${text}"`);
    return n;
  };
  return { values, flags: set, integer };
}

/** The engine options shared by both commands. */
function engineResources(parsed: Parsed): Pick<BuildArguments, 'memoryLimit' | 'threads' | 'tempDir'> {
  const memoryLimit = parsed.values.get('memory-limit');
  const threads = parsed.integer('threads', 1);
  const tempDir = parsed.values.get('temp-dir');
  return {
    ...(memoryLimit !== undefined ? { memoryLimit: checkMemoryLimit(memoryLimit) } : {}),
    ...(threads !== undefined ? { threads } : {}),
    ...(tempDir ? { tempDir } : {}),
  };
}

/**
 * Parses `lists …` arguments.
 * @param argv arguments after the node binary and script
 * @throws Error with a message saying what to change
 */
export function parseListsArguments(argv: string[]): ListsArguments {
  const [command, ...rest] = argv;
  if (command !== 'lists') throw new Error(`expected the command "lists", got "${command}"`);
  const parsed = parseOptions(rest, LISTS_OPTIONS, ['--no-tune']);
  const { values } = parsed;
  for (const name of ['products', 'interactions', 'out']) if (!values.get(name)) throw new Error(`--${name} is required`);
  const engine = values.get('engine') ?? 'duckdb';
  if (engine !== 'duckdb' && engine !== 'spark') throw new Error(`--engine must be duckdb or spark for lists, got "${engine}"`);
  return {
    products: values.get('products')!,
    interactions: values.get('interactions')!,
    out: values.get('out')!,
    k: parsed.integer('k', 1) ?? 20,
    tune: !parsed.flags.has('--no-tune'),
    engine,
    sparkSubmit: values.get('spark-submit') ?? 'spark-submit',
    ...engineResources(parsed),
  };
}

/**
 * Parses `build …` arguments.
 * @param argv arguments after the node binary and script
 * @throws Error with a message saying what to change
 */
export function parseBuildArguments(argv: string[]): BuildArguments {
  const [command, ...rest] = argv;
  if (command !== 'build') throw new Error(command ? `unknown command "${command}"` : 'missing command "build"');
  const parsed = parseOptions(rest, BUILD_OPTIONS, FLAGS);
  const { values, integer } = parsed;
  const products = values.get('products');
  const out = values.get('out');
  if (!products) throw new Error('--products <feed> is required');
  if (!out) throw new Error('--out <dir> is required');
  const interactions = values.get('interactions');
  const lists = values.get('lists');
  if (interactions && lists) throw new Error('give either --interactions or --lists, not both');
  const rules = values.get('rules');
  const shards = integer('shards', 0);
  const currency = values.get('currency') ?? 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`--currency must be an ISO 4217 code such as EUR, got "${currency}"`);
  const engine = values.get('engine') ?? 'duckdb';
  if (engine !== 'duckdb' && engine !== 'memory') throw new Error(`--engine must be duckdb or memory for build, got "${engine}" (Spark: curio-catalog lists --engine spark)`);
  return {
    products,
    out,
    k: integer('k', 1) ?? 20,
    tune: !parsed.flags.has('--no-tune'),
    compact: parsed.flags.has('--compact'),
    currency,
    engine,
    ...(interactions ? { interactions } : {}),
    ...(lists ? { lists } : {}),
    ...(rules ? { rules } : {}),
    ...(shards !== undefined ? { shards } : {}),
    ...engineResources(parsed),
  };
}
