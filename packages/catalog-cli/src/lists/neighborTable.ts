/** Neighbour lists in index form, as built offline before they become catalog rows or shards. */
import type { NeighborKind } from '@curio/core/internal';

/** One item's neighbours: product indexes best-first, weights in (0, 1] (row maximum 1). */
export interface NeighborRow {
  ids: number[];
  weights: number[];
}

/** A complete neighbour list: `rows[i]` belongs to product `i` (undefined: no neighbours). */
export interface NeighborTable {
  id: string;
  kind: NeighborKind;
  rows: Array<NeighborRow | undefined>;
}
