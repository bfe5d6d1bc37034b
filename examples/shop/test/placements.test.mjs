// Every placement does its own job, walked in real Chromium on the demo shop (docs/api.md,
// "Placements"): a product page starts from the product on screen even after browsing another
// department, the cart gets what goes with it, the thank-you page never offers the same thing
// again, a product's variants are one product, one page never shows a product twice, and the
// preference center claims only what the visitor's behaviour shows.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, categoryOf, neighborRows, launch, productById, profile, readPicks, stored, until } from './helpers.mjs';

const url = inject('shopUrl');
const PRODUCT = '[data-curio-picks="product"]';
const groupOf = (id) => productById.get(id).group ?? id;
const JACKETS = 'Men > Jackets';
/** One product (the first variant) of each group of a category. */
const leadsOf = (category) => catalog.products.filter((p) => categoryOf(p.id) === category && groupOf(p.id) === p.id && p.inStock !== false);

describe('placements that fit the page', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a lamp page after five jackets shows what goes with the lamp, one product per group', async () => {
    const { page, errors } = browser;
    const jackets = leadsOf(JACKETS).slice(0, 5);
    for (const [index, jacket] of jackets.entries()) {
      await page.goto(`${url}p/${jacket.id}.html`);
      await readPicks(page, PRODUCT);
      await stored(page, 'view_item', index + 1);
    }
    const lamp = leadsOf('Home > Lamps').find((p) => p.title.includes('Table Lamp'));
    await page.goto(`${url}p/${lamp.id}.html`);
    const picks = await readPicks(page, PRODUCT, 6);
    // The head of the list is the lamp's, not the jackets'.
    expect(picks.slice(0, 3).map((p) => categoryOf(p.id)), JSON.stringify(picks)).not.toContain(JACKETS);
    expect(picks.filter((p) => categoryOf(p.id).startsWith('Home >')).length, JSON.stringify(picks)).toBeGreaterThanOrEqual(3);
    expect(picks.some((p) => p.reason === `Because you looked at the ${lamp.title}`), JSON.stringify(picks)).toBe(true);
    // Never the lamp itself or another variant of it; one product per group; no pick names itself as its reason.
    const groups = picks.map((p) => groupOf(p.id));
    expect(groups).not.toContain(groupOf(lamp.id));
    expect(new Set(groups).size).toBe(groups.length);
    for (const p of picks) expect(p.reason).not.toBe(`Because you looked at the ${productById.get(p.id).title}`);
    expect(errors).toEqual([]);
  });

  it('the preference center labels every interest, with its evidence, and claims no size from looking at products that come in several', async () => {
    const { page } = browser;
    const view = await profile(page);
    // Jackets come in three sizes each: looking at them says nothing about the visitor's size.
    expect(view.interests.attributes.filter((a) => a.name === 'size')).toEqual([]);
    const jackets = view.interests.categories.find((c) => c.value === JACKETS);
    expect(jackets.evidence.viewed).toBe(5);
    await page.goto(`${url}your-data.html`);
    const center = page.locator('[data-curio-preferences]');
    await until(() => center.locator('[part~="entry"]').count(), (n) => n > 0, { what: 'the preference center' });
    const rows = await center.locator('[part~="entry"]').allTextContents();
    expect(rows.some((row) => row.includes(`Category: ${JACKETS}`) && row.includes('from 5 you looked at')), rows.join('\n')).toBe(true);
    expect(rows.some((row) => row.startsWith('Brand: ')), rows.join('\n')).toBe(true);
  });

  it('the cart gets complements (at most 2 from the cart’s category, never the cart item or its variants); the thank-you page never offers the same thing again', async () => {
    const { page, errors } = browser;
    // A jacket the shop's orders pair with other products (the catalog's bought-together list).
    const bought = neighborRows('bought_together');
    const jacket = leadsOf(JACKETS).slice(5).find((p) => (bought[p.id] ?? []).length >= 5);
    await page.goto(`${url}p/${jacket.id}.html`);
    await readPicks(page, PRODUCT);
    await page.locator('[data-curio-track="add_to_cart"]').click();
    await until(() => profile(page), (p) => p.eventCounts.add_to_cart === 1, { what: 'add_to_cart in the profile' });
    await page.goto(`${url}cart.html`);
    const cart = await readPicks(page, '[data-curio-picks="cart"]', 4);
    expect(cart.map((p) => groupOf(p.id))).not.toContain(groupOf(jacket.id));
    expect(cart.filter((p) => categoryOf(p.id) === JACKETS).length, JSON.stringify(cart)).toBeLessThanOrEqual(2);
    expect(cart.some((p) => p.reason === `Often bought together with the ${jacket.title}`), JSON.stringify(cart)).toBe(true);
    const api = await page.evaluate(() => window.curio.instance.recommend({ placement: 'cart', limit: 8 }));
    expect(api.filter((p) => p.product.categories.join(' > ') === JACKETS).length).toBeLessThanOrEqual(2);

    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(`${url}thanks.html`);
    const thanks = await readPicks(page, '[data-curio-picks="order"]', 4);
    // Neither the coat just bought nor another jacket (held back for 30 days); no reason names the purchase as something looked at.
    expect(thanks.filter((p) => categoryOf(p.id) === JACKETS), JSON.stringify(thanks)).toEqual([]);
    for (const p of thanks) expect(p.reason).not.toBe(`Because you looked at the ${jacket.title}`);
    const home = await page.evaluate(() => window.curio.instance.recommend({ placement: 'home', limit: 20 }));
    expect(home.filter((p) => p.product.categories.join(' > ') === JACKETS)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('one page, no repeats: the home list and the collections never show the same product or group twice', async () => {
    const { page } = browser;
    // A fresh profile that looks at backpacks matches the "Weekend hiker" collection, shown under the home list.
    await page.goto(url);
    await profile(page);
    await page.evaluate(() => window.curio.instance.forget());
    for (const pack of leadsOf('Outdoor > Backpacks').slice(0, 3)) {
      await page.goto(`${url}p/${pack.id}.html`);
      await readPicks(page, PRODUCT);
    }
    await page.goto(url);
    await readPicks(page, '[data-curio-picks="home"]', 8);
    const all = await until(
      () => page.locator('[part~="card"]:not([part~="skeleton"]) [part="title"]').evaluateAll((links) => links.map((a) => new URL(a.href).pathname.replace(/^\/p\/|\.html$/g, ''))),
      (ids) => ids.length >= 12,
      { what: 'the collections to show picks' },
    );
    const groups = all.map(groupOf);
    expect(new Set(groups).size, all.join(', ')).toBe(groups.length);
  });
});
