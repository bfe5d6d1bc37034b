import type { RawFeed } from './feedRecord.js';

/**
 * Reads a JSON feed: an array of product objects, or JSON lines (one object per line).
 * Array entries are numbered by their line when each starts on its own line, else by position.
 * @param text the whole file
 */
export function readJsonFeed(text: string): RawFeed {
  const body = text.replace(/^\uFEFF/, '');
  const feed: RawFeed = { records: [], issues: [] };
  if (body.trimStart().startsWith('[')) {
    let entries: unknown;
    try {
      entries = JSON.parse(body);
    } catch (error) {
      feed.issues.push({ line: lineOfJsonError(body, error as Error), message: `invalid JSON: ${(error as Error).message}` });
      return feed;
    }
    const starts = objectLineStarts(body);
    (entries as unknown[]).forEach((entry, i) => {
      const line = starts.length === (entries as unknown[]).length ? starts[i]! : i + 1;
      if (entry && typeof entry === 'object' && !Array.isArray(entry)) feed.records.push({ line, fields: entry as Record<string, unknown> });
      else feed.issues.push({ line, message: 'entry is not an object' });
    });
    return feed;
  }
  body.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      const entry: unknown = JSON.parse(line);
      if (entry && typeof entry === 'object' && !Array.isArray(entry)) feed.records.push({ line: i + 1, fields: entry as Record<string, unknown> });
      else feed.issues.push({ line: i + 1, message: 'line is not a JSON object' });
    } catch (error) {
      feed.issues.push({ line: i + 1, message: `invalid JSON: ${(error as Error).message}` });
    }
  });
  return feed;
}

/** Line numbers of lines that start an object directly inside the top-level array. */
function objectLineStarts(body: string): number[] {
  const starts: number[] = [];
  body.split('\n').forEach((line, i) => {
    if (/^\s*\[?\s*\{/.test(line) && !/^\s{4,}\{/.test(line)) starts.push(i + 1);
  });
  return starts;
}

/** The line a JSON.parse error points at (from its "position N"), else 1. */
function lineOfJsonError(body: string, error: Error): number {
  const position = /position (\d+)/.exec(error.message);
  return position ? body.slice(0, Number(position[1])).split('\n').length : 1;
}
