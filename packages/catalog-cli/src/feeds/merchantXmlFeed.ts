import type { RawFeed } from './feedRecord.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes CDATA sections and XML entities of an element's text. */
function decodeXmlText(raw: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(raw);
  if (cdata) return cdata[1]!.trim();
  return raw
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .trim();
}

/**
 * Reads a Google Merchant Center XML feed (RSS 2.0 `<item>` or Atom `<entry>` elements with
 * `g:` fields). Nested elements (e.g. `g:shipping`) are ignored; a repeated field keeps its
 * first value.
 * @param text the whole file
 */
export function readMerchantXmlFeed(text: string): RawFeed {
  const feed: RawFeed = { records: [], issues: [] };
  const itemPattern = /<(item|entry)\b[^>]*>([\s\S]*?)<\/\1>/g;
  let line = 1;
  let counted = 0;
  for (let match = itemPattern.exec(text); match; match = itemPattern.exec(text)) {
    for (let i = counted; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    counted = match.index;
    const fields: Record<string, unknown> = {};
    const fieldPattern = /<([a-zA-Z_][\w.-]*:)?([a-zA-Z_][\w.-]*)\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1?\2\s*>)/g;
    const body = match[2]!;
    for (let field = fieldPattern.exec(body); field; field = fieldPattern.exec(body)) {
      const name = field[2]!.toLowerCase();
      const value = field[3];
      if (value === undefined || /<[a-zA-Z]/.test(value.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))) continue;
      const decoded = decodeXmlText(value);
      if (decoded !== '' && !(name in fields)) fields[name] = decoded;
    }
    feed.records.push({ line, fields });
  }
  if (feed.records.length === 0 && !/<(rss|feed)\b/.test(text)) {
    feed.issues.push({ line: 1, message: 'no <item> or <entry> elements: not a Merchant Center XML feed' });
  }
  return feed;
}
