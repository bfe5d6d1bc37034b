/**
 * Catalog file format v1 — what a shop serves as `catalog.json` (see docs/catalog-format.md).
 * Written by `@curio/catalog-cli`, or by hand for small shops.
 */
import type { Collection, Product, Rule } from '../types.js';
import type { RankingWeights } from './weights.js';

/** Kinds of neighbour lists; the kind decides the reason a neighbour gives. */
export type NeighborKind = 'bought_together' | 'viewed_together' | 'similar';

/** A product in the file; `currency` may be left to the file-level default, `categories` out. */
export type CatalogProduct = Omit<Product, 'currency' | 'categories'> & { currency?: string; categories?: string[] };

/** A per-item neighbour list ("customers who viewed X also viewed …"). */
export interface NeighborList {
  /** Short id, referenced by ranking weights and shards (e.g. `"sr"`, `"cooc"`, `"bought"`). */
  id: string;
  kind: NeighborKind;
  /**
   * Inline rows: item id → neighbours `[id, weight]`, weight > 0 (any scale; the SDK divides
   * each row by its maximum). Omit when the rows come from `neighborShards`.
   */
  rows?: Record<string, Array<[string, number]>>;
}

/**
 * Lazily loaded, binary-encoded neighbour rows (written by the catalog CLI for large catalogs).
 * Item `i` (its position in `products`) lives in shard `i % count`; the visitor downloads only
 * the shards of the items they interact with.
 */
export interface NeighborShards {
  /** Number of shard files. */
  count: number;
  /** URL template relative to the catalog URL, with `{shard}` replaced by the shard number. */
  url: string;
}

/** The catalog file. */
export interface CatalogFile {
  version: 1;
  /** Default currency (ISO 4217) for products that do not name one. */
  currency?: string;
  products: CatalogProduct[];
  /** Item id → popularity (e.g. recency-weighted order or view counts). Missing items count 0. */
  popularity?: Record<string, number>;
  neighbors?: NeighborList[];
  neighborShards?: NeighborShards;
  /**
   * Compact form for large catalogs (written by the catalog CLI with `--compact`): `products` is
   * empty, the ranking features of every product are in this binary file (URL relative to the
   * catalog), and the products' full records in `productShards`, fetched only for the items a
   * visitor is shown or interacts with.
   */
  features?: string;
  /** Full product records of a compact catalog: shard `n` holds the products at positions `i % count = n`, in order. */
  productShards?: NeighborShards;
  /** Ranking weights tuned for this shop by the catalog builder; missing fields use the defaults. */
  weights?: Partial<RankingWeights>;
  /** The shop's rules (docs/rules.md). */
  rules?: Rule[];
  /** Curated collections (docs/collections.md). */
  collections?: Collection[];
  /** Free-form provenance, e.g. `{ generator: 'curio-catalog 0.1.0', generated: true }`. */
  meta?: Record<string, unknown>;
}
