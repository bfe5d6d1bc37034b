/**
 * The shop's product data on the server: here, the catalog file the browser's Curio loads too
 * (public/catalog.json, written by `pnpm build`); a shop would read its own database or API.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogProduct } from '@curio/core';

let products: Promise<CatalogProduct[]> | undefined;

/** The catalog's products, read once per server process. */
export function allProducts(): Promise<CatalogProduct[]> {
  products ??= readFile(join(process.cwd(), 'public', 'catalog.json'), 'utf8').then((text) => JSON.parse(text).products);
  return products;
}

/** The product whose catalog URL is `path` (`/p/<id>.html`), if any. */
export async function productAt(path: string): Promise<CatalogProduct | undefined> {
  return (await allProducts()).find((p) => p.url == path);
}
