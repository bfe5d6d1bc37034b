import { detectInteractionKind } from '../interactions/detectInteractionKind.js';
import type { InteractionKind } from '../interactions/interactionLog.js';
import { ORDER_HEADER_NAMES } from '../interactions/readInteractions.js';
import { splitCsvLine } from '../feeds/csv.js';
import type { ListEngine } from './listEngine.js';
import { peekFile } from './peekFile.js';
import { sqlString } from './sqlText.js';

/** An interactions file loaded into the engine as the table `clicks(seq, pos, item)`. */
export interface LoadedInteractions {
  kind: InteractionKind;
  /** Sessions or orders in the file, those without a known item included (they set the recency scale). */
  sequences: number;
  /** Clicks (or distinct ordered items) on products of the feed. */
  clicks: number;
  /** Item references that name no product of the feed (dropped). */
  unknownItems: number;
  /** Sequences left with fewer than 2 known items (popularity only). */
  shortSequences: number;
  /** Malformed rows (the first 1,000), numbered like lines of the file (exact when it has no blank lines). */
  badLines: Array<{ line: number; message: string }>;
  /** All malformed rows. */
  badLineCount: number;
}

/** How many bad rows are named one by one (the rest are counted). */
const NAMED_BAD_ROWS = 1000;

/** Parquet column names read, in order of preference. */
const PARQUET_COLUMNS = {
  orders: ['order_id', 'orderid', 'transaction_id'],
  sessions: ['session_id', 'sessionid', 'visit_id'],
  item: ['item_id', 'product_id', 'itemid', 'sku'],
  time: ['timestamp', 'time', 'event_time', 'created_at'],
};

/**
 * Loads an interactions file into the engine with its own readers (streamed, parallel where the
 * format allows, out of core): sessions text (one session per line), order CSV
 * (`order_id,item_id[,timestamp]`), either gzipped, or Parquet with `order_id` or `session_id`,
 * `item_id` and an optional `timestamp` column. The result has the meaning of
 * {@link readInteractions}: sequences oldest first, positions among known items, an order's items
 * once each; `seq` is the 0-based sequence number.
 * @param engine the engine
 * @param path the file
 * @param productIds the feed's product ids in catalog order (index = product index)
 * @param aliases each product's aliases (SKU, platform ids), by product index: rows may name a product by them
 */
export async function loadInteractions(engine: ListEngine, path: string, productIds: readonly string[], aliases: ReadonlyArray<readonly string[] | undefined> = []): Promise<LoadedInteractions> {
  // Every id a row may name: product ids, then aliases not already taken (the first product keeps one).
  const ids = new Map<string, number>(productIds.map((id, idx) => [id, idx]));
  aliases.forEach((list, idx) => list?.forEach((alias) => ids.has(alias) || ids.set(alias, idx)));
  await engine.run('CREATE TABLE products (id VARCHAR, idx INTEGER)');
  await engine.append('products', (appender) => {
    for (const [id, idx] of ids) {
      appender.appendVarchar(id);
      appender.appendInteger(idx);
      appender.endRow();
    }
  });
  const peek = peekFile(path);
  const source = sqlString(path);
  let kind: InteractionKind;
  let bad: Pick<LoadedInteractions, 'badLines' | 'badLineCount'> = { badLines: [], badLineCount: 0 };
  if (peek.parquet) {
    kind = await loadParquetRows(engine, source);
  } else {
    kind = detectInteractionKind(peek.head);
    const compression = `compression = ${peek.gzip ? "'gzip'" : "'none'"}`;
    if (kind === 'sessions') {
      await loadSessionsText(engine, source, compression);
    } else {
      const firstLine = /^[ \t\r]*(\S[^\n]*)$/m.exec(peek.head)?.[1] ?? '';
      const header = ORDER_HEADER_NAMES.has(splitCsvLine(firstLine, ',')[0]!.trim().toLowerCase());
      bad = await loadOrderCsvRows(engine, source, compression, header);
    }
  }
  if (kind === 'orders' || peek.parquet) await groupRows(engine, kind);
  const [sequences, clicks, long, references, known] = (await engine.rows(
    `SELECT (SELECT COUNT(*) FROM sequences), (SELECT COUNT(*) FROM clicks),
       (SELECT COUNT(*) FROM (SELECT seq FROM clicks GROUP BY seq HAVING COUNT(*) >= 2)),
       (SELECT COUNT(*) FROM item_references), (SELECT COUNT(*) FROM item_references WHERE known)`,
  ))[0]!.map(Number) as [number, number, number, number, number];
  await engine.run('DROP VIEW item_references; DROP TABLE IF EXISTS tokens; DROP TABLE IF EXISTS rows; DROP TABLE sequences');
  return { kind, sequences, clicks, unknownItems: references - known, shortSequences: sequences - long, ...bad };
}

