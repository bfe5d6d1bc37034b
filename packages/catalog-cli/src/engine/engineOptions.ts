/** How the embedded engine may use the machine (`--memory-limit`, `--threads`, `--temp-dir`). */

/** Resources given to the engine. */
export interface EngineOptions {
  /** DuckDB memory limit such as `8GB` or `75%`; default DuckDB's (80 % of the machine's memory). */
  memoryLimit?: string;
  /** Worker threads; default one per core. */
  threads?: number;
  /** Where the engine spills data that does not fit in memory; default the system's temp dir. */
  tempDirectory?: string;
}

/**
 * Checks a memory limit as DuckDB reads it (`512MB`, `8GB`, `1.5TB`, `75%`).
 * @throws Error saying what is accepted
 */
export function checkMemoryLimit(text: string): string {
  if (!/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|%)$/i.test(text.trim())) {
    throw new Error(`--memory-limit must be a size such as 4GB, 512MB or 75%, got "${text}"`);
  }
  return text.trim();
}

/**
 * The engine's resources from the command line (`--memory-limit`, `--threads`, `--temp-dir`).
 * @param args parsed arguments of `build` or `lists`
 */
export function engineOptions(args: { memoryLimit?: string; threads?: number; tempDir?: string }): EngineOptions {
  return {
    ...(args.memoryLimit ? { memoryLimit: args.memoryLimit } : {}),
    ...(args.threads ? { threads: args.threads } : {}),
    ...(args.tempDir ? { tempDirectory: args.tempDir } : {}),
  };
}
