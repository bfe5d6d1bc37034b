/** A catalog, rendering helpers and polling shared by the adapter's tests. */
import { act, StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { CatalogFile } from '@curio/core';

/** Twelve products: p0–p5 shirts (most popular first), p6–p11 lamps, with neighbours. */
export function testCatalog(): CatalogFile {
  const products = Array.from({ length: 12 }, (_, i) => ({
    id: `p${i}`,
    title: `Product ${i}`,
    url: `/product/p${i}`,
    image: `/img/p${i}.jpg`,
    price: 10 + i * 5,
    categories: i < 6 ? ['Men', 'Shirts'] : ['Home', 'Lamps'],
    brand: ['Northwind', 'Alpine', 'Cove'][i % 3]!,
  }));
  const rows: Record<string, Array<[string, number]>> = {};
  for (let i = 0; i < 12; i++) rows[`p${i}`] = [[`p${(i + 1) % 12}`, 3], [`p${(i + 2) % 12}`, 1]];
  return { version: 1, currency: 'EUR', products, popularity: Object.fromEntries(products.map((p, i) => [p.id, 12 - i])), neighbors: [{ id: 'cooc', kind: 'viewed_together', rows }] };
}

let databases = 0;
/** Options of a fresh instance on its own database. */
export const testOptions = () => ({ catalog: testCatalog(), locale: 'en' as const, storeName: `react-test-${databases++}` });

/** Renders `node` in StrictMode (double effects, as in development) into a fresh container. */
export async function render(node: ReactNode): Promise<{ container: HTMLElement; root: Root; unmount: () => Promise<void> }> {
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  await act(async () => root.render(<StrictMode>{node}</StrictMode>));
  return {
    container,
    root,
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/** Waits (letting React commit) until `check` returns something truthy. */
export async function until<T>(check: () => T | Promise<T>, timeout = 10000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}
