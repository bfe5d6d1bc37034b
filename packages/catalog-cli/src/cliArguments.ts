/** Command-line arguments of `curio-catalog build`. */

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
}

/** Usage text shown by `--help` and after argument errors. */
export const USAGE = `Usage: npx @curio/catalog-cli build --products <feed> [--interactions <file>] --out <dir>
                                  [--k 20] [--shards N] [--compact] [--no-tune] [--currency USD] [--rules <file>]

  --products      product feed: JSON (array or lines), CSV, Google Merchant Center TSV or XML, or a
                  Shopify, WooCommerce, Magento 2 or BigCommerce product export (CSV) (.gz ok)
  --interactions  order history CSV (order_id,item_id[,timestamp]), a Shopify or WooCommerce orders
                  export, or sessions (one per line, item ids separated by spaces); the format is
                  detected from the content (.gz ok)
  --out           output directory (catalog.json, neighbors/*.bin, tuning-report.json)
  --k             neighbours kept per item and list (default 20)
  --shards        number of neighbour shard files; 0 = rows inline (default: auto, shards
                  above 2,000 products with ~64 items per shard)
  --compact       large catalogs: products' ranking features in features.bin, their records in
                  products/*.json fetched on demand (same shard count), instead of catalog.json
  --currency      ISO 4217 code for products whose price names no currency (default USD)
  --rules         JSON file { "rules": [...], "collections": [...] }: the shop's rules and curated
                  collections, checked and written into catalog.json (docs/rules.md)
  --no-tune       keep the SDK's default ranking weights instead of tuning them on held-out data

Docs: docs/catalog-cli.md`;

/**
 * Parses `build …` arguments.
 * @param argv arguments after the node binary and script
 * @throws Error with a message saying what to change
 */
export function parseBuildArguments(argv: string[]): BuildArguments {
  const [command, ...rest] = argv;
  if (command !== 'build') throw new Error(command ? `unknown command "${command}"` : 'missing command "build"');
  const values = new Map<string, string>();
  let tune = true;
  let compact = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--no-tune' || arg === '--compact') {
      if (arg === '--no-tune') tune = false;
      else compact = true;
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!['--products', '--interactions', '--out', '--k', '--shards', '--currency', '--rules'].includes(name)) throw new Error(`unknown option "${arg}"`);
    const value = inline ?? rest[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`option ${name} needs a value`);
    values.set(name.slice(2), value);
  }
  const products = values.get('products');
  const out = values.get('out');
  if (!products) throw new Error('--products <feed> is required');
  if (!out) throw new Error('--out <dir> is required');
  const integer = (name: string, min: number): number | undefined => {
    const text = values.get(name);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${text}"`);
    return n;
  };
  const interactions = values.get('interactions');
  const rules = values.get('rules');
  const shards = integer('shards', 0);
  const currency = values.get('currency') ?? 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`--currency must be an ISO 4217 code such as EUR, got "${currency}"`);
  return {
    products,
    out,
    k: integer('k', 1) ?? 20,
    tune,
    compact,
    currency,
    ...(interactions ? { interactions } : {}),
    ...(rules ? { rules } : {}),
    ...(shards !== undefined ? { shards } : {}),
  };
}
