import { gzipSync } from 'node:zlib';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCatalog } from './build/buildCatalog.js';
import type { BuildArguments } from './cliArguments.js';
import { parseProductFeed } from './feeds/parseProductFeed.js';
import { readInteractions, type InteractionsResult } from './interactions/readInteractions.js';
import { ORDERS_LAYOUTS } from './interactions/ordersExport.js';
import { validateCatalog, type CatalogProduct } from '@curio/core/internal';
import type { Platform } from './feeds/platforms/platformExports.js';
import { readMerchantFile } from './merchantFile.js';
import { autoShardCount, catalogFiles } from './output/catalogFiles.js';
import { sizeReport } from './output/sizeReport.js';
import type { Progress } from './progress.js';
import { readTextFile } from './readTextFile.js';

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
export function runBuild(args: BuildArguments, progress: Progress): string[] {
  const started = Date.now();
  const feed = parseProductFeed(readTextFile(args.products), undefined, { currency: args.currency, now: started });
  const groups = new Set(feed.products.map((p) => p.group).filter(Boolean)).size;
  progress.note(
    `products: ${feed.products.length} read from ${args.products} (${feed.platform ? `${PLATFORM_NAMES[feed.platform]} product export` : feed.format})` +
      (groups ? `, ${groups} variant group${groups === 1 ? '' : 's'}` : ''),
  );
  reportIssues(progress, 'product feed', feed.skipped);
  if (feed.products.length === 0) throw new Error(`no usable products in ${args.products}`);

  let log;
  if (args.interactions) {
    const text = readTextFile(args.interactions);
    const read = readInteractions(text, productIndex(feed.products));
    log = read.log;
    const clicks = log.sequences.reduce((n, s) => n + s.length, 0);
    if (clicks === 0) throw new Error(unknownInteractions(args.interactions, text, read));
    progress.note(`interactions: ${log.sequences.length} ${log.kind} with ${clicks} known items from ${args.interactions} (${read.readAs})`);
    if (read.unknownItems > 0) progress.note(`  skipped ${read.unknownItems} references to items not in the feed`);
    if (read.shortSequences > 0) progress.note(`  ${read.shortSequences} ${log.kind} have fewer than 2 known items (popularity only)`);
    reportIssues(progress, 'interactions', read.badLines);
  }

  const built = buildCatalog(feed.products, log, { k: args.k, tune: args.tune, progress, currency: args.currency });
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

  const shards = args.shards ?? autoShardCount(feed.products.length);
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
  return files.map((f) => join(args.out, f.path));
}

/** Product id and every alias → product position, so interactions may name a product by any of its ids. */
function productIndex(products: CatalogProduct[]): Map<string, number> {
  const index = new Map<string, number>();
  products.forEach((p, i) => index.set(p.id, i));
  products.forEach((p, i) => p.aliases?.forEach((alias) => index.has(alias) || index.set(alias, i)));
  return index;
}

/** Why an interactions file in which no item is known fails the build: how it was read, what it holds, what fits. */
function unknownInteractions(path: string, text: string, read: InteractionsResult): string {
  const firstLine = /^[ \t\r]*(\S[^\n]*)$/m.exec(text)?.[1]?.trim() ?? '';
  return (
    `${path}: no item of the file is a product of the feed (${read.unknownItems} unknown item references, ${read.badLines.length} bad lines).\n` +
    `  read as ${read.readAs}; its first line is "${firstLine.length > 120 ? `${firstLine.slice(0, 120)}…` : firstLine}".\n` +
    `  Expected: sessions (product ids separated by spaces, one session per line), order history "order_id,item_id[,timestamp]", ` +
    `or an orders export with one row per line item: ${ORDERS_LAYOUTS.map((l) => `${l.name} (order ${l.order.map((c) => `"${c}"`).join('/')}, item ${l.items.map((c) => `"${c}"`).join('/')})`).join('; ')}.\n` +
    `  Item ids must be product ids or aliases of the feed (SKU, platform product or variant id): see docs/catalog-cli.md`
  );
}

function reportIssues(progress: Progress, source: string, issues: Array<{ line: number; message: string }>): void {
  if (issues.length === 0) return;
  progress.note(`${source}: skipped ${issues.length} bad line(s):`);
  for (const issue of issues.slice(0, LISTED_ISSUES)) progress.note(`  line ${issue.line}: ${issue.message}`);
  if (issues.length > LISTED_ISSUES) progress.note(`  … and ${issues.length - LISTED_ISSUES} more`);
}
