/**
 * Neighbour rows from binary shards (`neighborShards`), fetched when a visitor first needs them.
 * Loaded lazily: catalogs with inline rows never download this code or the shard decoder.
 */
import type { NeighborShards } from './format.js';
import type { InternedCatalog } from './intern.js';
import type { NeighborRows } from './neighborRows.js';
import { decodeShard, shardOf, type DecodedNeighbors } from './rowCodec.js';
import { shardFiles } from './shardFiles.js';

/**
 * Returns `ensureRows(items)`: fetches the shards holding those items' rows, each once; a shard
 * that fails is warned about and retried on a later call (picks use what is available).
 * @param positions file position of each item (shards address items by file position); none: the item's index
 * @param base the catalog's URL, which shard URLs are relative to
 */
export function shardRows(catalog: InternedCatalog, shards: NeighborShards, positions: number[] | undefined, base: string | URL | undefined): (items: Iterable<number>) => Promise<unknown> {
  // Positions equal indexes unless invalid products were skipped.
  const itemOfPosition = positions?.some((p, i) => p !== i) ? new Map(positions.map((p, i) => [p, i])) : undefined;
  /** The item at a file position, if it is in the catalog. */
  const itemOf = (position: number): number | undefined => (itemOfPosition ? itemOfPosition.get(position) : position < catalog.size ? position : undefined);
  const load = shardFiles(shards, base, async (r) => addRows(catalog.rows, itemOf, decodeShard(new Uint8Array(await r.arrayBuffer()))));
  return (items) => {
    const wanted = new Set<number>();
    for (const i of items) wanted.add(shardOf(positions?.[i] ?? i, shards));
    return Promise.all([...wanted].map(load));
  };
}

/** Adds decoded shard rows (keyed by file position) to the catalog's rows; unknown items are dropped. */
function addRows(rows: NeighborRows, itemOf: (position: number) => number | undefined, decoded: Map<number, DecodedNeighbors[]>): void {
  for (const [position, lists] of decoded) {
    const item = itemOf(position);
    if (item === undefined) continue;
    lists.forEach((r, l) => {
      const ids: number[] = [];
      const weights: number[] = [];
      r.ids.forEach((p, k) => {
        const j = itemOf(p);
        if (j !== undefined) {
          ids.push(j);
          weights.push(r.weights[k]!);
        }
      });
      rows.set(l, item, ids, weights);
    });
  }
}
