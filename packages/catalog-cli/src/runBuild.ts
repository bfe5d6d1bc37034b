import { gzipSync } from 'node:zlib';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateCatalog, type CatalogProduct } from '@curio/core/internal';
import { buildCatalog, type BuiltCatalog } from './build/buildCatalog.js';
import { buildCatalogWithEngine } from './build/buildCatalogWithEngine.js';
import { buildFromListsDirectory } from './build/buildFromListsDirectory.js';
import { engineOptions } from './engine/engineOptions.js';
import type { LoadedInteractions } from './engine/loadInteractions.js';
import type { BuildArguments } from './cliArguments.js';
import { parseProductFeed } from './feeds/parseProductFeed.js';
import { isPositionalOrderHeader, PLAIN_READ_AS, readInteractions, type InteractionsResult } from './interactions/readInteractions.js';
import { convertOrdersExport, ORDERS_LAYOUTS } from './interactions/ordersExport.js';
import { peekFile } from './engine/peekFile.js';
import type { Platform } from './feeds/platforms/platformExports.js';
import { readMerchantFile } from './merchantFile.js';
import { catalogFiles, neighborShardCount } from './output/catalogFiles.js';
import { sizeReport } from './output/sizeReport.js';
import type { Progress } from './progress.js';
import { readTextFile } from './readTextFile.js';
import { preloadHint, preloadNote } from './output/preloadHint.js';

/** Platform names as shops know them. */
const PLATFORM_NAMES: Record<Platform, string> = { shopify: 'Shopify', woocommerce: 'WooCommerce', magento: 'Magento 2', bigcommerce: 'BigCommerce' };

/** How many skipped lines are listed one by one before a summary. */
const LISTED_ISSUES = 20;

/**
 * Runs `curio-catalog build`: reads the feed and interactions, builds (and tunes) the catalog,
 * writes its files into `--out`, and reports on `progress`.
 * @param args parsed command-line arguments
 * @param progress where messages go (stderr in the CLI)
 * @returns the paths written
 */
