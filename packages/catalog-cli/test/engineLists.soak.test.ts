// @vitest-environment node
// A soak test (`pnpm test:soak`): the DuckDB engine against the in-memory builder on two whole real data sets (~20 s).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundWeight } from '../src/build/assembleCatalog.js';
import { neighborTables } from '../src/build/neighborTables.js';
import { computeListSet, readListSet } from '../src/engine/engineLists.js';
import { ListEngine } from '../src/engine/listEngine.js';
import { loadInteractions } from '../src/engine/loadInteractions.js';
import { readInteractions } from '../src/interactions/readInteractions.js';
import { recencyWeightedPopularity } from '../src/lists/popularity.js';
import { silentProgress } from '../src/progress.js';
import { readTextFile } from '../src/readTextFile.js';

/** The shared development data sets (never copied into the repository). */
const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

/** The dataset's products in item-id order, as the evaluation builds them. */
function productIds(dataset: string): string[] {
  return readTextFile(`${DATA}${dataset}/items.tsv.gz`)
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split('\t')[0]!);
}

describe.each(['diginetica', 'yoochoose1_64'])('DuckDB lists on %s equal the in-memory builder’s', (dataset) => {
  const sessions = `${DATA}${dataset}/dev-train.sessions.gz`;
  let engine: ListEngine;
  beforeAll(async () => {
    engine = await ListEngine.open({ threads: 2 }, silentProgress);
  });
  afterAll(() => engine?.close());

  it('same sequences, rows and 8-bit weights, same popularity', async () => {
    expect(existsSync(sessions), `${sessions} (shared/data) is needed`).toBe(true);
    const ids = productIds(dataset);
    const memory = readInteractions(readTextFile(sessions), new Map(ids.map((id, i) => [id, i])));
    const loaded = await loadInteractions(engine, sessions, ids);
    expect(loaded).toMatchObject({ kind: 'sessions', sequences: memory.log.sequences.length, unknownItems: memory.unknownItems, shortSequences: memory.shortSequences });
    await computeListSet(engine, { clicks: 'clicks', prefix: '', kind: loaded.kind, sequences: loaded.sequences, k: 20 });
    const fromEngine = await readListSet(engine, (name) => name, loaded.kind, ids.length, 20);
    const inMemory = neighborTables(memory.log, ids.length, 20);
    expect(fromEngine.tables.map((t) => t.id)).toEqual(['sr', 'cooc', 'next']);
    for (const [n, table] of inMemory.entries()) {
      const other = fromEngine.tables[n]!;
      let compared = 0;
      for (let i = 0; i < ids.length; i++) {
        if (JSON.stringify(other.rows[i]) !== JSON.stringify(table.rows[i])) {
          expect({ list: table.id, item: i, row: other.rows[i] }).toEqual({ list: table.id, item: i, row: table.rows[i] });
        }
        if (table.rows[i]) compared++;
      }
      expect(compared).toBeGreaterThan(ids.length / 3);
    }
    const popularity = recencyWeightedPopularity(memory.log.sequences, ids.length);
    expect([...fromEngine.popularity].map(roundWeight)).toEqual([...popularity].map(roundWeight));
  }, 300_000);
});
