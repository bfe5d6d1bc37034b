import type { CatalogProduct } from '@curio/core/internal';
import { ListEngine } from '../engine/listEngine.js';
import { listsDirectorySource } from '../engine/listsDirectory.js';
import { silentProgress } from '../progress.js';
import type { BuiltCatalog } from './buildCatalog.js';
import { catalogFromSource, type EngineBuildOptions } from './buildCatalogWithEngine.js';

/**
 * Builds a catalog from a lists folder (`curio-catalog lists`, on DuckDB or Spark): checks it was
 * computed for this feed, tunes on its training lists and held-out clicks when it has them, and
 * reads its lists — the same steps as a build from the interactions.
 * @param products the feed's products (catalog order = product index)
 * @param dir the lists folder
 */
export async function buildFromListsDirectory(products: CatalogProduct[], dir: string, options: EngineBuildOptions = {}): Promise<BuiltCatalog> {
  const progress = options.progress ?? silentProgress;
  const { source, manifest } = listsDirectorySource(dir, products.map((p) => p.id));
  const k = options.k ?? manifest.k;
  if (k > manifest.k) throw new Error(`--k ${k} is more than the ${manifest.k} neighbours per item ${dir} was computed for`);
  progress.note(`lists: ${manifest.kind} lists of ${manifest.sequences} ${manifest.kind} from ${dir} (${manifest.engine}, K=${manifest.k})`);
  const engine = await ListEngine.open(options.engine ?? {}, progress);
  try {
    return await catalogFromSource(engine, source, products, { ...options, k });
  } finally {
    engine.close();
  }
}
