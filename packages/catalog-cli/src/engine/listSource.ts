import { createHash } from 'node:crypto';
import type { InteractionKind } from '../interactions/interactionLog.js';

/**
 * Where a build's lists come from: tables the engine just computed, or a lists folder written by
 * `curio-catalog lists` (DuckDB or Spark). Both hold the same relations (engine/engineLists.ts).
 */
export interface ListSource {
  kind: InteractionKind;
  /** Sequences of the whole log. */
  sequences: number;
  /** The first held-out sequence, when the source carries tuning data. */
  split?: number;
  /** The SQL relation of a list set's part: `all` (the catalog's lists) or `train` (tuning). */
  relation(name: string, part: 'all' | 'train'): string;
  /** The SQL relation of the held-out clicks (seq, pos, item). */
  holdout: string;
}

/** `manifest.json` of a lists folder. */
export interface ListsManifest {
  format: 'curio-lists';
  version: 1;
  /** What computed it (`duckdb 1.5.6`, `spark 3.5.1`). */
  engine: string;
  kind: InteractionKind;
  sequences: number;
  /** First held-out sequence; null when the folder has no tuning data. */
  split: number | null;
  /** Neighbours per item the lists were computed for. */
  k: number;
  /** Product count and a hash of the product ids in catalog order (the lists use their indexes). */
  products: number;
  productsSha256: string;
}

/**
 * The hash that ties a lists folder to the feed it was computed for: SHA-256 of the product ids
 * in catalog order, one per line (the Spark job computes it the same way).
 * @param productIds product ids by index
 */
export function productsHash(productIds: readonly string[]): string {
  return createHash('sha256').update(productIds.join('\n'), 'utf8').digest('hex');
}
