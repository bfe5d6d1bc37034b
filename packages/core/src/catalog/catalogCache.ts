/**
 * The checked, interned catalog kept in IndexedDB between page views, keyed by the catalog file's
 * URL and HTTP validator (ETag, else Last-Modified): on a later page view the revalidation answers
 * 304, the key matches, and the catalog is neither downloaded nor parsed, checked or interned again.
 * It holds the shop's catalog only, no visitor data, in a database of its own; which files a page
 * fetches does not depend on it. Own IndexedDB code (the visitor store's is for one record with
 * cross-tab merging): one record, replaced when the catalog changes.
 */
import type { CatalogFile } from './format.js';
import type { InternedCatalog } from './intern.js';
import { NeighborRows } from './neighborRows.js';
import { OPEN_TIMEOUT_MS } from '../store/idbStore.js';

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
  const open = (): Promise<IDBDatabase> =>
    (opened ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const db = request.result;
        // Deleted elsewhere (forget(), consent withdrawn, another tab): let it go, reopen on next use.
        db.onversionchange = () => {
          db.close();
          opened = undefined;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked'));
      // Queued behind a deletion another page holds up: the catalog is downloaded as usual instead.
      setTimeout(() => reject(new Error('open timed out')), OPEN_TIMEOUT_MS);
    }));
  const run = <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    open().then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const request = work(db.transaction(STORE, mode).objectStore(STORE));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        }),
    );
  return {
    async read(key) {
      try {
        const record = await run<{ key: string; value: CachedCatalog } | undefined>('readonly', (store) => store.get(RECORD));
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
      idle(() => void run('readwrite', (store) => store.put({ key, value }, RECORD)).catch(() => undefined));
    },
  };
}
