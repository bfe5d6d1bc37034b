// The demo shop's catalog as static files for the npm examples (spa, react, next): catalog.json and
// the product images it names (`/img/<id>.svg`, coloured placeholders as the demo shop draws them).
// Usage: `node examples/shop/catalog-files.mjs <directory>`, or import writeCatalogFiles.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeShopData } from './generate-catalog.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Writes catalog.json (and its neighbour shards) and img/*.svg into `out` (generating the shop's data first if missing); returns the catalog. */
export function writeCatalogFiles(out) {
  if (!existsSync(here('./public/catalog.json'))) writeShopData();
  mkdirSync(`${out}/img`, { recursive: true });
  copyFileSync(here('./public/catalog.json'), `${out}/catalog.json`);
  const catalog = JSON.parse(readFileSync(`${out}/catalog.json`, 'utf8'));
  // A sharded catalog's neighbour rows sit next to it.
  if (catalog.neighborShards) cpSync(here('./public/neighbors'), `${out}/neighbors`, { recursive: true });
  for (const { id, image, categories } of catalog.products) {
    if (!image?.startsWith('/img/')) continue;
    const hue = [...id].reduce((sum, c) => sum + c.charCodeAt(0) * 37, 0) % 360;
    const label = String(categories.at(-1) ?? '').replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
    writeFileSync(
      `${out}${image}`,
      `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300"><rect width="300" height="300" fill="hsl(${hue} 45% 80%)"/><text x="150" y="160" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#222">${label}</text></svg>`,
    );
  }
  return catalog;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? '.');
  console.log(`wrote ${writeCatalogFiles(out).products.length} products' catalog and images into ${out}`);
}
