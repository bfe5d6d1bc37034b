// A shopper's journey through the demo shop in real Chromium: cold-start picks with honest
// reasons, picks that follow what they look at, a profile kept across reloads and tabs, and a
// preference center that edits and erases it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, categoryOf, databases, launch, productById, profile, readPicks, stored, storedCounts, until } from './helpers.mjs';

const url = inject('shopUrl');
const HOME = '[data-curio-picks="home"]';
const PRODUCT = '[data-curio-picks="product"]';
const CATEGORY = 'Home > Lamps';
const COLD_START = /^(Popular with shoppers right now|Rated ([\d.]+) by (\d+) buyers(?:: “(.+)”)?)$/;

/** Checks that a cold-start reason says only what the catalog says about the product. */
function expectHonestColdStartReason({ id, reason }) {
  const match = COLD_START.exec(reason);
  expect(match, `cold-start reason of ${id}: ${reason}`).not.toBeNull();
  if (match[2] === undefined) return;
  const product = productById.get(id);
  expect(Number(match[2])).toBe(product.rating);
  expect(Number(match[3])).toBe(product.reviewCount);
  if (match[4] !== undefined) expect(product.reviews).toContain(match[4]);
}

describe('a shopper’s journey', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('personalizes from browsing, keeps the profile across reloads and tabs, and lets the shopper edit and erase it', async () => {
    const { page, context, errors } = browser;

    // 1. Cold start: popular picks whose reasons are popularity or the product's real rating and reviews.
    await page.goto(url);
    const cold = await readPicks(page, HOME, 8);
    cold.forEach(expectHonestColdStartReason);
    const coldApi = await page.evaluate(() => window.curio.instance.recommend({ placement: 'home', limit: 8 }));
    expect(coldApi.map((pick) => pick.kind)).toEqual(Array(8).fill('popular'));
    for (const pick of coldApi) for (const { code } of pick.reasons) expect(['popular', 'top_rated', 'review_quote']).toContain(code);
    const coldIds = cold.map((pick) => pick.id);

    // 2. Three products of one category, none of them among the cold-start picks.
    const viewed = catalog.products.filter((p) => categoryOf(p.id) === CATEGORY && !coldIds.includes(p.id)).slice(0, 3);
    expect(coldIds.filter((id) => categoryOf(id) === CATEGORY).length).toBeLessThan(3);
    for (const [index, product] of viewed.entries()) {
      await page.goto(`${url}p/${product.id}.html`);
      const related = await readPicks(page, PRODUCT);
      expect(related.every((pick) => pick.reason.length > 0)).toBe(true);
      await stored(page, 'view_item', index + 1);
    }

    // 3. Home picks follow the category, with reasons naming what was viewed.
    await page.goto(url);
    const warm = await readPicks(page, HOME, 8);
    expect(warm.filter((pick) => categoryOf(pick.id) === CATEGORY).length).toBeGreaterThanOrEqual(5);
    const titles = viewed.map((p) => p.title);
    const namesAViewedProduct = (reason) => titles.some((title) => reason === `Because you looked at the ${title}`);
    expect(warm.some((pick) => namesAViewedProduct(pick.reason))).toBe(true);
    for (const pick of warm) {
      if (pick.reason === 'You looked at this recently') expect(viewed.map((p) => p.id)).toContain(pick.id);
      if (pick.reason.startsWith('Because you looked at the ')) expect(namesAViewedProduct(pick.reason)).toBe(true);
    }

    // 4. Add to cart with the shop's own button (captured through data-curio-track).
    const bought = viewed[2];
    await page.goto(`${url}p/${bought.id}.html`);
    await readPicks(page, PRODUCT);
    await page.locator('[data-curio-track="add_to_cart"]').click();
    await expect.poll(() => page.locator('[data-cart-count]').textContent()).toBe('1');
    await until(() => profile(page), (p) => p.eventCounts.add_to_cart === 1, { what: 'add_to_cart in the profile' });
    await stored(page, 'add_to_cart', 1);

    // 5. A reload and a second tab see the same profile.
    await page.reload();
    const afterReload = await profile(page);
    expect(afterReload.eventCounts.add_to_cart).toBe(1);
    expect(afterReload.eventCounts.view_item).toBe(5);
    expect(afterReload.recentItems.map((r) => r.item).sort()).toEqual(viewed.map((p) => p.id).sort());
    expect(afterReload.interests.categories[0].value).toBe(CATEGORY);
    await stored(page, 'view_item', 5);

    const tab = await context.newPage();
    await tab.goto(url);
    const inTab = await readPicks(tab, HOME, 8);
    expect(inTab.filter((pick) => categoryOf(pick.id) === CATEGORY).length).toBeGreaterThanOrEqual(5);
    const tabProfile = await profile(tab);
    expect(tabProfile.eventCounts).toEqual(afterReload.eventCounts);

    // 6. The preference center: remove the category interest; the picks change, here and in the other tab.
    await page.goto(url);
    const before = await readPicks(page, HOME, 8);
    await page.getByRole('link', { name: 'Your data' }).click();
    const dialog = page.getByRole('dialog', { name: 'What we know about you' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: `Remove: Category: ${CATEGORY}` }).click();
    await expect.poll(() => dialog.getByRole('button', { name: `Remove: Category: ${CATEGORY}` }).count()).toBe(0);
    const changed = await until(() => readPicks(page, HOME, 8), (picks) => picks.map((p) => p.id).join() !== before.map((p) => p.id).join(), { what: 'home picks to change' });
    expect(changed.filter((pick) => categoryOf(pick.id) === CATEGORY).length).toBeLessThan(3);
    await until(() => readPicks(tab, HOME, 8), (picks) => picks.filter((pick) => categoryOf(pick.id) === CATEGORY).length < 3, { what: 'the other tab’s picks to change' });

    // 7. Forget everything: confirm, and no Curio database remains in this origin.
    expect(await databases(page)).toContain('curio');
    await tab.close();
    await dialog.getByRole('button', { name: 'Forget everything' }).click();
    await dialog.getByRole('group', { name: 'Forget everything' }).getByRole('button', { name: 'Forget everything' }).click();
    await until(() => databases(page), (names) => !names.includes('curio'), { what: 'the curio database to be deleted' });
    const empty = await profile(page);
    expect(empty.eventCounts).toEqual({});
    expect(empty.recentItems).toEqual([]);
    expect(empty.interests.categories).toEqual([]);
    // Re-rendering after forget (picks, preference center) does not recreate the database.
    await readPicks(page, HOME, 8);
    expect(await dialog.getByText('Nothing yet.').count()).toBe(4);
    expect(await databases(page)).not.toContain('curio');
    expect(await storedCounts(page)).toEqual({});

    expect(errors).toEqual([]);
  });

  // Events tracked just before the shopper leaves a page (the shop's "Place order" tracks the
  // purchase and goes to the thank-you page at once) are rescued synchronously on pagehide.
  it('keeps the add-to-cart and the purchase of a shopper who goes straight to the checkout', async () => {
    const { page } = browser;
    const product = catalog.products.find((p) => categoryOf(p.id) === 'Kitchen > Cookware');
    await page.goto(`${url}p/${product.id}.html`);
    await profile(page);
    await page.locator('[data-curio-track="add_to_cart"]').click();
    await until(() => profile(page), (p) => p.eventCounts.add_to_cart === 1, { what: 'add_to_cart in memory' });
    await page.goto(`${url}cart.html`);
    await profile(page); // curio.js (async) has loaded: a command pushed before that dies with the page
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(`${url}thanks.html`);
    const { eventCounts } = await profile(page);
    expect({ add_to_cart: eventCounts.add_to_cart, purchase: eventCounts.purchase }).toEqual({ add_to_cart: 1, purchase: 1 });
  });
});
