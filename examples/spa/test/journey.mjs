// The journey every npm example (spa, react, next) must support in real Chromium: picks render,
// a click on a pick is routed by the app without a page load, the visitor lands on that product's
// page (which shows its own picks and tracks one view), `pick_click` is stored, the back button
// works, and no console error or hydration warning shows up on the way.
import { expect } from 'vitest';
import { launch, storedEvents, until } from '../../shop/test/browser.mjs';

/** The first shown pick link of the picks host `selector` (inside its shadow root). */
const firstPickLink = (selector) => `${selector} [part~="card"]:not([part~="skeleton"]) a[part="title"]`;

/**
 * Waits until the picks host `selector` shows a pick; returns the page's `performance.now()` at
 * that frame (ms since the navigation started).
 */
export async function firstPicksAt(page, selector) {
  const at = await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('[part~="card"]:not([part~="skeleton"]) a[part="title"]') && performance.now(), selector, { polling: 'raf', timeout: 20000 });
  return at.jsonValue();
}

/**
 * Drives the journey from `url` (a page with the picks host `home`) through a pick to a product
 * page (its picks host `product`, its title in the `h1`). Returns the timings measured: the
 * first picks (ms since navigation start) and the product page's picks (ms since the click).
 */
export async function checkSpaJourney({ url, home, product }) {
  const browser = await launch();
  const warnings = [];
  browser.context.on('console', (message) => /hydrat/i.test(message.text()) && warnings.push(message.text()));
  try {
    const { page, errors } = browser;
    await page.goto(url);
    const firstPicks = await firstPicksAt(page, home);
    await page.evaluate(() => (window.loadedOnce = true));

    const link = page.locator(firstPickLink(home)).first();
    const href = await link.getAttribute('href');
    const title = await link.textContent();
    const clickedAt = await page.evaluate(() => performance.now());
    await link.click();
    await page.waitForFunction((path) => location.pathname == path, new URL(href, url).pathname);
    await until(() => page.locator('h1').textContent(), (text) => text == title, { what: `the product page of "${title}"` });
    // Routed by the app: the same document, not a page load.
    expect(await page.evaluate(() => window.loadedOnce)).toBe(true);
    const productPicks = (await firstPicksAt(page, product)) - clickedAt;

    const events = await until(() => storedEvents(page), (stored) => stored.some((e) => e.type == 'pick_click') && stored.some((e) => e.type == 'view_item'), { what: 'pick_click and view_item stored' });
    const clicked = events.find((e) => e.type == 'pick_click').item;
    // One view of the product landed on (StrictMode or not), and it is the clicked pick.
    expect(events.filter((e) => e.type == 'view_item').map((e) => e.item)).toEqual([clicked]);
    expect(events.filter((e) => e.type == 'pick_click')).toHaveLength(1);

    await page.goBack();
    await page.waitForFunction((path) => location.pathname == path, new URL(url).pathname);
    await firstPicksAt(page, home);
    expect(await page.evaluate(() => window.loadedOnce)).toBe(true);

    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    return { firstPicks, productPicks };
  } finally {
    await browser.close();
  }
}
