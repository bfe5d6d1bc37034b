// Consent from the shop's CMP in real Chromium (consentFrom / data-consent-from): each CMP is a
// stub written from its documentation (packages/core/test/cmp-stubs). A CMP that loads after
// Curio, one that never loads, and consent given in one tab and withdrawn in another.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { catalog, databases, launch, profile, readPicks, stored, until } from './helpers.mjs';
import { serveVariant } from './shopVariant.mjs';

const url = inject('shopUrl');
const products = catalog.products.slice(0, 3).map((p) => `${url}p/${p.id}.html`);

describe('consent from the shop\'s CMP', () => {
  let browser;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('TCF loading after Curio (the page has the queue stub): pending in memory until the visitor accepts, then stored', async () => {
    browser = await launch();
    const { context, page, errors } = browser;
    await serveVariant(context, { attributes: { 'data-consent-from': 'tcf' }, head: ['tcf-queue'], late: { stub: 'tcf', ms: 1500 } });
    await page.goto(products[0]);
    await readPicks(page, '[data-curio-picks="product"]');
    expect(await profile(page)).toMatchObject({ consent: 'pending', storage: 'memory' });
    expect(await databases(page)).not.toContain('curio');
    await page.waitForFunction(() => window.cmpStub);
    expect((await profile(page)).consent).toBe('pending'); // the banner is up, no choice yet
    await page.evaluate(() => window.cmpStub.choose(true));
    await until(() => profile(page), (p) => p.storage === 'indexeddb', { what: 'the grant' });
    await stored(page, 'view_item', 1); // the page's view, kept from memory
    expect(errors).toEqual([]);
  });

  it('a CMP that never loads: picks are shown, nothing is stored', async () => {
    browser = await launch();
    const { context, page, errors } = browser;
    await serveVariant(context, { attributes: { 'data-consent-from': 'cookiebot' } });
    await page.goto(products[0]);
    await readPicks(page, '[data-curio-picks="product"]');
    await page.goto(products[1]);
    await readPicks(page, '[data-curio-picks="product"]');
    await page.waitForTimeout(1500);
    expect(await profile(page)).toMatchObject({ consent: 'pending', storage: 'memory' });
    expect(await databases(page)).not.toContain('curio');
    expect(errors).toEqual([]);
  });

  for (const cmp of ['tcf', 'gcm', 'onetrust', 'cookiebot', 'usercentrics', 'shopify']) {
    it(`${cmp}: consent given, then withdrawn in another tab, erases what was stored`, async () => {
      browser = await launch();
      const { context, page, errors } = browser;
      await serveVariant(context, { attributes: { 'data-consent-from': cmp }, head: [cmp] });
      await page.goto(products[0]);
      await readPicks(page, '[data-curio-picks="product"]');
      await page.evaluate(() => window.cmpStub.choose(true));
      await until(() => profile(page), (p) => p.storage === 'indexeddb', { what: 'the grant' });
      await stored(page, 'view_item', 1);

      const other = await context.newPage();
      await other.goto(products[1]);
      await readPicks(other, '[data-curio-picks="product"]');
      await until(() => profile(other), (p) => p.storage === 'indexeddb', { what: 'the stored grant in the other tab' });
      await stored(other, 'view_item', 2);

      await other.evaluate(() => window.cmpStub.choose(false));
      await until(() => databases(other), (names) => !names.includes('curio'), { what: 'the database to be deleted' });
      expect(await profile(other)).toMatchObject({ consent: 'denied', storage: 'memory' });
      // What the first tab does next is the SDK's denial path across tabs (setConsent('denied')), tested in tabs.test.mjs.
      expect(errors).toEqual([]);
    });
  }
});
