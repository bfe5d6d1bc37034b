/**
 * Loading the catalog: GET of the shop's catalog file (the only network request the SDK makes,
 * with the lazy neighbour shards next to it), validation, interning, and on-demand shard rows.
 */
import { CurioError, warnOnce, type CurioErrorCode } from '../errors.js';
import type { CatalogFile } from './format.js';
import { interning, type InternedCatalog } from './intern.js';
import { validating } from './validate.js';
import { fetchFile } from './fetchFile.js';
import type { PerItemData } from './keptData.js';
import { inTasks } from '../slices.js';
import { catalogCacheKey, type CatalogCache } from './catalogCache.js';

/** A loaded catalog with lazy neighbour rows and, for compact catalogs, lazy product records. */
export interface LoadedCatalog {
  catalog: InternedCatalog;
  /** The file's rules and collections, unchecked (the merchant chunk checks them). */
  merchant: Pick<CatalogFile, 'rules' | 'collections'>;
  /** Makes sure the neighbour rows of these items are loaded (fetches their shards once). */
  ensureRows(items: readonly number[]): Promise<void>;
  /** Makes sure these items' full product records are loaded; true if any had to be fetched. */
  ensureProducts(items: Iterable<number>): Promise<boolean>;
  /** Which item data comes in per-item files: fetched on the item's own page only, then kept by the visitor. */
  perItem: PerItemData;
}

/**
 * Fetches, validates and interns a catalog given as a URL or an object. `onFile` sees the file as
 * soon as it is parsed, before the checking and interning (so a caller can start loading what the
 * file asks for, such as the rules chunk, in parallel with that work).
 */
export async function loadCatalog(source: string | CatalogFile, onFile?: (file: CatalogFile) => void, cache?: CatalogCache): Promise<LoadedCatalog> {
  const base = typeof source === 'string' ? catalogUrl(source) : undefined;
  const response = base && (await fetchCatalog(base));
  // A later page view: the same file (by its validator) was loaded before, checked and interned.
  const key = response && cache && catalogCacheKey(base, response);
  const cached = key ? await cache!.read(key) : undefined;
  const file = (cached ? cached.file : response ? await parseJson(base, response) : source) as CatalogFile;
  if (file && typeof file == 'object') onFile?.(file);
  const baseUrl = base ?? globalThis.location?.href;
  let catalog: InternedCatalog;
  let positions: number[] | undefined; // none: items are in file order
  let ensureProducts: LoadedCatalog['ensureProducts'] = async () => false;
  const compact = !cached && typeof file?.features == 'string';
  if (cached) ({ catalog, positions } = cached);
  else if (compact) {
    // Large catalogs come compact: the decoder is a lazy chunk that small shops never load. The
    // features file downloads while the chunk loads (the decoder reports a failed download).
    let features: Promise<Response> | undefined;
    try {
      features = fetchFile(new URL(file.features as string, baseUrl));
      features.catch(() => {});
    } catch {
      // not a URL: the decoder says so
    }
    ({ catalog, ensureProducts } = await (await import('./compactCatalog.js')).loadCompactCatalog(file, baseUrl, features));
  } else {
    // Checked and interned in slices, in tasks of ~10 ms: for 10k products that is ~35 ms of work,
    // ~140 ms on a phone.
    let validated;
    ({ validated, catalog } = await inTasks(
      (function* () {
        const validated = yield* validating(file);
        return { validated, catalog: yield* interning(validated) };
      })(),
    ));
    if (validated.problems.length) {
      warnOnce('catalog-problems', `${validated.problems.length} catalog product(s) skipped: ${validated.problems.slice(0, 5).join('; ')}`);
    }
    if (validated.aliasProblems.length) {
      warnOnce('catalog-aliases', `${validated.aliasProblems.length} catalog alias(es) ignored: ${validated.aliasProblems.slice(0, 5).join('; ')}`);
    }
    positions = validated.filePositions;
    if (key) cache!.write(key, { catalog, file: { rules: file.rules, collections: file.collections, neighborShards: file.neighborShards }, positions });
  }
  const shards = file.neighborShards;
  let rows: Promise<(items: Iterable<number>) => Promise<unknown>> | undefined;
  return {
    catalog,
    ensureProducts,
    perItem: { rows: !!shards, titles: compact },
    merchant: { rules: file.rules, collections: file.collections },
    ensureRows: async (items) => {
      if (!shards || !items.length) return;
      // The shard decoder is a lazy chunk. If it cannot be loaded, picks go on without the
      // shard rows (as after a failed shard) and a later call tries again.
      rows ??= import('./shardRows.js').then(
        (m) => m.shardRows(catalog, shards, positions, baseUrl),
        (e: unknown) => {
          rows = undefined;
          warnOnce('shards', `Neighbour shards are unavailable (${e}); picks use what is available.`);
          return async () => {};
        },
      );
      await (await rows)(items);
    },
  };
}

/** The catalog's URL, resolved against the page; not a URL (or a relative one outside a page): a CurioError. */
function catalogUrl(source: string): URL {
  try {
    return new URL(source, globalThis.location?.href);
  } catch {
    throw new CurioError('invalid_option', `The catalog "${source.slice(0, 100)}" is not a URL${globalThis.location ? '' : ' (outside a page, give an absolute URL)'}. Check the "catalog" option.`, 'catalog-format.md');
  }
}

const catalogError = (url: URL, code: CurioErrorCode, problem: string): never => {
  throw new CurioError(code, `The catalog ${url} ${problem}. Check the "catalog" URL.`, 'catalog-format.md');
};

/** GET of the catalog file, without cookies or referrer (revalidated by the browser's HTTP cache: a 304 costs no body). */
async function fetchCatalog(url: URL): Promise<Response> {
  const response = await fetchFile(url).catch((e: unknown) => catalogError(url, 'catalog_unavailable', `could not be fetched (${e})`));
  if (!response.ok) catalogError(url, 'catalog_unavailable', `answered HTTP ${response.status}`);
  return response;
}

const parseJson = (url: URL, response: Response): Promise<unknown> => response.json().catch(() => catalogError(url, 'invalid_catalog', 'is not valid JSON'));
