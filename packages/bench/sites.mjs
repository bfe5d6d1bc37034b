// The demo shop's pages with generated catalogs of 1k, 10k and 100k products, written the way the
// catalog CLI writes them (rows inline while catalog.json stays within 40 KB gzip, else neighbour
// shards; the 10k and 100k catalogs also in compact form), plus a control site without curio.js.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { builtFromFile, catalogFiles, neighborShardCount } from '@curio/catalog-cli';
import { buildSite } from '../../examples/shop/build-site.mjs';
import { generateCatalog } from './generate.mjs';

/** Product pages the bench visits (the shop's other pages need only a few). */
const PAGES = 24;

/**
 * Writes one site per variant under a temporary directory; returns `{ name, size, dir, naive }`
 * per variant (`naive`: the catalog with inline rows, for the naive ranking in the page).
 */
export function writeSites(sizes = [1_000, 10_000, 100_000], root = join(tmpdir(), 'curio-bench-sites')) {
  const sites = [];
  const write = (dir, files) => {
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.bytes);
    }
  };
  for (const n of sizes) {
    const catalog = generateCatalog(n, n);
    for (const p of catalog.products) p.reviews = ['light and warm', 'fits true to size'];
    const variants = n >= 10_000 ? [['json', false], ['compact', true]] : [['json', false]];
    for (const [form, compact] of variants) {
      const dir = join(root, `${n}-${form}`);
      // Pages for the first products only; the catalog is the whole one.
      const pagesCatalog = join(root, `pages-${n}.json`);
      mkdirSync(root, { recursive: true });
      writeFileSync(pagesCatalog, JSON.stringify({ ...catalog, products: catalog.products.slice(0, PAGES) }));
      buildSite({ out: dir, catalogFile: pagesCatalog });
      const forms = builtFromFile(catalog);
      write(dir, catalogFiles(forms, neighborShardCount(forms), compact));
      writeFileSync(join(dir, 'naive.json'), JSON.stringify(catalog));
      sites.push({ name: `${n.toLocaleString('en')} ${form === 'compact' ? 'compact' : 'JSON'}`, size: n, form, dir });
    }
  }
  const control = join(root, 'control');
  buildSite({ out: control, catalogFile: join(root, `pages-${sizes[0]}.json`) });
  writeFileSync(join(control, 'curio.js'), '');
  return { sites, control };
}
