import type { CatalogProduct } from '@curio/core/internal';
import { buildCatalog, type BuiltCatalog, type Progress } from '@curio/catalog-cli';

/**
 * The products of a session dataset: every item of `items` (else every item of the training
 * sessions, in order of first appearance), titled `Item <id>`, price 1, url `#`, with category
 * `c<category id>` when known and none otherwise.
 * @param train training sessions
 * @param items [item, category] pairs from items.tsv
 */
export function datasetProducts(train: readonly string[][], items?: Array<[string, string]>): CatalogProduct[] {
  const categories = new Map(items ?? []);
  const ids = new Set(items?.map(([id]) => id));
  for (const session of train) for (const id of session) ids.add(id);
  return [...ids].map((id) => {
    const category = categories.get(id);
    // Without items.tsv (RetailRocket-like data: no item metadata) products have no category.
    return { id, title: `Item ${id}`, price: 1, currency: 'EUR', url: '#', ...(category && { categories: [`c${category}`] }) };
  });
}

/**
 * Builds Curio's catalog from training sessions with the catalog builder's own code, tuning
 * included (its holdout is the latest 10 % of the training sessions).
 * @param train training sessions, oldest first
 * @param products the dataset's products
 * @param k neighbours per item and list
 */
export function buildEvalCatalog(train: readonly string[][], products: CatalogProduct[], k: number, progress: Progress): BuiltCatalog {
  const index = new Map(products.map((p, i) => [p.id, i]));
  const sequences = train.map((session) => session.map((id) => index.get(id)!));
  return buildCatalog(products, { kind: 'sessions', sequences }, { k, progress });
}
