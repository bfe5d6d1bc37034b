import type { CatalogProduct } from '@curio/core/internal';
import { readDelimitedFeed } from './delimitedFeed.js';
import type { FeedIssue, RawFeed } from './feedRecord.js';
import { readJsonFeed } from './jsonFeed.js';
import { readMerchantXmlFeed } from './merchantXmlFeed.js';
import { productFromRecord } from './productFromRecord.js';

/** Feed formats the builder reads. */
export type FeedFormat = 'json' | 'csv' | 'tsv' | 'xml';

/** Products read from a feed, and what was skipped (with line numbers). */
export interface ParsedFeed {
  format: FeedFormat;
  products: CatalogProduct[];
  skipped: FeedIssue[];
}

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

/**
 * Reads a product feed (JSON array or lines, CSV, Merchant Center TSV or XML). Bad records are
 * skipped and reported with their line; so are repeated ids (the first one wins).
 * @param text the whole file (already gunzipped)
 * @param format the format, detected from the content when omitted
 */
export function parseProductFeed(text: string, format: FeedFormat = detectFeedFormat(text)): ParsedFeed {
  const raw: RawFeed =
    format === 'json'
      ? readJsonFeed(text)
      : format === 'xml'
        ? readMerchantXmlFeed(text)
        : readDelimitedFeed(text, format === 'tsv' ? '\t' : ',');
  const skipped = [...raw.issues];
  const products: CatalogProduct[] = [];
  const seen = new Map<string, number>();
  for (const record of raw.records) {
    const product = productFromRecord(record.fields);
    if (typeof product === 'string') {
      skipped.push({ line: record.line, message: product });
    } else if (seen.has(product.id)) {
      skipped.push({ line: record.line, message: `product ${product.id}: repeats the id of line ${seen.get(product.id)}` });
    } else {
      seen.set(product.id, record.line);
      products.push(product);
    }
  }
  skipped.sort((a, b) => a.line - b.line);
  return { format, products, skipped };
}
