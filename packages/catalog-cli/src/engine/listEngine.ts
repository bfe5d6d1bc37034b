import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBDataChunk, DuckDBInstance } from '@duckdb/node-api';
import type { Progress } from '../progress.js';
import { engineError } from './engineError.js';
import type { EngineOptions } from './engineOptions.js';

/** How often a running query's progress is shown. */
const POLL_MS = 500;

/**
 * The embedded analytical engine (DuckDB) the catalog builder computes lists with: a database
 * file in a private temporary folder, so tables larger than memory live on disk and queries spill
 * there; the folder is removed by {@link ListEngine.close}.
 */
export class ListEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** The engine's private folder (database and spill files). */
    readonly directory: string,
    private readonly options: EngineOptions,
    private readonly progress: Progress,
  ) {}

  /**
   * Starts the engine. DuckDB's native binary is loaded here, on first use, not at import.
   * @param options memory limit, threads, temp folder
   * @param progress where phase lines go
   */
  static async open(options: EngineOptions, progress: Progress): Promise<ListEngine> {
    let DuckDBInstance: typeof import('@duckdb/node-api').DuckDBInstance;
    try {
      ({ DuckDBInstance } = await import('@duckdb/node-api'));
    } catch (error) {
      throw new Error(
        `the DuckDB engine could not be loaded on ${process.platform}-${process.arch} (${(error as Error).message.split('\n', 1)[0]}); ` +
          'small logs build with --engine memory, big ones with curio-catalog lists --engine spark',
      );
    }
    const base = options.tempDirectory ?? tmpdir();
    mkdirSync(base, { recursive: true });
    const directory = mkdtempSync(join(base, 'curio-catalog-'));
    try {
      const instance = await DuckDBInstance.create(join(directory, 'work.duckdb'), {
        temp_directory: join(directory, 'spill'),
        preserve_insertion_order: 'true',
        ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
        ...(options.threads ? { threads: String(options.threads) } : {}),
      });
      const connection = await instance.connect();
      await connection.run("SET TimeZone = 'UTC'");
      return new ListEngine(instance, connection, directory, options, progress);
    } catch (error) {
      rmSync(directory, { recursive: true, force: true });
      throw engineError(error, directory, options.memoryLimit);
    }
  }

  /** Runs statements (no result). */
  async run(sql: string): Promise<void> {
    await this.guard(this.connection.run(sql));
  }

  /** Runs a query and returns its rows as JS values (small results only). */
  async rows(sql: string): Promise<unknown[][]> {
    const reader = await this.guard(this.connection.runAndReadAll(sql));
    return reader.getRowsJS() as unknown[][];
  }

  /** Runs a query returning one number. */
  async number(sql: string): Promise<number> {
    return Number((await this.rows(sql))[0]![0]);
  }

  /**
   * Streams a query's result chunk by chunk (for large results: a chunk is ~2,048 rows).
   * @param onChunk receives each chunk; read columns with `getColumnVector(i).getItem(row)`
   */
  async stream(sql: string, onChunk: (chunk: DuckDBDataChunk) => void): Promise<void> {
    const result = await this.guard(this.connection.stream(sql));
    for (;;) {
      const chunk = await this.guard(result.fetchChunk());
      if (!chunk || chunk.rowCount === 0) break;
      onChunk(chunk);
    }
  }

  /**
   * Fills a table from JS rows through DuckDB's appender.
   * @param table existing table name
   * @param fill appends rows with the appender's typed calls
   */
  async append(table: string, fill: (appender: Awaited<ReturnType<DuckDBConnection['createAppender']>>) => void): Promise<void> {
    const appender = await this.guard(this.connection.createAppender(table));
    try {
      fill(appender);
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /**
   * Runs one phase of the build with a progress bar on terminals (the engine's own estimate) and
   * a closing line with rows and rate.
   * @param label what the phase computes
   * @param work the phase's queries; returns the rows it produced
   * @param inputRows rows the phase reads, for the rate (e.g. the clicks)
   */
  async phase(label: string, work: () => Promise<number>, inputRows?: number): Promise<number> {
    const started = Date.now();
    const timer = setInterval(() => {
      const { percentage } = this.connection.progress;
      if (percentage >= 0) this.progress.tick(Math.min(99, percentage), 100, `${label} (${seconds(started)} s)`);
    }, POLL_MS);
    try {
      const rows = await work();
      this.progress.done();
      const elapsed = (Date.now() - started) / 1000;
      const rate = inputRows && elapsed > 0 ? `, ${formatCount(inputRows / elapsed)} input rows/s` : '';
      this.progress.note(`${label}: ${formatCount(rows)} rows in ${elapsed.toFixed(1)} s${rate}`);
      return rows;
    } finally {
      clearInterval(timer);
    }
  }

  /** Stops the engine and deletes its folder. */
  close(): void {
    try {
      this.connection.closeSync();
      this.instance.closeSync();
    } finally {
      rmSync(this.directory, { recursive: true, force: true });
    }
  }

  private async guard<T>(promise: Promise<T>): Promise<T> {
    try {
      return await promise;
    } catch (error) {
      throw engineError(error, join(this.directory, 'spill'), this.options.memoryLimit);
    }
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(0);
}

/**
 * A count for progress lines: 1,234 / 12.3 k / 4.56 M.
 * @param n a non-negative number
 */
export function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e8 ? 0 : 2)} M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)} k`;
  return Math.round(n).toLocaleString('en-US');
}
