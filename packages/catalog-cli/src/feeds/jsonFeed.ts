import type { RawFeed } from './feedRecord.js';

/** One top-level entry of a JSON array: its text and the line it starts on. */
interface ArrayEntry {
  line: number;
  text: string;
}

/**
 * Splits a JSON array into its top-level entries without parsing them, so each entry can be
 * parsed (and reported) on its own with its line number.
 * @returns the entries, or an error message with the line where the structure breaks
 */
function splitJsonArray(body: string): ArrayEntry[] | { line: number; message: string } {
  const entries: ArrayEntry[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let start = -1;
  let startLine = 0;
  const close = (end: number): void => {
    const text = body.slice(start, end).trim();
    if (text !== '') entries.push({ line: startLine, text });
    start = -1;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && start < 0 && !/[\s,\]]/.test(ch)) {
      start = i;
      startLine = line;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) {
        if (start >= 0) close(i);
        return entries;
      }
    } else if (ch === ',' && depth === 1) {
      if (start < 0) return { line, message: 'invalid JSON: empty array entry' };
      close(i);
    }
  }
  return { line, message: 'invalid JSON: the array is never closed' };
}

/** Parses one entry as a product object, or says why it is not one. */
function parseEntry(text: string): Record<string, unknown> | string {
  try {
    const entry: unknown = JSON.parse(text);
    return entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>) : 'entry is not a JSON object';
  } catch (error) {
    return `invalid JSON: ${(error as Error).message}`;
  }
}

/**
 * Reads a JSON feed: an array of product objects, or JSON lines (one object per line). Each
 * entry is parsed on its own, so one broken entry is reported with its line and the rest is kept.
 * @param text the whole file
 */
export function readJsonFeed(text: string): RawFeed {
  const body = text.replace(/^\uFEFF/, '');
  const feed: RawFeed = { records: [], issues: [] };
  const add = (line: number, text: string): void => {
    const entry = parseEntry(text);
    if (typeof entry === 'string') feed.issues.push({ line, message: entry });
    else feed.records.push({ line, fields: entry });
  };
  if (body.trimStart().startsWith('[')) {
    const entries = splitJsonArray(body);
    if (!Array.isArray(entries)) feed.issues.push(entries);
    else for (const { line, text: entry } of entries) add(line, entry);
    return feed;
  }
  body.split('\n').forEach((raw, i) => {
    if (raw.trim() !== '') add(i + 1, raw);
  });
  return feed;
}
