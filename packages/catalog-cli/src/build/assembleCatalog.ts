import type { CatalogFile, CatalogProduct, RankingWeights } from '@curio/core/internal';
import type { NeighborTable } from '../lists/neighborTable.js';

/** Version string written into `meta.generator`. */
export const GENERATOR = 'curio-catalog 0.1.0';

/** Rounds to 4 significant digits: plenty for 8-bit weights, and short in JSON. */
export function roundWeight(value: number): number {
  return Number(value.toPrecision(4));
}

/**
 * Puts products, popularity, neighbour lists (rows inline) and weights into one catalog object.
 * The most common currency becomes the file-level default (products with it drop theirs);
 * `defaultCurrency` applies when no product names one.
 * @param products the feed's products, in catalog order
 * @param tables neighbour lists in index form
 * @param popularity popularity per product index (0 entries are left out)
 * @param weights tuned ranking weights, if any
 * @param defaultCurrency ISO 4217 code for products without a currency
 */
export function assembleCatalog(
  products: CatalogProduct[],
  tables: NeighborTable[],
  popularity: Float64Array | undefined,
  weights: Partial<RankingWeights> | undefined,
  defaultCurrency = 'USD',
): CatalogFile {
  const counts = new Map<string, number>();
  for (const p of products) if (p.currency) counts.set(p.currency, (counts.get(p.currency) ?? 0) + 1);
  const currency = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? defaultCurrency;
  const catalog: CatalogFile = {
    version: 1,
    currency,
    products: products.map(({ currency: own, ...rest }) => (own && own !== currency ? { ...rest, currency: own } : rest)),
  };
  if (popularity) {
    const entries: Record<string, number> = {};
    popularity.forEach((p, i) => {
      if (p > 0) entries[products[i]!.id] = roundWeight(p);
    });
    catalog.popularity = entries;
  }
  if (tables.length > 0) {
    catalog.neighbors = tables.map((table) => {
      const rows: Record<string, Array<[string, number]>> = {};
      table.rows.forEach((row, i) => {
        if (row) rows[products[i]!.id] = row.ids.map((j, n) => [products[j]!.id, roundWeight(row.weights[n]!)]);
      });
      return { id: table.id, kind: table.kind, rows };
    });
  }
  if (weights) catalog.weights = weights;
  catalog.meta = { generator: GENERATOR };
  return catalog;
}