/**
 * Sessions text: one session per non-blank line, item ids separated by white space. Lines keep
 * the file's order (DuckDB preserves insertion order), so a line's row id is its session number.
 */
async function loadSessionsText(engine: ListEngine, source: string, compression: string): Promise<void> {
  await engine.run(`
    CREATE TABLE sequences AS
      SELECT line FROM (
        SELECT trim(line, E' \\t\\r\\f\\v') AS line
        FROM read_csv(${source}, columns = {'line': 'VARCHAR'}, header = false, delim = E'\\x01', quote = '', escape = '',
          auto_detect = false, max_line_size = 67108864, ${compression})
      ) WHERE line <> '';
    CREATE TABLE tokens AS
      SELECT t.seq, t.raw, p.idx AS item
      FROM (
        SELECT seq, unnest(ids) AS id, CAST(unnest(range(len(ids))) AS INTEGER) AS raw
        FROM (SELECT rowid AS seq, regexp_split_to_array(line, '\\s+') AS ids FROM sequences)
      ) t LEFT JOIN products p ON p.id = t.id;
    CREATE VIEW item_references AS SELECT item IS NOT NULL AS known FROM tokens;`);
  // Positions count known items only; without unknown items they are the tokens' own.
  const unknown = await engine.number('SELECT COUNT(*) FROM tokens WHERE item IS NULL');
  await engine.run(
    unknown === 0
      ? 'CREATE TABLE clicks AS SELECT seq, raw AS pos, item FROM tokens'
      : `CREATE TABLE clicks AS
           SELECT seq, CAST(row_number() OVER (PARTITION BY seq ORDER BY raw) - 1 AS INTEGER) AS pos, item
           FROM tokens WHERE item IS NOT NULL`,
  );
}

/** Order CSV rows (`order_id,item_id[,timestamp]`), checked like the in-memory reader checks them. */
async function loadOrderCsvRows(
  engine: ListEngine,
  source: string,
  compression: string,
  header: boolean,
): Promise<Pick<LoadedInteractions, 'badLines' | 'badLineCount'>> {
  await engine.run(`
    CREATE TABLE raw_rows AS
      SELECT trim(order_id) AS group_id, trim(item_id) AS item_id, trim(ts) AS ts
      FROM read_csv(${source}, columns = {'order_id': 'VARCHAR', 'item_id': 'VARCHAR', 'ts': 'VARCHAR'}, header = ${header},
        delim = ',', quote = '"', escape = '"', auto_detect = false, null_padding = true, strict_mode = false, ${compression});
    CREATE TABLE parsed_rows AS
      SELECT rowid AS row, rowid + ${header ? 2 : 1} AS line, group_id, item_id, ts,
        CASE WHEN ts IS NULL OR ts = '' THEN NULL
             WHEN regexp_full_match(ts, '\\d+(\\.\\d+)?') THEN CAST(ts AS DOUBLE)
             ELSE CAST(epoch_ms(TRY_CAST(ts AS TIMESTAMPTZ)) AS DOUBLE) END AS time,
        CASE WHEN group_id IS NULL OR group_id = '' OR item_id IS NULL OR item_id = '' THEN 'expected order_id,item_id[,timestamp]'
             WHEN ts <> '' AND time IS NULL THEN 'unreadable timestamp "' || ts || '"' END AS problem
      FROM raw_rows;
    DROP TABLE raw_rows;
    CREATE TABLE rows AS SELECT row, group_id, item_id, time FROM parsed_rows WHERE problem IS NULL;`);
  const bad = await engine.rows(`SELECT line, problem FROM parsed_rows WHERE problem IS NOT NULL ORDER BY line LIMIT ${NAMED_BAD_ROWS}`);
  const badCount = await engine.number('SELECT COUNT(*) FROM parsed_rows WHERE problem IS NOT NULL');
  await engine.run('DROP TABLE parsed_rows');
  return { badLines: bad.map(([line, message]) => ({ line: Number(line), message: String(message) })), badLineCount: badCount };
}

