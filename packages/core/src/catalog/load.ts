/**
 * Loading the catalog: GET of the shop's catalog file (the only network request the SDK makes,
 * with the lazy neighbour shards next to it), validation, interning, and on-demand shard rows.
 */
import { CurioError, warnOnce } from '../errors.js';
import type { CatalogFile } from './format.js';
import { internCatalog, type InternedCatalog } from './intern.js';
import { decodeShard, shardOf } from './rowCodec.js';
import { validateCatalog } from './validate.js';

/** A loaded catalog with lazy neighbour rows. */
export interface LoadedCatalog {
  catalog: InternedCatalog;
  /** Makes sure the neighbour rows of these items are loaded (fetches their shards once). */
  ensureRows(items: Iterable<number>): Promise<void>;
}

/** Fetches, validates and interns a catalog given as a URL or an object. */
export async function loadCatalog(source: string | CatalogFile): Promise<LoadedCatalog> {
  const base = typeof source === 'string' ? new URL(source, globalThis.location?.href) : undefined;
  const file = base ? await fetchJson(base) : source;
  const validated = validateCatalog(file);
  if (validated.problems.length) {
    warnOnce('catalog-problems', `${validated.problems.length} catalog product(s) skipped: ${validated.problems.slice(0, 5).join('; ')}`);
  }
  const catalog = internCatalog(validated);
  const shards = validated.file.neighborShards;
  const loaded = new Map<number, Promise<void>>();
  const positions = validated.filePositions;

  const loadShard = (n: number): Promise<void> => {
    let p = loaded.get(n);
    if (!p) {
      const url = new URL(shards!.url.replace('{shard}', String(n)), base ?? globalThis.location?.href);
      p = fetch(url, { credentials: 'same-origin' })
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then((buf) => catalog.rows.addPositionRows(decodeShard(new Uint8Array(buf))))
        .catch((e: unknown) => {
          loaded.delete(n); // retried on a later request
          warnOnce(`shard-${n}`, `Neighbour shard ${url} could not be loaded (${String(e)}); picks use what is available.`);
        });
      loaded.set(n, p);
    }
    return p;
  };

  return {
    catalog,
    ensureRows: async (items) => {
      if (!shards) return;
      const wanted = new Set<number>();
      for (const i of items) wanted.add(shardOf(positions[i]!, shards));
      await Promise.all([...wanted].map(loadShard));
    },
  };
}

async function fetchJson(url: URL): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new CurioError('catalog_unavailable', `The catalog ${url} could not be fetched (${String(e)}). Check the "catalog" URL.`, 'catalog-format.md');
  }
  if (!response.ok) throw new CurioError('catalog_unavailable', `The catalog ${url} answered HTTP ${response.status}. Check the "catalog" URL.`, 'catalog-format.md');
  try {
    return await response.json();
  } catch {
    throw new CurioError('invalid_catalog', `The catalog ${url} is not valid JSON.`, 'catalog-format.md');
  }
}
