/** Command-line arguments of the evaluation. */
import type { ReplayPlacement } from '@curio/catalog-cli';

/** Parsed arguments. */
export interface EvalArguments {
  train: string;
  test: string;
  items?: string;
  /** Neighbours per item and list in the built catalog. */
  k: number;
  /** Worker threads. */
  workers: number;
  /** Where the picks are shown. Default `home`. */
  placement: ReplayPlacement;
  /** Also replay every case after an unrelated visit a week earlier. */
  history: boolean;
  /** Also replay every case after the same unrelated browsing minutes earlier in the session. */
  detour: boolean;
  /** Replay at most this many test sessions, evenly spread (quicker runs while iterating). */
  sessions?: number;
  /** A built catalog to reuse (written there when missing): skips the builder and its tuning. */
  catalog?: string;
}

/** Usage text. */
export const EVAL_USAGE = `Usage: node packages/eval/dist/cli.js --train <sessions.gz> --test <sessions.gz> [--items <items.tsv.gz>]
       [--placement home|product|category|cart] [--history] [--detour] [--sessions N] [--catalog built.json] [--k 20] [--workers 2]
See docs/evaluation.md.`;

const VALUED = ['--train', '--test', '--items', '--k', '--workers', '--placement', '--sessions', '--catalog'];
const FLAGS = ['--history', '--detour'];
const PLACEMENTS = ['home', 'product', 'category'];

/**
 * Parses `--name value` pairs and the `--history` / `--detour` flags.
 * @param argv arguments after the script
 * @param defaultWorkers worker count when `--workers` is not given
 * @throws Error saying what is wrong
 */
export function parseEvalArguments(argv: string[], defaultWorkers: number): EvalArguments {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!;
    if (FLAGS.includes(name)) {
      flags.add(name.slice(2));
      continue;
    }
    if (!VALUED.includes(name)) throw new Error(`unknown option "${name}"`);
    const value = argv[++i];
    if (value === undefined) throw new Error(`option ${name} needs a value`);
    values.set(name.slice(2), value);
  }
  const train = values.get('train');
  const test = values.get('test');
  if (!train || !test) throw new Error('--train and --test are required');
  const positive = (name: string, fallback?: number): number | undefined => {
    const text = values.get(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${text}"`);
    return n;
  };
  const placement = values.get('placement') ?? 'home';
  if (placement === 'cart') {
    throw new Error('--placement cart is not measurable on click logs: the session files have no add-to-cart or purchase events (docs/evaluation.md); the cart contract is checked by packages/core/test/cases/ranking.json');
  }
  if (!PLACEMENTS.includes(placement)) throw new Error(`--placement must be one of home, product, category, cart; got "${placement}"`);
  const items = values.get('items');
  const catalog = values.get('catalog');
  const sessions = positive('sessions');
  return {
    train,
    test,
    k: positive('k', 20)!,
    workers: positive('workers', defaultWorkers)!,
    placement: placement as ReplayPlacement,
    history: flags.has('history'),
    detour: flags.has('detour'),
    ...(items ? { items } : {}),
    ...(sessions ? { sessions } : {}),
    ...(catalog ? { catalog } : {}),
  };
}
