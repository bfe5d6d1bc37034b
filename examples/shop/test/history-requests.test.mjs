// What a page fetches never depends on the visitor's history, in real Chromium. The shop with a
// sharded catalog (neighbour rows in 64 shards) and with a compact one (features, 64 neighbour
// and 64 product shards), served with `no-cache` like the demo. Two visitors: one cold, one
// warm after 20 product views across categories. Both then load the same pages with the HTTP
// cache disabled (CDP Network.setCacheDisabled): the warm visitor's data requests are a subset
// of the cold visitor's plus the product records of the picks it was shown; none carries a
// cookie or a referrer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFromFile, catalogFiles } from '../../../packages/catalog-cli/dist/index.js';
import { buildSite } from '../build-site.mjs';
import { staticHandler } from '../serve.mjs';
import { cards, catalog, categoryOf, inlineCatalog, launch, readPicks, stored, until } from './helpers.mjs';

/** Neighbour shards, and product shards of the compact catalog (the CLI uses one count for both). */
const SHARDS = 64;
const position = new Map(catalog.products.map((p, i) => [p.id, i]));
const isData = (path) => /^\/(catalog\.json|features\.bin|neighbors\/|products\/)/.test(path);

/** 20 products across every category, two or so from each. */
const categories = [...new Set(catalog.products.map((p) => categoryOf(p.id)))];
const history = Array.from({ length: 20 }, (_, k) => catalog.products.filter((p) => categoryOf(p.id) === categories[k % categories.length])[Math.floor(k / categories.length) + 3]);
const other = catalog.products.find((p) => !history.includes(p) && categoryOf(p.id) === categories[0]);
const category = catalog.products.find((p) => categoryOf(p.id) === categories[1]);
/** The pages both visitors load, each with a picks widget. */
const PAGES = ['', `c/${category.categories.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-')}.html`, `p/${other.id}.html`, 'cart.html', 'thanks.html'];

/** The number of history items whose catalog data the visitor keeps (its IndexedDB record). */
const keptCount = (page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((db) => db.name === 'curio')) return 0;
    const db = await new Promise((resolve, reject) => Object.assign(indexedDB.open('curio'), { onsuccess: (e) => resolve(e.target.result), onerror: reject }));
    try {
      const state = await new Promise((resolve, reject) => Object.assign(db.transaction('state').objectStore('state').get('visitor'), { onsuccess: (e) => resolve(e.target.result), onerror: reject }));
      return Object.keys(state?.kept ?? {}).length;
    } finally {
      db.close();
    }
  });

for (const compact of [false, true]) {
  describe(`a ${compact ? 'compact' : 'sharded'} catalog: data requests never depend on the history`, () => {
    let dir;
    let server;
    let url;
    const visitors = [];
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'curio-history-'));
      buildSite({ out: dir });
      for (const file of catalogFiles(builtFromFile(inlineCatalog), SHARDS, compact)) {
        mkdirSync(dirname(join(dir, file.path)), { recursive: true });
        writeFileSync(join(dir, file.path), file.bytes);
      }
      server = createServer(staticHandler(dir));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://localhost:${server.address().port}/`;
    });
    afterAll(async () => {
      for (const v of visitors) await v.close();
      await new Promise((resolve) => server?.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    });

    /** The ids of the products every list on the page shows. */
    const shownIds = (page) =>
      cards(page, '').locator('[part="title"]').evaluateAll((links) => links.map((link) => new URL(link.href).pathname.replace(/^\/p\/|\.html$/g, '')));

    /** Loads every page of {@link PAGES} with the HTTP cache disabled; returns the data requests and the picks shown. */
    async function visitPages(visitor) {
      const { context, page } = visitor;
      await context.addCookies([{ name: 'session', value: 'visitor-secret', url }]);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const requests = [];
      const onRequest = async (request) => {
        const path = new URL(request.url()).pathname;
        if (isData(path)) requests.push({ path, headers: await request.allHeaders() });
      };
      page.on('request', onRequest);
      const picks = [];
      for (const path of PAGES) {
        await page.goto(`${url}${path}`);
        await readPicks(page, '[data-curio-picks]');
        await page.waitForLoadState('networkidle');
        // Every list on the page: the placement's and, once the history matches one, a collection's.
        picks.push(...(await shownIds(page)));
      }
      page.off('request', onRequest);
      return { paths: new Set(requests.map((r) => r.path)), requests, picks };
    }

    it('the warm visitor asks for nothing the cold one does not, beyond the records of its own picks', async () => {
      const cold = await launch();
      const warm = await launch();
      visitors.push(cold, warm);
      for (const [k, product] of history.entries()) {
        await warm.page.goto(`${url}p/${product.id}.html`);
        await readPicks(warm.page, '[data-curio-picks="product"]');
        // A shopper reads the page for a moment: its catalog data is kept meanwhile.
        await until(() => keptCount(warm.page), (n) => n === k + 1, { what: `${product.id} to be kept` });
      }
      await stored(warm.page, 'view_item', 20);
      await until(() => keptCount(warm.page), (n) => n === 20, { what: 'the 20 history items to be kept' });

      const coldVisit = await visitPages(cold);
      const warmVisit = await visitPages(warm);
      // The warm visitor's picks are its own (not the cold visitor's popular ones).
      expect(warmVisit.picks).not.toEqual(coldVisit.picks);
      const records = new Set(compact ? warmVisit.picks.map((id) => `/products/${position.get(id) % SHARDS}.json`) : []);
      const extra = [...warmVisit.paths].filter((path) => !coldVisit.paths.has(path) && !records.has(path));
      console.log(`${compact ? 'compact' : 'sharded'}: cold ${coldVisit.paths.size} data files, warm ${warmVisit.paths.size} (${warmVisit.requests.length} requests), beyond the cold visitor's and the shown records: ${extra.length}`);
      expect(extra).toEqual([]);
      for (const { headers } of [...coldVisit.requests, ...warmVisit.requests]) {
        expect(headers.cookie).toBeUndefined();
        expect(headers.referer).toBeUndefined();
      }
      expect(cold.errors).toEqual([]);
      expect(warm.errors).toEqual([]);
    });
  });
}
