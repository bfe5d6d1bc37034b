/** `pnpm eval` on a data set without item metadata (RetailRocket-like: no items.tsv, no categories). */
import { describe, expect, it } from 'vitest';
import { createCurio } from '@curio/core';
import { validateCatalog } from '@curio/core/internal';
import { silentProgress } from '@curio/catalog-cli';
import { buildEvalCatalog, datasetProducts } from '../src/evalCatalog.js';

const train = Array.from({ length: 60 }, (_, s) => [`${s % 7}`, `${(s + 1) % 7}`, `${(s * 3) % 11}`]);

describe('a data set without item metadata', () => {
  it('gives products without a category, a catalog the SDK accepts, and picks from the sessions', async () => {
    const products = datasetProducts(train);
    expect(products.every((p) => p.categories === undefined)).toBe(true);
    const { catalog } = buildEvalCatalog(train, products, 5, silentProgress);
    expect(validateCatalog(catalog).problems).toEqual([]);
    const curio = createCurio({ catalog, consent: 'denied', storeName: 'no-metadata' });
    curio.track({ type: 'view_item', item: '1' });
    const picks = await curio.recommend({ placement: 'product', item: '1', limit: 3 });
    expect(picks).toHaveLength(3);
    // Every session that views "1" goes on to "2": the neighbour lists lead.
    expect(picks[0]!.item).toBe('2');
  });
});
