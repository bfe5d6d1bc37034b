import type { CatalogFile, CatalogProduct } from '@curio/core/internal';
import type { InteractionLog } from '../interactions/interactionLog.js';
import type { NeighborTable } from '../lists/neighborTable.js';
import { recencyWeightedPopularity } from '../lists/popularity.js';
import { silentProgress, type Progress } from '../progress.js';
import { tuneWeights, type TuningReport } from '../tuning/tuneWeights.js';
import { assembleCatalog } from './assembleCatalog.js';
import { neighborTables } from './neighborTables.js';

/** Options of {@link buildCatalog}. */
export interface BuildOptions {
  /** Neighbours kept per item and list. Default 20. */
  k?: number;
  /** Tune the ranking weights on a held-out part of the log. Default true. */
  tune?: boolean;
  /** Largest number of held-out cases replayed per tuning evaluation. Default 5000. */
  maxTuningCases?: number;
  progress?: Progress;
  /** Currency (ISO 4217) of products whose feed entry names none. Default `USD`. */
  currency?: string;
}

/** A built catalog: the catalog with inline rows, the same lists in index form, the tuning report. */
export interface BuiltCatalog {
  catalog: CatalogFile;
  tables: NeighborTable[];
  tuning?: TuningReport;
}

/**
 * Builds a catalog from products and an optional interaction log in memory: tunes the weights on
 * the log's latest 10 % (when asked and possible), then builds popularity and neighbour lists on
 * the whole log. Big logs go through the engine instead (buildCatalogWithEngine.ts), with
 * identical lists.
 * @param products the feed's products (catalog order = product index)
 * @param log sessions or orders as product indexes, oldest first
 */
export function buildCatalog(products: CatalogProduct[], log: InteractionLog | undefined, options: BuildOptions = {}): BuiltCatalog {
  const { k = 20, tune = true, maxTuningCases = 5000, progress = silentProgress, currency } = options;
  if (!log) return { catalog: assembleCatalog(products, [], undefined, undefined, currency), tables: [] };
  const tuning = tune ? tuneWeights(products, log, { k, maxCases: maxTuningCases, progress, ...(currency ? { currency } : {}) }) : undefined;
  if (tune && !tuning) progress.note(TUNING_SKIPPED);
  progress.note(`building lists on ${log.sequences.length} ${log.kind}`);
  const tables = neighborTables(log, products.length, k);
  const popularity = recencyWeightedPopularity(log.sequences, products.length);
  return catalogFromLists(products, tables, popularity, tuning, currency);
}

/** The note when a log is too small to tune on. */
export const TUNING_SKIPPED = 'tuning skipped: too few sessions/orders to hold out; the SDK defaults apply';

/**
 * Puts lists, popularity and tuned weights into a catalog. A list the tuning switched off
 * (weight 0) would only cost bytes: it is not shipped.
 * @param products the feed's products
 * @param tables the lists on the whole log
 * @param popularity popularity per product index
 * @param tuning the tuning report, if tuned (its weights lose the lists switched off)
 * @param currency currency of products without one
 */
export function catalogFromLists(
  products: CatalogProduct[],
  tables: NeighborTable[],
  popularity: Float64Array,
  tuning: TuningReport | undefined,
  currency: string | undefined,
): BuiltCatalog {
  const off = (id: string): boolean => tuning?.weights.lists[id]?.weight === 0;
  const shipped = tables.filter((t) => !off(t.id));
  if (tuning) for (const id of Object.keys(tuning.weights.lists)) if (off(id)) delete tuning.weights.lists[id];
  const catalog = assembleCatalog(products, shipped, popularity, tuning?.weights, currency);
  return tuning ? { catalog, tables: shipped, tuning } : { catalog, tables: shipped };
}
