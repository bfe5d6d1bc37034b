import type { CatalogProduct } from '@curio/core/internal';
import { computeListSet, readListSet } from '../engine/engineLists.js';
import type { EngineOptions } from '../engine/engineOptions.js';
import { heldOutCases } from '../engine/heldOutCases.js';
import { ListEngine } from '../engine/listEngine.js';
import type { ListSource } from '../engine/listSource.js';
import { loadInteractions, type LoadedInteractions } from '../engine/loadInteractions.js';
import { silentProgress } from '../progress.js';
import { canTune, searchWeights, tuningSplit, type TuningReport } from '../tuning/tuneWeights.js';
import { catalogFromLists, TUNING_SKIPPED, type BuildOptions, type BuiltCatalog } from './buildCatalog.js';

/** Options of {@link buildCatalogWithEngine}. */
export interface EngineBuildOptions extends BuildOptions {
  /** Memory, threads and spill folder of the engine. */
  engine?: EngineOptions;
  /** Called once the log is read (before tuning and lists), e.g. to report what was read. */
  onRead?: (read: LoadedInteractions) => void;
}

/**
 * Builds a catalog with the embedded engine (DuckDB): streams the interactions file into it,
 * computes the tuning's training lists and the catalog's lists with the package's SQL, and
 * samples the held-out cases there — the log never enters JavaScript. The catalog is identical to
 * {@link buildCatalog}'s on the same log.
 * @param products the feed's products (catalog order = product index)
 * @param interactions path of the interactions file (sessions text, order CSV, gzip, Parquet)
 */
export async function buildCatalogWithEngine(
  products: CatalogProduct[],
  interactions: string,
  options: EngineBuildOptions = {},
): Promise<{ built: BuiltCatalog; read: LoadedInteractions }> {
  const progress = options.progress ?? silentProgress;
  const engine = await ListEngine.open(options.engine ?? {}, progress);
  try {
    const read = await readInteractionsIntoEngine(engine, interactions, products.map((p) => p.id), products.map((p) => p.aliases));
    options.onRead?.(read);
    const source = await computeLists(engine, read, options);
    return { built: await catalogFromSource(engine, source, products, options), read };
  } finally {
    engine.close();
  }
}

/**
 * Loads an interactions file into the engine as `clicks`, with a progress line.
 * @param productIds product ids by index
 * @param aliases each product's aliases, by index
 */
export async function readInteractionsIntoEngine(engine: ListEngine, path: string, productIds: readonly string[], aliases?: ReadonlyArray<readonly string[] | undefined>): Promise<LoadedInteractions> {
  let read: LoadedInteractions | undefined;
  await engine.phase(`reading ${path}`, async () => {
    read = await loadInteractions(engine, path, productIds, aliases);
    return read.clicks;
  });
  return read!;
}

/**
 * Computes, in the engine, the catalog's lists and (when tuning is asked for and the log allows
 * it) the training lists on all but the latest 10 %.
 * @param read the loaded log
 * @returns the source to read the lists from
 */
export async function computeLists(engine: ListEngine, read: LoadedInteractions, options: BuildOptions): Promise<ListSource> {
  const { k = 20, tune = true } = options;
  const split = tuningSplit(read.sequences);
  const heldOut = `(SELECT seq, pos, item FROM clicks WHERE seq >= ${split})`;
  let tunable = false;
  if (tune) {
    const cases = await engine.number(`SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM ${heldOut} GROUP BY seq HAVING COUNT(*) >= 2)`);
    tunable = canTune(split, cases);
  }
  if (tunable) {
    await computeListSet(engine, { clicks: `(SELECT seq, pos, item FROM clicks WHERE seq < ${split})`, prefix: 'train_', kind: read.kind, sequences: split, k, clicksCount: read.clicks });
  }
  await computeListSet(engine, { clicks: 'clicks', prefix: '', kind: read.kind, sequences: read.sequences, k, clicksCount: read.clicks });
  return {
    kind: read.kind,
    sequences: read.sequences,
    ...(tunable ? { split } : {}),
    relation: (name, part) => (part === 'train' ? `train_${name}` : name),
    holdout: heldOut,
  };
}

/**
 * Tunes on a source's training lists and held-out cases (when it has them and tuning is asked
 * for), reads its lists and assembles the catalog — the same steps as {@link buildCatalog}.
 * @param engine the engine that can read the source's relations
 * @param source lists computed in the engine or read from a lists folder
 */
export async function catalogFromSource(engine: ListEngine, source: ListSource, products: CatalogProduct[], options: BuildOptions): Promise<BuiltCatalog> {
  const { k = 20, tune = true, maxTuningCases = 5000, progress = silentProgress, currency } = options;
  const ids = products.map((p) => p.id);
  let tuning: TuningReport | undefined;
  if (tune && source.split !== undefined) {
    const heldOut = await heldOutCases(engine, source.holdout, ids, maxTuningCases);
    if (canTune(source.split, heldOut.cases)) {
      progress.note(`tuning: lists on ${source.split} ${source.kind}, ${heldOut.replayed.length} of ${heldOut.cases} held-out cases`);
      const train = await readListSet(engine, (name) => source.relation(name, 'train'), source.kind, products.length, k);
      tuning = searchWeights(products, { ...train, ...heldOut }, { k, maxCases: maxTuningCases, progress, ...(currency ? { currency } : {}) });
    }
  }
  if (tune && !tuning) progress.note(TUNING_SKIPPED);
  const all = await readListSet(engine, (name) => source.relation(name, 'all'), source.kind, products.length, k);
  return catalogFromLists(products, all.tables, all.popularity, tuning, currency);
}