export async function runBuild(args: BuildArguments, progress: Progress): Promise<string[]> {
  const started = Date.now();
  const feed = parseProductFeed(readTextFile(args.products), undefined, { currency: args.currency, now: started });
  const groups = new Set(feed.products.map((p) => p.group).filter(Boolean)).size;
  progress.note(
    `products: ${feed.products.length} read from ${args.products} (${feed.platform ? `${PLATFORM_NAMES[feed.platform]} product export` : feed.format})` +
      (groups ? `, ${groups} variant group${groups === 1 ? '' : 's'}` : ''),
  );
  reportIssues(progress, 'product feed', feed.skipped);
  if (feed.products.length === 0) throw new Error(`no usable products in ${args.products}`);

  const built = await buildLists(args, feed.products, progress);
  if (built.tuning) {
    const { start, tuned, holdout, weights } = built.tuning;
    progress.note(
      `tuning: held-out ${holdout.replayedCases} of ${holdout.cases} cases; HR@20 ${start.hr.toFixed(2)} → ${tuned.hr.toFixed(2)}, ` +
        `MRR@20 ${start.mrr.toFixed(2)} → ${tuned.mrr.toFixed(2)}\n  weights: ${JSON.stringify(weights)}`,
    );
  }

  if (args.rules) {
    const merchant = readMerchantFile(readTextFile(args.rules), args.rules);
    Object.assign(built.catalog, merchant);
    progress.note(`rules: ${merchant.rules?.length ?? 0} rules and ${merchant.collections?.length ?? 0} collections from ${args.rules}`);
  }

  // The browser runs the same validation: a catalog it would refuse (or products it would drop) is never written.
  const checked = validateCatalog(built.catalog);
  if (checked.problems.length) throw new Error(`the built catalog fails the SDK's validation: ${checked.problems.slice(0, 5).join('; ')}`);

  const shards = args.shards ?? neighborShardCount(built);
  const files = catalogFiles(built, shards, args.compact);
  for (const dir of ['neighbors', 'products']) rmSync(join(args.out, dir), { recursive: true, force: true });
  for (const file of files) {
    const path = join(args.out, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
  const size = sizeReport(built, files);
  progress.note(
    `wrote ${files.length} files to ${args.out}: catalog.json ${(size.catalogBytes / 1024).toFixed(1)} KB gzip` +
      (shards > 0 && built.tables.length > 0 ? `, ${shards} neighbour shards` : '') +
      (args.compact ? `, features.bin ${(gzipSync(files.find((f) => f.path === 'features.bin')!.bytes).length / 1024).toFixed(1)} KB gzip` : '') +
      (built.tables.length > 0
        ? `; neighbours ${size.bytesPerItemPerList.toFixed(1)} B/item/list gzip (K=${args.k}, ${size.itemsWithRows} items); ` +
          `a visit with ~10 clicks loads ${(size.bytesPerVisit / 1024).toFixed(1)} KB gzip`
        : '') +
      ` (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  const preload = preloadNote(preloadHint(built.catalog, built.tables.length > 0 ? shards : 0, Boolean(args.compact)));
  if (preload) progress.note(preload);
  return files.map((f) => join(args.out, f.path));
}

/**
 * The catalog's lists: from a lists folder, from the interactions with the engine (default) or in
 * memory, or none without interactions. Platform orders exports (Shopify, WooCommerce) are read in
 * memory: their columns need converting, and such exports are small.
 */
async function buildLists(args: BuildArguments, products: CatalogProduct[], progress: Progress): Promise<BuiltCatalog> {
  const options = { k: args.k, tune: args.tune, progress, currency: args.currency };
  if (args.lists) return buildFromListsDirectory(products, args.lists, { ...options, engine: engineOptions(args) });
  const path = args.interactions;
  if (!path) return buildCatalog(products, undefined, options);
  if (args.engine === 'duckdb' && engineReads(path)) {
    const onRead = (read: LoadedInteractions): void => {
      if (read.clicks === 0) throw new Error(unknownInteractions(path, peekFile(path).head, { ...read, readAs: PLAIN_READ_AS[read.kind] }));
      reportInteractions(progress, path, read);
    };
    return (await buildCatalogWithEngine(products, path, { ...options, engine: engineOptions(args), onRead })).built;
  }
  const text = readTextFile(path);
  const read = readInteractions(text, productIndex(products));
  const clicks = read.log.sequences.reduce((n, s) => n + s.length, 0);
  if (clicks === 0) throw new Error(unknownInteractions(path, text, read));
  reportInteractions(progress, path, { ...read, kind: read.log.kind, sequences: read.log.sequences.length, clicks });
  return buildCatalog(products, read.log, options);
}

/** True when the engine reads the file as it is: Parquet, sessions, or order history `order_id,item_id[,timestamp]` by position. */
function engineReads(path: string): boolean {
  const peek = peekFile(path);
  if (peek.parquet) return true;
  const firstLine = peek.head.replace(/^\uFEFF/, '').split('\n', 1)[0]!.trim();
  return isPositionalOrderHeader(firstLine) || !convertOrdersExport(firstLine, () => true);
}

/** Product id and every alias → product position, so interactions may name a product by any of its ids. */
function productIndex(products: CatalogProduct[]): Map<string, number> {
  const index = new Map<string, number>();
  products.forEach((p, i) => index.set(p.id, i));
  products.forEach((p, i) => p.aliases?.forEach((alias) => index.has(alias) || index.set(alias, i)));
  return index;
}

/** Why an interactions file in which no item is known fails the build: how it was read, what it holds, what fits. */
function unknownInteractions(path: string, text: string, read: Pick<InteractionsResult, 'unknownItems' | 'badLines' | 'readAs'>): string {
  const firstLine = /^[ \t\r]*(\S[^\n]*)$/m.exec(text)?.[1]?.trim() ?? '';
  return (
    `${path}: no item of the file is a product of the feed (${read.unknownItems} unknown item references, ${read.badLines.length} bad lines).\n` +
    `  read as ${read.readAs}; its first line is "${firstLine.length > 120 ? `${firstLine.slice(0, 120)}…` : firstLine}".\n` +
    `  Expected: sessions (product ids separated by spaces, one session per line), order history "order_id,item_id[,timestamp]", ` +
    `or an orders export with one row per line item: ${ORDERS_LAYOUTS.map((l) => `${l.name} (order ${l.order.map((c) => `"${c}"`).join('/')}, item ${l.items.map((c) => `"${c}"`).join('/')})`).join('; ')}.\n` +
    `  Item ids must be product ids or aliases of the feed (SKU, platform product or variant id): see docs/catalog-cli.md`
  );
}

/** Notes what was read from the interactions file. */
function reportInteractions(progress: Progress, path: string, read: Omit<LoadedInteractions, 'badLineCount'> & { badLineCount?: number; readAs?: string }): void {
  progress.note(`interactions: ${read.sequences} ${read.kind} with ${read.clicks} known items from ${path}${read.readAs ? ` (${read.readAs})` : ''}`);
  if (read.unknownItems > 0) progress.note(`  skipped ${read.unknownItems} references to items not in the feed`);
  if (read.shortSequences > 0) progress.note(`  ${read.shortSequences} ${read.kind} have fewer than 2 known items (popularity only)`);
  reportIssues(progress, 'interactions', read.badLines, read.badLineCount);
}

function reportIssues(progress: Progress, source: string, issues: Array<{ line: number; message: string }>, count = issues.length): void {
  if (count === 0) return;
  progress.note(`${source}: skipped ${count} bad line(s):`);
  for (const issue of issues.slice(0, LISTED_ISSUES)) progress.note(`  line ${issue.line}: ${issue.message}`);
  if (count > LISTED_ISSUES) progress.note(`  … and ${count - LISTED_ISSUES} more`);
}
