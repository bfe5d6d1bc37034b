// Storage faults in real Chromium, on the demo shop: for each, no exception reaches the page,
// picks still render, and once storage works again every event track() accepted is stored.
// Faults are real where Chromium can make them (a blocking older tab, site data cleared, records
// written by hand) and injected before any script of the page otherwise (`HOOKS`).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, categoryOf, launch, readPicks, storedEvents, until } from './helpers.mjs';

const url = inject('shopUrl');
const origin = new URL(url).origin;
const PRODUCT = '[data-curio-picks="product"]';
const [shown, viewed] = catalog.products.filter((p) => categoryOf(p.id) === 'Outdoor > Tents');
const DAY = 864e5;

// Runs before every script of every page: switchable faults (`window.__fault`), a clock that can be
// set back (`window.__clockBack`), and the fault named in the URL hash at load.
const HOOKS = `(() => {
  window.__fault = new URLSearchParams(location.hash.slice(1)).get('fault');
  window.__clockBack = 0;
  const idb = window.indexedDB;
  Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => (window.__fault === 'missing' ? undefined : idb) });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    if (window.__fault === 'open') throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
    return open.apply(this, args);
  };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.__fault === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
  const now = Date.now;
  Date.now = () => now() - window.__clockBack;
})();`;

/** Opens `curio` (with its object store) from another page of the origin and keeps the connection open. */
const openDatabase = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('curio');
        r.onupgradeneeded = () => r.result.createObjectStore('state');
        r.onsuccess = () => resolve((window.held = r.result).version);
        r.onerror = () => reject(r.error);
      }),
  );
/** Writes a raw record, as a broken or older version would have left it. */
async function writeRecord(page, record) {
  await openDatabase(page);
  await page.evaluate(
    (record) =>
      new Promise((resolve, reject) => {
        const tx = window.held.transaction('state', 'readwrite');
        tx.objectStore('state').put(record, 'visitor');
        tx.oncomplete = () => resolve(window.held.close());
        tx.onabort = () => reject(tx.error);
      }),
    record,
  );
}

describe('storage faults in Chromium', () => {
  let browser;
  let cdp;
  let other; // a page of the origin without Curio: another tab, or the user's tools
  beforeAll(async () => {
    browser = await launch();
    await browser.context.addInitScript(HOOKS);
    cdp = await browser.context.newCDPSession(browser.page);
    other = await browser.context.newPage();
    await browser.context.route(`${url}blank.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Blank</title>' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const search = (page, queries) => page.evaluate((queries) => queries.forEach((query) => window.curio.instance.track({ type: 'search', query })), queries);
  const storage = (page) => page.evaluate(() => window.curio.instance.profile().then((p) => p.storage));
  const storedQueries = async (page) => (await storedEvents(page)).flatMap((e) => (e.type === 'search' ? [e.query] : []));

  const FAULTS = [
    { name: 'IndexedDB missing', hash: '#fault=missing', end: (page) => page.evaluate(() => (window.__fault = null)) },
    { name: 'open() throws', hash: '#fault=open', end: (page) => page.evaluate(() => (window.__fault = null)) },
    {
      name: 'upgrade blocked by an older tab',
      before: async () => {
        // The older tab ignores versionchange, so the newer tab's upgrade (and every open after it) waits.
        const version = await openDatabase(other);
        await other.evaluate((v) => void (window.upgrade = indexedDB.open('curio', v + 1)), version);
      },
      end: () => other.evaluate(() => {
        window.upgrade.onsuccess = () => window.upgrade.result.close();
        window.held.close();
      }),
    },
    {
      name: 'QuotaExceededError on flush',
      during: async (page) => {
        await page.evaluate(() => (window.__fault = 'quota'));
        await search(page, ['during']);
        await until(() => storage(page), (mode) => mode === 'memory', { what: 'the failed write' });
      },
      end: (page) => page.evaluate(() => (window.__fault = null)),
    },
    { name: 'a corrupt record', before: () => writeRecord(other, { schema: 1, events: 'garbage', preferences: [7], dismissed: null }) },
    {
      name: 'a stored schema from an older version',
      before: () => writeRecord(other, { events: [{ id: 'old', at: Date.now() - DAY, type: 'search', query: 'old' }] }),
      kept: ['old'],
    },
    {
      name: 'the database deleted by the user mid-session (deleteDatabase)',
      during: () => other.evaluate(() => new Promise((resolve) => (indexedDB.deleteDatabase('curio').onsuccess = resolve))),
      lost: true,
    },
    {
      name: 'the database deleted by the user mid-session (site data cleared)',
      during: () => cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' }),
      lost: true,
    },
    { name: 'the clock going backwards', during: (page) => page.evaluate((back) => (window.__clockBack = back), 2 * DAY) },
  ];

  it.each(FAULTS)('$name: no page error, picks render, nothing accepted is lost', async (fault) => {
    const { page, errors } = browser;
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    await other.goto(`${url}blank.html`);
    await fault.before?.();
    await page.goto(`${url}p/${shown.id}.html${fault.hash ?? ''}`);
    await readPicks(page, PRODUCT, 6);
    await search(page, ['a1', 'a2']);
    if (fault.during) await until(() => storedQueries(page), (q) => q.includes('a2'), { what: 'the first events stored' });
    await fault.during?.(page);
    await page.evaluate((item) => window.curio.instance.track({ type: 'view_item', item }), viewed.id);
    await search(page, ['b1', 'b2']);
    // Picks follow the session even while storage is failing.
    const picks = await page.evaluate((item) => window.curio.instance.recommend({ placement: 'product', item, limit: 4 }), viewed.id);
    expect(picks.length).toBe(4);
    expect(picks[0].kind).toBe('personal');
    await fault.end?.(page);
    await search(page, ['c1']);
    const expected = [...(fault.kept ?? []), ...(fault.lost ? [] : ['a1', 'a2']), ...(fault.name.startsWith('Quota') ? ['during'] : []), 'b1', 'b2', 'c1'].sort();
    await until(async () => (await storedQueries(page)).sort(), (q) => q.join() === expected.join(), { what: `stored queries ${expected}`, timeout: 20000 });
    // A new page load reads them back and renders picks.
    await page.goto(`${url}p/${viewed.id}.html`);
    const { eventCounts } = await page.evaluate(() => new Promise((resolve) => window.curio.instance.ready.then(() => resolve(window.curio.instance.profile()))));
    expect(eventCounts.search).toBe(expected.length);
    await readPicks(page, PRODUCT, 6);
    expect(errors).toEqual([]);
  });
});
