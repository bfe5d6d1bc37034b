// Withdrawing consent and "Forget everything" in real Chromium, in every mode and every tab:
// after a granted visit stores six views, a page with consent pending that then receives
// ['consent', 'denied'], or that forgets, deletes the database; its export holds the stored
// views; a denial in one tab makes the other drop the stored history and never write again.
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { catalog, databases, launch, profile, stored, until } from './helpers.mjs';

const url = inject('shopUrl');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";
const page = (consent) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Consent ${consent}</title>
<script async src="/curio.js" data-catalog="/catalog.json" data-consent="${consent}"></script>
</head><body><main><div id="picks" data-curio-picks="home" data-curio-limit="4"></div></main></body></html>`;
const viewed = catalog.products.slice(0, 6);

describe('consent withdrawal and erasure in every mode and every tab', () => {
  let browser;
  // A fresh browser profile per test: each starts from nothing stored.
  beforeEach(async () => {
    browser = await launch();
    for (const consent of ['pending', 'granted']) {
      await browser.context.route(`${url}consent-${consent}.html`, (route) =>
        route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, body: page(consent) }),
      );
    }
  });
  afterEach(async () => {
    await browser?.close();
  });

  /** A granted visit of six product pages, all stored. */
  async function grantedVisit(tab) {
    for (const [k, product] of viewed.entries()) {
      await tab.goto(`${url}p/${product.id}.html`);
      // A shopper reads each page for a moment: its view is stored meanwhile.
      await stored(tab, 'view_item', k + 1);
    }
  }

  it('a pending page: the export holds the stored views; ["consent", "denied"] deletes the database', async () => {
    const { page: tab, errors } = browser;
    await grantedVisit(tab);
    await tab.goto(`${url}consent-pending.html`);
    await profile(tab);
    const exported = await tab.evaluate(() => window.curio.instance.exportData());
    expect(exported.events.filter((e) => e.type === 'view_item').map((e) => e.item).sort()).toEqual(viewed.map((p) => p.id).sort());
    await tab.evaluate(() => window.curio.push(['consent', 'denied']));
    await until(() => databases(tab), (names) => !names.includes('curio'), { what: 'the database to be deleted' });
    await tab.goto(`${url}consent-granted.html`);
    expect((await profile(tab)).eventCounts).toEqual({});
    expect(errors).toEqual([]);
  });

  it('a pending page: forget() deletes what the granted visit stored, and it does not come back', async () => {
    const { page: tab, errors } = browser;
    await grantedVisit(tab);
    await tab.goto(`${url}consent-pending.html`);
    await profile(tab);
    await tab.evaluate(() => window.curio.instance.forget());
    expect(await databases(tab)).not.toContain('curio');
    await tab.goto(`${url}consent-granted.html`);
    expect((await profile(tab)).eventCounts).toEqual({});
    expect(errors).toEqual([]);
  });

  it('a denial in one tab: the other drops the stored history, switches to memory and never recreates the database', async () => {
    const { context, page: tabA, errors } = browser;
    await grantedVisit(tabA);
    const tabB = await context.newPage();
    await tabB.goto(`${url}consent-granted.html`);
    await until(() => profile(tabB), (p) => p.eventCounts.view_item === 6, { what: 'tab B to hold the six views' });
    await tabA.goto(`${url}consent-granted.html`);
    await profile(tabA);
    await tabA.evaluate(() => window.curio.push(['consent', 'denied']));
    const b = await until(() => profile(tabB), (p) => !p.eventCounts.view_item, { what: 'tab B to drop the stored history' });
    expect(b.storage).toBe('memory');
    expect(b.consent).toBe('denied');
    await until(() => databases(tabA), (names) => !names.includes('curio'), { what: 'the database to be deleted' });
    // Tab B's next events stay in memory, even once flushed.
    await tabB.evaluate((items) => {
      for (const item of items) window.curio.push(['track', { type: 'view_item', item }]);
      return window.curio.instance.setPreference({ kind: 'brand', value: 'Nordlys', like: true });
    }, viewed.slice(0, 2).map((p) => p.id));
    await tabB.waitForTimeout(1500);
    expect(await databases(tabB)).not.toContain('curio');
    await tabB.close();
    expect(errors).toEqual([]);
  });
});
