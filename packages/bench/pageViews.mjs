// Bytes per page view in Chromium: what a shopper's browser downloads before the first picks, JS
// and data apart, for the scenarios of docs/performance.md (the demo shop with and without rules,
// pages with and without picks, a later page of the same visit), served as a production host
// would serve them (brotli/gzip, ETags, immutable content-hashed files: examples/shop/serve.mjs).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { staticHandler } from '../../examples/shop/serve.mjs';
import { measurePageView, recordNetwork } from '../../examples/shop/page-view.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Serves `root` on a free localhost port. */
export async function serveDir(root) {
  const server = createServer(staticHandler(normalize(root)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * A copy of the built demo shop without the merchant's rules and collections (a plain shop): the
 * catalog file without them and the home page without the collections widget.
 */
export function plainShop(shopDir, out = mkdtempSync(join(tmpdir(), 'curio-plain-shop-'))) {
  cpSync(shopDir, out, { recursive: true });
  const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
  delete catalog.rules;
  delete catalog.collections;
  writeFileSync(join(out, 'catalog.json'), JSON.stringify(catalog));
  const home = readFileSync(join(out, 'index.html'), 'utf8');
  writeFileSync(join(out, 'index.html'), home.replace(/<div data-curio-collections[^>]*><\/div>\n?/, ''));
  return out;
}

/**
 * The page-view scenarios of one shop: each page's first view in a fresh profile, a page without
 * picks (checkout: Curio only records), and a product page viewed later in the same visit.
 * `pages` gives the URLs: `{ home, product, category, cart, checkout, laterProduct }`.
 */
export const SCENARIOS = [
  { name: 'home, first visit', page: 'home' },
  { name: 'product page, first visit', page: 'product' },
  { name: 'category page, first visit', page: 'category' },
  { name: 'cart, first visit', page: 'cart' },
  { name: 'checkout (no picks), first visit', page: 'checkout', picks: false },
  { name: 'product page, later in the visit (after home)', page: 'laterProduct', before: 'home' },
];

/** Measures `scenarios` on the shop served at `url` at CPU slowdown `rate`, each in a fresh Chromium profile. */
export async function measureScenarios(url, pages, { rate = 1, scenarios = SCENARIOS } = {}) {
  const rows = [];
  for (const scenario of scenarios) {
    const dir = mkdtempSync(join(tmpdir(), 'curio-page-view-'));
    const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const recorder = await recordNetwork(context, page);
      await recorder.setCpuRate(rate);
      if (scenario.before) {
        await measurePageView(page, recorder, new URL(pages[scenario.before], url).href);
        await page.waitForTimeout(500); // the visit goes on: the first page's idle work (caching) is done
      }
      const result = await measurePageView(page, recorder, new URL(pages[scenario.page], url).href, { picks: scenario.picks !== false });
      rows.push({ scenario: scenario.name, rate, ...result });
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

/** The demo shop's pages for the scenarios, from its catalog: the first product and its category. */
export function demoPages(shopDir) {
  const catalog = JSON.parse(readFileSync(join(shopDir, 'catalog.json'), 'utf8'));
  const first = catalog.products[0];
  const other = catalog.products[1];
  const slug = (path) => path.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { home: '/', product: `/p/${first.id}.html`, category: `/c/${slug(first.categories)}.html`, cart: '/cart.html', checkout: '/checkout.html', laterProduct: `/p/${other.id}.html` };
}
