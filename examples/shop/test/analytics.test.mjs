// GA4 events for Curio's lists in real Chromium (data-analytics="ga4"): pushed into the shop's
// dataLayer only with analytics consent from the CMP (here Google Consent Mode v2), with the list
// per placement and the holdout arm; Curio itself sends nothing (the shop's own GA4 tag, absent
// here, would send them).
import { afterEach, describe, expect, inject, it } from 'vitest';
import { catalog, launch, readPicks, until } from './helpers.mjs';
import { serveVariant } from './shopVariant.mjs';

const url = inject('shopUrl');
const events = (page) => page.evaluate(() => (window.dataLayer || []).filter((e) => e && typeof e.event === 'string' && !e.event.startsWith('gtm')).map((e) => ({ event: e.event, list: e.ecommerce?.item_list_id, arm: e.curio_arm, items: e.ecommerce?.items?.map((i) => i.item_id) })));

describe('GA4 events for Curio\'s lists', () => {
  let browser;
  afterEach(async () => {
    await browser?.close();
  });

  it('lists and clicks reach the dataLayer once analytics consent is given, never before', async () => {
    browser = await launch();
    const { context, page, errors } = browser;
    const requests = [];
    context.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
    await serveVariant(context, { attributes: { 'data-consent-from': 'gcm', 'data-analytics': 'ga4', 'data-holdout': '0.1' }, head: ['gcm'] });
    const product = catalog.products[0];
    await page.goto(`${url}p/${product.id}.html`);
    await readPicks(page, '[data-curio-picks="product"]');
    await page.waitForTimeout(500);
    expect(await events(page)).toEqual([]); // Consent Mode default: analytics_storage denied

    await page.evaluate(() => window.cmpStub.choose(true));
    await page.goto(`${url}p/${catalog.products[1].id}.html`);
    const picks = await readPicks(page, '[data-curio-picks="product"]');
    const [list] = await until(() => events(page), (e) => e.length > 0, { what: 'view_item_list' });
    expect(list).toMatchObject({ event: 'view_item_list', list: 'curio_product' });
    expect(['curio', 'control']).toContain(list.arm);
    expect(list.items).toEqual(picks.map((p) => p.id));
    // A click on a pick: select_item, before the page navigates away.
    // (The page stays: the link's navigation is prevented; the widget's own click handler still runs.)
    await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault(), true));
    await page.locator('[data-curio-picks="product"] [part="title"]').first().click();
    await until(() => events(page), (e) => e.some((x) => x.event === 'select_item'), { what: 'select_item' });
    expect((await events(page)).find((e) => e.event === 'select_item')).toMatchObject({ list: 'curio_product', items: [picks[0].id], arm: list.arm });
    // Events go to the page's dataLayer only: Curio itself sends nothing (no report configured).
    expect(requests.filter((r) => !r.startsWith(`GET ${new URL(url).origin}/`))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
