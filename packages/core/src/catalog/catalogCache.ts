/**
 * The checked, interned catalog kept in IndexedDB between page views, keyed by the catalog file's
 * URL and HTTP validator (ETag, else Last-Modified): on a later page view the revalidation answers
 * 304, the key matches, and the catalog is neither downloaded nor parsed, checked or interned again.
 * It holds the shop's catalog only, no visitor data, in a database of its own; which files a page
 * fetches does not depend on it. One record, replaced when the catalog changes.
 *
 * idb-keyval reads and writes the record (`get`, `set`, through its `UseStore` transaction helper).
 * Own code, as idb-keyval cannot do it (database.ts): opening the database with a time limit, and
 * closing the connection on `versionchange`, so that forget() or withdrawn consent, here or in
 * another tab, can delete the database (idb-keyval's `createStore` keeps its connection open).
 */
import { get, set } from 'idb-keyval';
import type { CatalogFile } from './format.js';
import type { InternedCatalog } from './intern.js';
import { NeighborRows } from './neighborRows.js';
import { keyvalStore, openDatabase } from '../store/database.js';

/** A loaded JSON catalog as kept: the interned catalog and the file fields read after loading. */
export interface CachedCatalog {
  catalog: InternedCatalog;
  file: Pick<CatalogFile, 'rules' | 'collections' | 'neighborShards'>;
  /** File positions of the valid products (shards refer to them); none when every product was valid. */
  positions?: number[];
}

/** Reads and writes the one cached catalog of a database. */
export interface CatalogCache {
  /** The cached catalog if it was stored under `key`; never rejects. */
  read(key: string): Promise<CachedCatalog | undefined>;
  /** Replaces the cached catalog (in the background; failures are ignored: the cache is an optimization). */
  write(key: string, value: CachedCatalog): void;
}

const STORE = 'catalog';
const RECORD = 'current';
/** Larger catalogs should be compact (docs/catalog-format.md): copying them into IndexedDB would be a long task. */
export const CACHED_PRODUCTS_MAX = 20_000;

/** The cache key of a catalog response: its URL and validator, or none (not cacheable) without one. */
export function catalogCacheKey(url: URL, response: Response): string | undefined {
  const validator = response.headers.get('etag') ?? response.headers.get('last-modified');
  return validator ? `${url.href} ${validator}` : undefined;
}

/** The catalog cache in the IndexedDB database `name`; undefined where IndexedDB is missing. */
export function createCatalogCache(name: string): CatalogCache | undefined {
  if (typeof indexedDB == 'undefined') return undefined;
  let opened: Promise<IDBDatabase> | undefined;
  // Opened once, on first use. Queued behind a deletion another page holds up (time limit), or
  // blocked: the catalog is downloaded as usual instead.
  const open = (): Promise<IDBDatabase> =>
    (opened ??= openDatabase(name, (request) => request.result.createObjectStore(STORE), 1).then((db) => {
      // Deleted elsewhere (forget(), consent withdrawn, another tab): let it go, reopen on next use.
      db.onversionchange = () => {
        db.close();
        opened = undefined;
      };
      return db;
    }));
  /** idb-keyval's transaction helper on the cache's connection. */
  const store = keyvalStore(open, STORE);
  return {
    async read(key) {
      try {
        const record = await get<{ key: string; value: CachedCatalog }>(RECORD, store);
        if (record?.key !== key) return undefined;
        // Stored as plain data: the neighbour rows get their methods back.
        Object.setPrototypeOf(record.value.catalog.rows, NeighborRows.prototype);
        return record.value;
      } catch {
        return undefined;
      }
    },
    write(key, value) {
      if (value.catalog.size > CACHED_PRODUCTS_MAX) return;
      // Copying the catalog into IndexedDB is a task of its own: after the first picks, when the page is idle.
      const idle = globalThis.requestIdleCallback ?? ((work: () => void) => setTimeout(work, 200));
      idle(() => void set(RECORD, { key, value }, store).catch(() => undefined));
    },
  };
}
