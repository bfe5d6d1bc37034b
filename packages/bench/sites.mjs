// The demo shop's pages with generated catalogs of 1k, 10k and 100k products, written the way the
// catalog CLI writes them (inline rows up to 2,000 products, neighbour shards above; the 10k and
// 100k catalogs also in compact form), plus a control site without curio.js.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { autoShardCount, catalogFiles } from '@curio/catalog-cli';
import { buildSite } from '../../examples/shop/build-site.mjs';
import { generateCatalog } from './generate.mjs';

/** Product pages the bench visits (the shop's other pages need only a few). */
const PAGES = 24;

/** A catalog with inline neighbour rows in the catalog CLI's build form (rows as index tables), for `catalogFiles`. */
export function built(catalog) {
  const index = new Map(catalog.products.map((p, i) => [p.id, i]));
  const tables = catalog.neighbors.map(({ id, kind, rows }) => ({
    id,
    kind,
    rows: catalog.products.map((p) => {
      const row = rows?.[p.id];
      if (!row?.length) return undefined;
      const max = Math.max(...row.map(([, w]) => w));
      return { ids: row.map(([j]) => index.get(j)), weights: row.map(([, w]) => w / max) };
    }),
  }));
  return { catalog: { ...catalog, neighbors: tables.map(({ id, kind }) => ({ id, kind })) }, tables };
}

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
      write(dir, catalogFiles(built(catalog), autoShardCount(n), compact));
      writeFileSync(join(dir, 'naive.json'), JSON.stringify(catalog));
      sites.push({ name: `${n.toLocaleString('en')} ${form === 'compact' ? 'compact' : 'JSON'}`, size: n, form, dir });
    }
  }
  const control = join(root, 'control');
  buildSite({ out: control, catalogFile: join(root, `pages-${sizes[0]}.json`) });
  writeFileSync(join(control, 'curio.js'), '');
  return { sites, control };
}