/** Parquet rows: the columns are found by name; the kind follows from the group column. */
async function loadParquetRows(engine: ListEngine, source: string): Promise<InteractionKind> {
  const described = await engine.rows(`DESCRIBE SELECT * FROM read_parquet(${source})`);
  const types = new Map(described.map(([name, type]) => [String(name).toLowerCase(), { name: String(name), type: String(type) }]));
  const find = (names: string[]) => names.map((n) => types.get(n)).find((c) => c !== undefined);
  const order = find(PARQUET_COLUMNS.orders);
  const session = find(PARQUET_COLUMNS.sessions);
  const item = find(PARQUET_COLUMNS.item);
  const time = find(PARQUET_COLUMNS.time);
  const group = order ?? session;
  if (!group || !item) {
    throw new Error(
      `the Parquet file needs an order_id or session_id column and an item_id column (optional: timestamp); it has ${[...types.values()].map((c) => c.name).join(', ')}`,
    );
  }
  const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;
  let timeSql = 'CAST(NULL AS DOUBLE)';
  if (time) {
    const t = quoted(time.name);
    if (/TIMESTAMP|DATE/i.test(time.type)) timeSql = `CAST(epoch_ms(CAST(${t} AS TIMESTAMPTZ)) AS DOUBLE)`;
    else if (/INT|DOUBLE|FLOAT|DECIMAL|REAL/i.test(time.type)) timeSql = `CAST(${t} AS DOUBLE)`;
    else timeSql = `CAST(epoch_ms(TRY_CAST(CAST(${t} AS VARCHAR) AS TIMESTAMPTZ)) AS DOUBLE)`;
  }
  await engine.run(`
    CREATE TABLE rows AS
      SELECT file_row_number AS row, CAST(${quoted(group.name)} AS VARCHAR) AS group_id, CAST(${quoted(item.name)} AS VARCHAR) AS item_id, ${timeSql} AS time
      FROM read_parquet(${source}, file_row_number = true)
      WHERE ${quoted(group.name)} IS NOT NULL AND ${quoted(item.name)} IS NOT NULL;`);
  return order ? 'orders' : 'sessions';
}

/**
 * Rows of (group, item, row, time) → sequences and clicks. Sequences are ordered by their
 * earliest timestamp when every row has one, else by first appearance. An order lists each
 * product once (first appearance order); a session keeps its clicks and repeats in time order.
 */
async function groupRows(engine: ListEngine, kind: InteractionKind): Promise<void> {
  const timed = (await engine.rows('SELECT COUNT(*) > 0 AND COUNT(time) = COUNT(*) FROM rows'))[0]![0] === true;
  await engine.run(`
    CREATE TABLE sequences AS
      SELECT group_id, row_number() OVER (ORDER BY ${timed ? 'time, ' : ''}first) - 1 AS seq
      FROM (SELECT group_id, MIN(row) AS first, MIN(time) AS time FROM rows GROUP BY group_id);
    CREATE VIEW item_references AS SELECT item_id IN (SELECT id FROM products) AS known FROM rows;`);
  const clicks =
    kind === 'orders'
      ? `SELECT s.seq, CAST(row_number() OVER (PARTITION BY s.seq ORDER BY MIN(r.row)) - 1 AS INTEGER) AS pos, p.idx AS item
         FROM rows r JOIN sequences s ON s.group_id = r.group_id JOIN products p ON p.id = r.item_id
         GROUP BY s.seq, p.idx`
      : `SELECT s.seq, CAST(row_number() OVER (PARTITION BY s.seq ORDER BY r.time, r.row) - 1 AS INTEGER) AS pos, p.idx AS item
         FROM rows r JOIN sequences s ON s.group_id = r.group_id JOIN products p ON p.id = r.item_id`;
  await engine.run(`CREATE TABLE clicks AS ${clicks}`);
}
