/** Shard files next to the catalog (neighbour rows, product records), fetched on demand. */
import { warnOnce } from '../errors.js';
import { fetchFile } from './fetchFile.js';
import type { NeighborShards } from './format.js';

/**
 * Returns `load(n)`: fetches shard `n` once and hands the response to `read`; a shard that fails
 * is warned about and fetched again on a later call (picks use what is available meanwhile).
 * @param shards the shard template
 * @param base the catalog's URL, which shard URLs are relative to
 * @param read decodes fetched shard `n` into the catalog
 */
export function shardFiles(shards: NeighborShards, base: string | URL | undefined, read: (response: Response, n: number) => Promise<void>): (n: number) => Promise<void> {
  const loaded = new Map<number, Promise<void>>();
  return (n) => {
    let p = loaded.get(n);
    if (!p) {
      const url = new URL(shards.url.replace('{shard}', String(n)), base);
      p = fetchFile(url)
        .then((r) => (r.ok ? read(r, n) : Promise.reject(Error(`HTTP ${r.status}`))))
        .catch((e: unknown) => {
          loaded.delete(n);
          warnOnce(`shard-${url}`, `Catalog shard ${url} could not be loaded (${e}); picks use what is available.`);
        });
      loaded.set(n, p);
    }
    return p;
  };
}
