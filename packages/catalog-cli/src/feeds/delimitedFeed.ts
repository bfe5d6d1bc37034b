import type { RawFeed } from './feedRecord.js';
import type { ExportTable } from './platforms/exportTable.js';

/**
 * Reads a plain CSV or TSV feed (Google Merchant Center TSV included): the header names the
 * columns (`g:` prefixes dropped, case-insensitive).
 * @param table the parsed file
 */
export function readDelimitedFeed(table: ExportTable): RawFeed {
  const feed: RawFeed = { records: [], issues: [...table.issues] };
  for (const row of table.rows) {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of row.values()) {
      const key = name.toLowerCase().replace(/^g:/, '');
      if (!(key in fields)) fields[key] = value;
    }
    feed.records.push({ line: row.line, fields });
  }
  return feed;
}
