import type { InteractionKind } from '../interactions/interactionLog.js';
import { cooccurrenceScore } from '../lists/cooccurrence.js';
import { listDefinitions } from '../lists/listDefinitions.js';
import type { NeighborTable } from '../lists/neighborTable.js';
import { PairCounts } from '../lists/pairCounts.js';
import { divideByMax, popularityHalfLife } from '../lists/popularity.js';
import { appendRepeats, ruleUnit } from '../lists/sequentialRules.js';
import { topNeighbors } from '../lists/topNeighbors.js';
import type { ListEngine } from './listEngine.js';
import { listQuery } from './listQueries.js';
import { sqlNumber } from './sqlText.js';

/**
 * Co-occurrence candidates kept per item beyond K: the engine ranks them with its own `pow`, the
 * builder re-scores them with JavaScript's; the margin absorbs the last-bit differences.
 */
export const COOCCURRENCE_MARGIN = 10;

/** What a list set is computed from. */
export interface ListSetInput {
  /** Relation with the clicks (seq, pos, item). */
  clicks: string;
  /** Prefix of the tables written (`''` for the catalog's lists, `train_` for tuning). */
  prefix: string;
  kind: InteractionKind;
  /** Sequences the clicks come from (for popularity's recency scale). */
  sequences: number;
  /** Neighbours per item and list. */
  k: number;
  /** Clicks read, for the progress rate. */
  clicksCount?: number;
}

/**
 * The relations a list set consists of: `popularity`, then per list its candidates (and
 * `<id>_repeats` for lists with self rules).
 * @param kind sessions or orders
 */
export function listSetRelations(kind: InteractionKind): string[] {
  return [
    'popularity',
    ...listDefinitions(kind).flatMap((list) => (list.method === 'rules' && list.self ? [list.id, `${list.id}_repeats`] : [list.id])),
  ];
}

/**
 * Computes popularity and every list's candidates as tables in the engine, with the queries of
 * the package's `sql/` folder.
 * @param engine the engine holding `input.clicks`
 */
export async function computeListSet(engine: ListEngine, input: ListSetInput): Promise<void> {
  const { clicks, prefix, kind, sequences, k, clicksCount } = input;
  const scope = prefix ? ` (${prefix.replace(/_$/, '')})` : '';
  await engine.phase(
    `popularity${scope}`,
    async () => {
      const sql = listQuery('popularity', { clicks, newest: sequences - 1, half_life: sqlNumber(popularityHalfLife(sequences)) });
      await engine.run(`CREATE OR REPLACE TABLE ${prefix}popularity AS ${sql}`);
      return engine.number(`SELECT COUNT(*) FROM ${prefix}popularity`);
    },
    clicksCount,
  );
  for (const list of listDefinitions(kind)) {
    await engine.phase(
      `list ${list.id}${scope}`,
      async () => {
        if (list.method === 'rules') {
          const unit = ruleUnit(list.window);
          const sql = listQuery('sequential_rules', { clicks, window: list.window, unit, backward: sqlNumber(list.backward), keep: k });
          await engine.run(`CREATE OR REPLACE TABLE ${prefix}${list.id} AS ${sql}`);
          if (list.self) {
            const repeats = listQuery('repeats', { clicks, window: list.window, unit });
            await engine.run(`CREATE OR REPLACE TABLE ${prefix}${list.id}_repeats AS ${repeats}`);
          }
        } else {
          const sql = listQuery('cooccurrence', { clicks, alpha: sqlNumber(list.alpha), keep: k + COOCCURRENCE_MARGIN });
          await engine.run(`CREATE OR REPLACE TABLE ${prefix}${list.id} AS ${sql}`);
        }
        return engine.number(`SELECT COUNT(*) FROM ${prefix}${list.id}`);
      },
      clicksCount,
    );
  }
}

/** Popularity and lists read back into the builder. */
export interface ReadLists {
  tables: NeighborTable[];
  /** Popularity per product index, maximum 1. */
  popularity: Float64Array;
}

/**
 * Reads a list set's candidates and turns them into rows with the in-memory builder's own code
 * (top K, ties to the lower index, 8-bit weights), so both builders give identical rows.
 * @param engine the engine
 * @param relation the SQL relation of one of {@link listSetRelations} (a table, or `read_parquet(…)`)
 * @param kind sessions or orders
 * @param itemCount number of products
 * @param k neighbours per item and list
 */
export async function readListSet(
  engine: ListEngine,
  relation: (name: string) => string,
  kind: InteractionKind,
  itemCount: number,
  k: number,
): Promise<ReadLists> {
  const popularity = new Float64Array(itemCount);
  await engine.stream(`SELECT CAST(item AS INTEGER), CAST(popularity AS DOUBLE) FROM ${relation('popularity')}`, (chunk) => {
    const items = chunk.getColumnVector(0);
    const values = chunk.getColumnVector(1);
    for (let r = 0; r < chunk.rowCount; r++) popularity[items.getItem(r) as number] = values.getItem(r) as number;
  });
  const tables: NeighborTable[] = [];
  for (const list of listDefinitions(kind)) {
    const counts = new PairCounts(itemCount);
    if (list.method === 'rules') {
      await readPairs(engine, `SELECT CAST(item AS INTEGER), CAST(neighbor AS INTEGER), CAST(score AS DOUBLE) FROM ${relation(list.id)}`, counts);
      const rows = topNeighbors(counts, k);
      if (list.self) {
        const repeats = new Float64Array(itemCount);
        await engine.stream(`SELECT CAST(item AS INTEGER), CAST(repeats AS DOUBLE) FROM ${relation(`${list.id}_repeats`)}`, (chunk) => {
          const items = chunk.getColumnVector(0);
          const values = chunk.getColumnVector(1);
          for (let r = 0; r < chunk.rowCount; r++) repeats[items.getItem(r) as number] = values.getItem(r) as number;
        });
        appendRepeats(rows, counts, repeats);
      }
      tables.push({ id: list.id, kind: list.kind, rows });
    } else {
      const containing = new Float64Array(itemCount);
      await readPairs(
        engine,
        `SELECT CAST(item AS INTEGER), CAST(neighbor AS INTEGER), CAST(together AS DOUBLE), CAST(item_sequences AS DOUBLE), CAST(neighbor_sequences AS DOUBLE) FROM ${relation(list.id)}`,
        counts,
        containing,
      );
      tables.push({ id: list.id, kind: list.kind, rows: topNeighbors(counts, k, cooccurrenceScore(containing, list.alpha)) });
    }
  }
  return { tables, popularity: divideByMax(popularity) };
}

/** Streams (item, neighbor, value[, item count, neighbour count]) rows into `counts`. */
async function readPairs(engine: ListEngine, sql: string, counts: PairCounts, containing?: Float64Array): Promise<void> {
  await engine.stream(sql, (chunk) => {
    const items = chunk.getColumnVector(0);
    const neighbors = chunk.getColumnVector(1);
    const values = chunk.getColumnVector(2);
    const itemCounts = containing ? chunk.getColumnVector(3) : undefined;
    const neighborCounts = containing ? chunk.getColumnVector(4) : undefined;
    for (let r = 0; r < chunk.rowCount; r++) {
      const a = items.getItem(r) as number;
      const b = neighbors.getItem(r) as number;
      counts.add(a, b, values.getItem(r) as number);
      if (containing) {
        containing[a] = itemCounts!.getItem(r) as number;
        containing[b] = neighborCounts!.getItem(r) as number;
      }
    }
  });
}
