/** A small in-memory catalog and a real Curio on it, shared by the widget tests. */
import { createCurio, type CatalogFile, type Curio } from '@curio/core';

/** Twelve products in two categories and three brands, with neighbours and reviews. */
export function testCatalog(): CatalogFile {
  const brands = ['Northwind', 'Alpine', 'Cove'];
  const products = Array.from({ length: 12 }, (_, i) => ({
    id: `p${i}`,
    title: i === 3 ? '<img src=x onerror=alert(1)> Shirt' : `Product ${i}`,
    url: i === 5 ? 'javascript:alert(1)' : `/product/p${i}`,
    image: `/img/p${i}.jpg`,
    price: 10 + i * 5,
    categories: i < 6 ? ['Men', 'Shirts'] : ['Home', 'Lamps'],
    brand: brands[i % 3],
    attributes: { size: ['S', 'M', 'L'][i % 3]!, colour: 'blue' },
    rating: 4.5,
    reviewCount: 20 + i,
    reviews: ['light and warm'],
  }));
  const rows: Record<string, Array<[string, number]>> = {};
  for (let i = 0; i < 12; i++) rows[`p${i}`] = [[`p${(i + 1) % 12}`, 3], [`p${(i + 2) % 12}`, 1]];
  return {
    version: 1,
    currency: 'EUR',
    products,
    popularity: Object.fromEntries(products.map((p, i) => [p.id, 12 - i])),
    neighbors: [{ id: 'cooc', kind: 'viewed_together', rows }],
  };
}

let databases = 0;

/** A fresh Curio (own IndexedDB database) on the test catalog. */
export async function testCurio(locale: 'en' | 'fr' | 'de' = 'en'): Promise<Curio> {
  const curio = createCurio({ catalog: testCatalog(), locale, storeName: `widget-test-${databases++}` });
  await curio.ready;
  return curio;
}

/**
 * Waits until `check` returns (or resolves to) a truthy value; rendering and the core are
 * asynchronous. An async check is awaited: a pending promise is not a pass.
 */
export async function until(check: () => unknown, timeout = 3000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${check}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
