import { readTextFile } from '@curio/catalog-cli';

/**
 * Reads a sessions file (gzip or plain): one session per line, item ids separated by spaces.
 * @param path file path
 * @returns sessions in file (chronological) order
 */
export function readSessions(path: string): string[][] {
  const sessions: string[][] = [];
  for (const line of readTextFile(path).split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '') sessions.push(trimmed.split(/\s+/));
  }
  return sessions;
}

/**
 * Reads `items.tsv(.gz)`: a header `item<TAB>category`, then one row per item.
 * @param path file path
 * @returns [item id, category id] pairs in file order
 */
export function readItemCategories(path: string): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  readTextFile(path)
    .split('\n')
    .slice(1)
    .forEach((line) => {
      const [item, category] = line.trim().split('\t');
      if (item && category) rows.push([item, category]);
    });
  return rows;
}

/**
 * At most `max` sessions, evenly spread over the list (all of them without `max`): a quicker,
 * deterministic sample for iterating.
 * @param sessions sessions in file order
 * @param max how many to keep
 */
export function sampleSessions<T>(sessions: T[], max?: number): T[] {
  if (max === undefined || sessions.length <= max) return sessions;
  const step = sessions.length / max;
  return Array.from({ length: max }, (_, i) => sessions[Math.floor(i * step)]!);
}
