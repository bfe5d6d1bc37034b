// Content-Security-Policy in real Chromium: a full visit of the demo shop (home with the weather
// switch and the campaign link, quiz, collections, category, product with "Why this?", cart,
// thank-you, the preference center dialog) raises no `securitypolicyviolation` event. The shop is
// served with its strict policy (no inline script or style, no eval); on top of it every page here
// also carries a stricter Report-Only policy: nothing at all by default and Trusted Types, which
// reports any string reaching an HTML or script sink (innerHTML, eval, …). No nonce is needed:
// the widgets style themselves with constructable stylesheets.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, categoryOf, launch, readPicks, stored, until } from './helpers.mjs';

const url = inject('shopUrl');
const HOME = '[data-curio-picks="home"]';
const STRICTER =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

describe('CSP: a full visit of the demo shop', () => {
  let browser;
  const violations = [];
  const policies = [];
  beforeAll(async () => {
    browser = await launch();
    const { context } = browser;
    await context.exposeBinding('__reportViolation', (source, violation) => violations.push(violation));
    // Runs before any script of the page: every violation, enforced or reported only.
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__reportViolation({ page: location.pathname, directive: e.violatedDirective, blocked: e.blockedURI, disposition: e.disposition, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` }),
      ),
    );
    await context.route(`${url}**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      policies.push(response.headers()['content-security-policy']);
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy-report-only': STRICTER } });
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('raises no violation, enforced or report-only, and no page error', async () => {
    const { page, errors } = browser;
    await page.goto(url);
    await readPicks(page, HOME, 8);
    await page.click('[data-weather-toggle]');
    await until(() => readPicks(page, HOME, 8), (picks) => picks.some((pick) => pick.reason === 'Staff pick for rainy days'), { what: 'rainy-day picks' });
    await page.click('[data-weather-toggle]');
    await page.click('a[href*="utm_campaign=trail-week"]');
    await until(() => readPicks(page, HOME, 8), (picks) => picks[0]?.reason === 'Trail week: our favourite runners', { what: 'trail-week pins' });
    const quiz = page.locator('[data-curio-quiz]');
    await quiz.getByRole('checkbox').first().check();
    await quiz.getByRole('button', { name: 'Next' }).click();

    const hiking = catalog.products.filter((p) => ['Outdoor > Tents', 'Outdoor > Backpacks'].includes(categoryOf(p.id)) && p.inStock !== false).slice(0, 3);
    await page.goto(`${url}c/outdoor-tents.html`);
    await readPicks(page, '[data-curio-picks="category"]');
    for (const [index, product] of hiking.entries()) {
      await page.goto(`${url}p/${product.id}.html`);
      await readPicks(page, '[data-curio-picks="product"]');
      await stored(page, 'view_item', index + 1);
    }
    await page.locator('[data-curio-picks="product"] [part="why-button"]').first().click();
    await page.locator('[data-curio-picks="product"] [part="why"]').first().waitFor();
    await page.locator('[data-curio-track="add_to_cart"]').click();
    await stored(page, 'add_to_cart', 1);
    await page.goto(url);
    await page.locator('[data-curio-collections] [part="collection"]').first().waitFor();
    await page.getByRole('link', { name: 'Your data' }).click();
    await page.getByRole('dialog', { name: 'What we know about you' }).getByRole('button', { name: 'Forget everything' }).waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${url}cart.html`);
    await readPicks(page, '[data-curio-picks="cart"]');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(`${url}thanks.html`);
    await readPicks(page, '[data-curio-picks="order"]', 4);
    await stored(page, 'purchase', 1);

    // Every page came with the shop's strict policy (and the stricter report-only one).
    expect(policies.length).toBeGreaterThanOrEqual(9);
    for (const policy of policies) expect(policy).toMatch(/script-src 'self'; style-src 'self'/);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('control: an inline style and an innerHTML assignment are reported on these pages', async () => {
    const { page } = browser;
    await page.goto(`${url}your-data.html`);
    await page.evaluate(() => {
      document.body.setAttribute('style', 'color: red');
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      } catch {
        // Report-only Trusted Types do not throw; an enforcing policy would.
      }
    });
    await until(() => violations.map((v) => v.directive).sort(), (d) => d.includes('require-trusted-types-for') && d.includes('style-src-attr'), { what: 'the control violations' });
  });
});
