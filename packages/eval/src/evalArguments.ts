/** Command-line arguments of the evaluation. */

/** Parsed arguments. */
export interface EvalArguments {
  train: string;
  test: string;
  items?: string;
  /** Neighbours per item and list in the built catalog. */
  k: number;
  /** Worker threads. */
  workers: number;
}

/** Usage text. */
export const EVAL_USAGE = `Usage: node packages/eval/dist/cli.js --train <sessions.gz> --test <sessions.gz> [--items <items.tsv.gz>] [--k 20] [--workers 2]
See docs/evaluation.md.`;

/**
 * Parses `--name value` pairs.
 * @param argv arguments after the script
 * @param defaultWorkers worker count when `--workers` is not given
 * @throws Error saying what is wrong
 */
export function parseEvalArguments(argv: string[], defaultWorkers: number): EvalArguments {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!;
    const value = argv[i + 1];
    if (!['--train', '--test', '--items', '--k', '--workers'].includes(name)) throw new Error(`unknown option "${name}"`);
    if (value === undefined) throw new Error(`option ${name} needs a value`);
    values.set(name.slice(2), value);
  }
  const train = values.get('train');
  const test = values.get('test');
  if (!train || !test) throw new Error('--train and --test are required');
  const positive = (name: string, fallback: number): number => {
    const text = values.get(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${text}"`);
    return n;
  };
  const items = values.get('items');
  return { train, test, k: positive('k', 20), workers: positive('workers', defaultWorkers), ...(items ? { items } : {}) };
}
