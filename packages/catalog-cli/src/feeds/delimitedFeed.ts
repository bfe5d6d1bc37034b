import { parseDelimited } from './csv.js';
import type { RawFeed } from './feedRecord.js';

/**
 * Reads a CSV or TSV feed (Google Merchant Center TSV included): the first record is the header
 * of column names (`g:` prefixes dropped, case-insensitive).
 * @param text the whole file
 * @param delimiter `,` or a tab
 */
export function readDelimitedFeed(text: string, delimiter: string): RawFeed {
  let rows;
  try {
    rows = parseDelimited(text.replace(/^\uFEFF/, ''), delimiter);
  } catch (error) {
    return { records: [], issues: [{ line: 0, message: (error as Error).message }] };
  }
  const [header, ...body] = rows;
  if (!header) return { records: [], issues: [] };
  const names = header.fields.map((name) => name.trim().toLowerCase().replace(/^g:/, ''));
  const feed: RawFeed = { records: [], issues: [] };
  for (const row of body) {
    if (row.fields.length !== names.length) {
      feed.issues.push({ line: row.line, message: `expected ${names.length} fields, found ${row.fields.length}` });
      continue;
    }
    const fields: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const value = row.fields[i]!.trim();
      if (value !== '' && !(name in fields)) fields[name] = value;
    });
    feed.records.push({ line: row.line, fields });
  }
  return feed;
}
