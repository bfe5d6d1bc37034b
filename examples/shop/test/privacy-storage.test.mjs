// Privacy by inspecting the browser's storage in real Chromium. A page of the shop's origin with
// curio.js and every widget (picks with "Why this?", quiz, collections, preference center) and a
// context rule's page value. After using all of it, with consent "pending" or "denied", or with
// Global Privacy Control: no IndexedDB database, and no localStorage, sessionStorage or cookie
// key. forget() after a granted visit leaves the same nothing. Granting consent later persists
// the session so far.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, categoryOf, launch, profile, readPicks, storedCounts, until } from './helpers.mjs';

const url = inject('shopUrl');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";
const page = (consent) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Privacy</title>
<script async src="/curio.js" data-catalog="/catalog.json" data-consent="${consent}" data-context='{"weather":"rain"}'></script>
</head><body><main>
<div id="picks" data-curio-picks="home" data-curio-limit="4"></div>
<div id="quiz" data-curio-quiz></div>
<div id="collections" data-curio-collections="1" data-curio-limit="4"></div>
<div id="prefs" data-curio-preferences></div>
</main></body></html>`;
const hiking = catalog.products.filter((p) => ['Outdoor > Tents', 'Outdoor > Backpacks'].includes(categoryOf(p.id)) && p.inStock !== false).slice(0, 3);

/** Everything this origin keeps: IndexedDB databases, Web Storage keys, cookies. */
const footprint = (page) =>
  page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((db) => db.name),
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    cookies: document.cookie,
  }));
const NOTHING = { databases: [], localStorage: [], sessionStorage: [], cookies: '' };

/** Uses every feature: tracking, page context, rules, quiz, collections, "Why this?", the preference center. */
async function useEverything(page) {
  await readPicks(page, '#picks', 4);
  for (const product of hiking) await page.evaluate((item) => window.curio.push(['track', { type: 'view_item', item }]), product.id);
  await page.evaluate((item) => {
    window.curio.push(['track', { type: 'add_to_cart', item }], ['track', { type: 'search', query: 'tent' }], ['track', { type: 'purchase', items: [item] }]);
    window.curio.push(['context', { weather: 'sun', tier: 'gold' }]);
  }, hiking[0].id);
  await until(() => profile(page), (p) => p.eventCounts.purchase === 1, { what: 'the events in memory' });
  await page.locator('#quiz').getByRole('checkbox').first().check();
  await page.locator('#quiz').getByRole('button', { name: 'Next' }).click();
  await page.locator('#collections [part="collection"]').first().waitFor();
  await page.locator('#picks [part="why-button"]').first().click();
  await page.locator('#picks [part="why"]').first().waitFor();
  await page.locator('#prefs').getByRole('button', { name: `Remove: ${hiking[1].title}` }).click();
  await until(() => profile(page), (p) => !p.recentItems.some((r) => r.item === hiking[1].id), { what: 'the item to be removed' });
  await page.evaluate(() => window.curio.instance.explainRules());
  // Leaving the page runs the pagehide rescue: it must not write either.
  await page.reload();
  await readPicks(page, '#picks', 4);
}

describe('privacy by inspecting storage', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch();
    for (const consent of ['pending', 'denied', 'granted']) {
      await browser.context.route(`${url}privacy-${consent}.html`, (route) =>
        route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, body: page(consent) }),
      );
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const consent of ['pending', 'denied']) {
    it(`consent "${consent}": nothing stored after using every feature`, async () => {
      const { page, errors } = browser;
      await page.goto(`${url}privacy-${consent}.html`);
      expect(await footprint(page)).toEqual(NOTHING);
      await useEverything(page);
      expect((await profile(page)).storage).toBe('memory');
      expect(await footprint(page)).toEqual(NOTHING);
      expect(errors).toEqual([]);
    });
  }

  it('consent "pending", then granted: the session so far is stored', async () => {
    const { page, errors } = browser;
    await page.goto(`${url}privacy-pending.html`);
    await readPicks(page, '#picks', 4);
    for (const product of hiking) await page.evaluate((item) => window.curio.push(['track', { type: 'view_item', item }]), product.id);
    await until(() => profile(page), (p) => p.eventCounts.view_item === 3, { what: 'the views in memory' });
    expect(await footprint(page)).toEqual(NOTHING);
    await page.evaluate(() => window.curio.push(['consent', 'granted']));
    await until(() => storedCounts(page), (counts) => counts.view_item === 3, { what: 'the session to be stored' });
    expect((await footprint(page)).databases).toEqual(['curio']);
    await page.evaluate(() => window.curio.instance.forget());
    expect(await footprint(page)).toEqual(NOTHING);
    expect(errors).toEqual([]);
  });

  it('forget() after a granted visit of every feature: no database, no keys', async () => {
    const { page, errors } = browser;
    await page.goto(`${url}privacy-granted.html`);
    await useEverything(page);
    await until(() => storedCounts(page), (counts) => counts.purchase === 1, { what: 'the visit to be stored' });
    // The visitor's record, and the shop's catalog kept for the next page views (no visitor data; forgotten with it).
    const stored = await until(() => footprint(page), (f) => f.databases.includes('curio-catalog'), { what: 'the catalog cache' });
    expect({ ...stored, databases: stored.databases.sort() }).toEqual({ ...NOTHING, databases: ['curio', 'curio-catalog'] });
    await page.evaluate(() => window.curio.push(['forget']));
    await until(() => footprint(page), (f) => f.databases.length === 0, { what: 'the database to be deleted' });
    expect(await footprint(page)).toEqual(NOTHING);
    // The forgotten visit does not come back on the next page (which, consent granted, may store anew).
    await page.reload();
    await readPicks(page, '#picks', 4);
    expect(await storedCounts(page)).toEqual({});
    expect((await profile(page)).eventCounts).toEqual({});
    expect(errors).toEqual([]);
  });

  it('Global Privacy Control: nothing stored with consent granted, even when granted again', async () => {
    const other = await launch();
    try {
      await other.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
      await other.context.route(`${url}privacy-granted.html`, (route) =>
        route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, body: page('granted') }),
      );
      await other.page.goto(`${url}privacy-granted.html`);
      expect(await other.page.evaluate(() => navigator.globalPrivacyControl)).toBe(true);
      await useEverything(other.page);
      await other.page.evaluate(() => window.curio.push(['consent', 'granted']));
      expect((await profile(other.page)).storage).toBe('memory');
      expect(await footprint(other.page)).toEqual(NOTHING);
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
