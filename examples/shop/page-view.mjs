// Bytes and milliseconds per page view, measured in Chromium: what the browser downloads (encoded
// bytes on the wire, from the DevTools protocol's Network events) before the first picks show, JS
// and data apart, for the scenarios of docs/performance.md (the demo shop with and without rules,
// pages with and without picks, a later page of the same visit), served as a production host
// would serve them (brotli/gzip, ETags, immutable content-hashed files: serve.mjs). Shared by the
// end-to-end budget test (test/page-view.test.mjs) and `pnpm bench`.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { staticHandler } from './serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Curio's script files: curio.js and the chunks next to it. */
export const isCurioScript = (path) => /\/curio[\w.-]*\.m?js$/.test(path);
/** The shop's catalog files (manifest, catalog, features, neighbour and product shards). */
export const isCatalogData = (path) => /\.(json|bin)$/.test(path);

// Runs in each page before its scripts: the wall-clock time at which the first pick card shows.
const WATCH_PICKS = () => {
  const watch = (window.__pageView = { picksAt: undefined });
  const poll = () => {
    for (const host of document.querySelectorAll('[data-curio-picks]')) {
      if (host.shadowRoot?.querySelector('[part~="card"]:not([part~="skeleton"])')) {
        watch.picksAt = performance.timeOrigin + performance.now();
        return;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
};

/**
 * Starts recording the network of `page` (a playwright page): call once per page, before
 * {@link measurePageView}. Returns the recorder the measurements read.
 */
export async function recordNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map();
  // `startedAt`: wall-clock ms (compared with the page's picks time); `requestedAt`/`finishedAt`: the protocol's monotonic ms.
  cdp.on('Network.requestWillBeSent', ({ requestId, request, wallTime, timestamp }) =>
    requests.set(requestId, { url: request.url, startedAt: wallTime * 1000, requestedAt: timestamp * 1000, headerBytes: 0, bytes: 0, cached: false, done: false }),
  );
  cdp.on('Network.requestServedFromCache', ({ requestId }) => requests.has(requestId) && (requests.get(requestId).cached = true));
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const r = requests.get(requestId);
    if (!r) return;
    r.status = response.status;
    r.headerBytes = response.encodedDataLength ?? 0;
    r.cached ||= Boolean(response.fromDiskCache || response.fromServiceWorker || response.fromPrefetchCache);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength, timestamp }) => {
    const r = requests.get(requestId);
    if (!r) return;
    r.finishedAt = timestamp * 1000;
    // The body as it came over the wire (compressed): the total minus the response headers.
    r.bytes = r.cached ? 0 : Math.max(0, encodedDataLength - r.headerBytes);
    r.done = true;
  });
  await page.addInitScript(WATCH_PICKS);
  return { cdp, requests, setCpuRate: (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate }) };
}

/**
 * Opens `url` in `page` and measures one page view: the JS and data Curio downloads before the
 * first picks show (`picks: true`) or, on a page without picks, everything it downloads until the
 * network is quiet. Also the time from curio.js's arrival to the first picks.
 * @returns {{ js: number, data: number, files: { path: string, bytes: number, status?: number, requestedAt: number, finishedAt: number }[], picksAfterScript?: number }}
 */
export async function measurePageView(page, recorder, url, { picks = true, timeout = 60_000 } = {}) {
  recorder.requests.clear();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  let picksAt = Infinity;
  if (picks) picksAt = await page.waitForFunction(() => window.__pageView.picksAt, null, { timeout, polling: 20 }).then((handle) => handle.jsonValue());
  else await page.waitForFunction(() => window.curio && !Array.isArray(window.curio), null, { timeout });
  await quiet(recorder, picks ? 0 : 500);
  const files = [];
  let js = 0;
  let data = 0;
  for (const r of recorder.requests.values()) {
    if (r.startedAt > picksAt) continue;
    const path = new URL(r.url).pathname;
    if (isCurioScript(path)) js += r.bytes;
    else if (isCatalogData(path)) data += r.bytes;
    else continue;
    files.push({ path, bytes: r.bytes, status: r.status, cached: r.cached, requestedAt: r.requestedAt, finishedAt: r.finishedAt });
  }
  const picksAfterScript = picks
    ? await page.evaluate((picksAt) => {
        const script = performance.getEntriesByType('resource').find((e) => /\/curio\.m?js$/.test(new URL(e.name).pathname));
        return script ? picksAt - (performance.timeOrigin + script.responseEnd) : undefined;
      }, picksAt)
    : undefined;
  return { js, data, files, picksAfterScript };
}

/** Waits until no request of the page is in flight (and, with `settle`, none started for that long). */
async function quiet({ requests }, settle) {
  let last = -1;
  for (let waited = 0; waited < 30_000; waited += 50) {
    const inFlight = [...requests.values()].some((r) => !r.done);
    if (!inFlight && (settle === 0 || requests.size === last)) {
      if (settle === 0) return;
      await new Promise((resolve) => setTimeout(resolve, settle));
      if (requests.size === last && ![...requests.values()].some((r) => !r.done)) return;
    }
    last = requests.size;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Serves `root` on a free localhost port. */
export async function serveDir(root) {
  const server = createServer(staticHandler(normalize(root)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * A copy of the built demo shop without the merchant's rules and collections (a plain shop): the
 * catalog file without them, the home page without the collections widget, and no page preloading
 * the rules chunk.
 */
export function plainShop(shopDir, out = mkdtempSync(join(tmpdir(), 'curio-plain-shop-'))) {
  cpSync(shopDir, out, { recursive: true });
  const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
  delete catalog.rules;
  delete catalog.collections;
  writeFileSync(join(out, 'catalog.json'), JSON.stringify(catalog));
  const home = readFileSync(join(out, 'index.html'), 'utf8');
  writeFileSync(join(out, 'index.html'), home.replace(/<div data-curio-collections[^>]*><\/div>\n?/, ''));
  // Nor does it preload the rules chunk.
  const pages = readdirSync(out, { recursive: true }).filter((path) => path.endsWith('.html')).map((path) => join(out, path));
  for (const page of pages) writeFileSync(page, readFileSync(page, 'utf8').replace(/data-preload="([^"]*)"/, (_, words) => `data-preload="${words.replace(/\brules\b ?/, '')}"`));
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
  { name: 'checkout (no picks: curio.recorder.js), first visit', page: 'checkout', picks: false },
  { name: 'product page, later in the visit (after home)', page: 'laterProduct', before: 'home' },
];

/** Measures `scenarios` on the shop served at `url` at CPU slowdown `rate`, each in a fresh Chromium profile. */
export async function measureScenarios(url, pages, { rate = 1, scenarios = SCENARIOS } = {}) {
  // A production host serves precompressed files: compress the big ones once before timing.
  for (const path of ['catalog.json', 'curio.js', 'curio.recorder.js']) for (const encoding of ['br', 'gzip']) await fetch(new URL(path, url), { headers: { 'accept-encoding': encoding } }).then((r) => r.arrayBuffer());
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
      rows.push({ scenario: scenario.name, page: scenario.page, rate, ...result });
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
