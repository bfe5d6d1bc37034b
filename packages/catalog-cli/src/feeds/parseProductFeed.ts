import { validateCatalog, type CatalogProduct } from '@curio/core/internal';
import { parseDelimited } from './csv.js';
import { readDelimitedFeed } from './delimitedFeed.js';
import type { FeedIssue, RawFeed } from './feedRecord.js';
import { readJsonFeed } from './jsonFeed.js';
import { readMerchantXmlFeed } from './merchantXmlFeed.js';
import { ExportTable, type LinedProduct } from './platforms/exportTable.js';
import { detectPlatform, PLATFORM_COLUMNS, readPlatformExport, type Platform } from './platforms/platformExports.js';
import { productFromRecord } from './productFromRecord.js';

/** Feed formats the builder reads. */
export type FeedFormat = 'json' | 'csv' | 'tsv' | 'xml';

/** Products read from a feed, and what was skipped (with line numbers). */
export interface ParsedFeed {
  format: FeedFormat;
  /** The shop platform whose export the CSV is, when it is one. */
  platform?: Platform;
  products: CatalogProduct[];
  skipped: FeedIssue[];
}

/** Options of {@link parseProductFeed}. */
export interface FeedOptions {
  /** Time sale-price dates are compared with (ms since the epoch). Default: now. */
  now?: number;
  /** Currency of products whose entry names none, as the catalog will say (checked by the SDK's validation). Default `USD`. */
  currency?: string;
}

/** Column names a plain feed may give a product's id in. */
const ID_COLUMNS = ['id', 'item_id', 'sku', 'offer_id'];

/**
 * Guesses a feed's format from its first non-blank character and first line: `[` or `{` JSON,
 * `<` XML, a tab in the header TSV, else CSV.
 * @param text the whole file
 */
export function detectFeedFormat(text: string): FeedFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('[') || body.startsWith('{')) return 'json';
  if (body.startsWith('<')) return 'xml';
  const firstLine = body.slice(0, body.indexOf('\n') >>> 0);
  return firstLine.includes('\t') ? 'tsv' : 'csv';
}

/** Products of a plain feed (JSON, XML, CSV/TSV with Curio's or Merchant Center's field names). */
function recordProducts(raw: RawFeed, now: number, skipped: FeedIssue[]): LinedProduct[] {
  skipped.push(...raw.issues);
  const products: LinedProduct[] = [];
  for (const record of raw.records) {
    const product = productFromRecord(record.fields, { now });
    if (typeof product === 'string') skipped.push({ line: record.line, message: product });
    else products.push({ line: record.line, product });
  }
  return products;
}

/**
 * Keeps the products the SDK accepts, with the SDK's own validation (`validateCatalog` of
 * @curio/core), so the CLI never writes a product the browser would drop; every other product is
 * reported with its line and the field the SDK names.
 */
function sdkValid(entries: LinedProduct[], currency: string, skipped: FeedIssue[]): LinedProduct[] {
  if (entries.length === 0) return entries;
  let checked;
  try {
    checked = validateCatalog({ version: 1, currency, products: entries.map((e) => e.product) });
  } catch (error) {
    skipped.push({ line: entries[0]!.line, message: `the SDK's catalog validation accepts none of the ${entries.length} products: ${(error as Error).message}` });
    return [];
  }
  const valid = new Set(checked.filePositions);
  // Each alias names one product, as the SDK reads it (a Shopify product id: its first variant, the
  // group counting for all), so the browser never warns about the file.
  checked.filePositions.forEach((position, k) => {
    const aliases = checked.products[k]!.aliases;
    if (aliases?.length) entries[position]!.product.aliases = aliases;
    else delete entries[position]!.product.aliases;
  });
  const problems = checked.problems.values();
  return entries.filter((entry, i) => {
    if (valid.has(i)) return true;
    skipped.push({ line: entry.line, message: `${problems.next().value ?? `product "${entry.product.id}"`}, rejected by the SDK's catalog validation (docs/catalog-format.md)` });
    return false;
  });
}

/**
 * Aliases are unambiguous: an alias that is another product's id, or that an earlier product
 * already answers to, is dropped (a page's id then resolves to exactly one product).
 */
function uniqueAliases(products: CatalogProduct[]): void {
  const claimed = new Set(products.map((p) => p.id));
  for (const product of products) {
    if (!product.aliases) continue;
    const own = product.aliases.filter((alias) => !claimed.has(alias));
    for (const alias of own) claimed.add(alias);
    if (own.length) product.aliases = own;
    else delete product.aliases;
  }
}

/**
 * Reads a product feed (JSON array or lines, CSV, Merchant Center TSV or XML, or a Shopify,
 * WooCommerce, Magento 2 or BigCommerce product export, told apart by its header). Bad records
 * are skipped and reported with their line, the column read and the columns expected; so are
 * repeated ids (the first one wins) and products the SDK's validation would reject.
 * @param text the whole file (already gunzipped)
 * @param format the format, detected from the content when omitted
 */
export function parseProductFeed(text: string, format: FeedFormat = detectFeedFormat(text), options: FeedOptions = {}): ParsedFeed {
  const now = options.now ?? Date.now();
  const skipped: FeedIssue[] = [];
  let entries: LinedProduct[];
  let platform: Platform | undefined;
  if (format === 'json') entries = recordProducts(readJsonFeed(text), now, skipped);
  else if (format === 'xml') entries = recordProducts(readMerchantXmlFeed(text), now, skipped);
  else {
    let table: ExportTable;
    try {
      table = new ExportTable(parseDelimited(text.replace(/^\uFEFF/, ''), format === 'tsv' ? '\t' : ','));
    } catch (error) {
      return { format, products: [], skipped: [{ line: 0, message: (error as Error).message }] };
    }
    platform = detectPlatform(table);
    if (platform) {
      const read = readPlatformExport(platform, table, { now });
      entries = read.products;
      skipped.push(...read.issues);
    } else if (table.header.length > 0 && !ID_COLUMNS.some((c) => table.indexOf(c) !== undefined || table.indexOf(`g:${c}`) !== undefined)) {
      const read = table.header.slice(0, 15).map((c) => `"${c}"`).join(', ') + (table.header.length > 15 ? ', …' : '');
      skipped.push({
        line: 1,
        message: `the header has no id column: read columns ${read}; expected one of ${ID_COLUMNS.join(', ')} (a plain or Merchant Center feed), or every column that identifies a platform export (${PLATFORM_COLUMNS.join('; ')})`,
      });
      entries = [];
    } else entries = recordProducts(readDelimitedFeed(table), now, skipped);
  }
  const seen = new Map<string, number>();
  const distinct = entries.filter(({ line, product }) => {
    const first = seen.get(product.id);
    if (first !== undefined) {
      skipped.push({ line, message: `product ${product.id}: repeats the id of line ${first}` });
      return false;
    }
    seen.set(product.id, line);
    return true;
  });
  // Aliases first: the SDK's validation then finds none claimed twice.
  uniqueAliases(distinct.map((e) => e.product));
  const products = sdkValid(distinct, options.currency ?? 'USD', skipped).map((e) => e.product);
  skipped.sort((a, b) => a.line - b.line);
  return { format, ...(platform ? { platform } : {}), products, skipped };
}
