// Locale files of the script tag: an English page loads curio.js only; a French page also loads
// curio.fr.js (from next to curio.js) and shows French reasons and UI; a German page whose server
// lacks curio.de.js warns and stays in English, without an error in the page.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, launch, readPicks } from './helpers.mjs';

const url = inject('shopUrl');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";
const page = (locale) => `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>Locale</title>
<script async src="/curio.js" data-catalog="/catalog.json" data-locale="${locale}"></script>
</head><body><main><div id="picks" data-curio-picks="home" data-curio-limit="4"></div></main></body></html>`;

describe('locale files of curio.js', () => {
  let browser;
  const scripts = [];
  beforeAll(async () => {
    browser = await launch();
    for (const locale of ['en', 'fr', 'de']) {
      await browser.context.route(`${url}locale-${locale}.html`, (route) =>
        route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, body: page(locale) }),
      );
    }
    await browser.context.route(`${url}curio.de.js`, (route) => route.fulfill({ status: 404, body: 'not found' }));
    browser.context.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (locale) => {
    scripts.length = 0;
    await browser.page.goto(`${url}locale-${locale}.html`);
    const picks = await readPicks(browser.page, '#picks');
    const why = await browser.page.locator('#picks [part="why-button"]').first().textContent();
    // Prices are written without Intl (its start-up is a long task): they must read as Chromium's Intl writes them.
    const prices = await browser.page.locator('#picks [part="price"]').allTextContents();
    const amounts = picks.map(({ id }) => catalog.products.find((p) => p.id === id)).map((p) => [p.price, p.currency ?? catalog.currency]);
    const intl = await browser.page.evaluate(([locale, amounts]) => amounts.map(([price, currency]) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(price)), [locale, amounts]);
    expect(prices.map((p) => p.trim())).toEqual(intl);
    // The demo shop has rules, so curio.merchant.js loads too; only the locale files matter here.
    return { picks, why, scripts: scripts.filter((path) => !path.startsWith('/curio.merchant')) };
  };

  it('an English page loads no locale file', async () => {
    const { picks, why, scripts } = await open('en');
    expect(scripts).toEqual(['/curio.js']);
    expect(why).toBe('Why this?');
    expect(picks[0].reason).toBe('Popular with shoppers right now');
  });

  it('a French page loads curio.fr.js: French reasons and UI', async () => {
    const { picks, why, scripts } = await open('fr');
    expect(scripts).toEqual(['/curio.js', '/curio.fr.js']);
    expect(why).toBe('Pourquoi\u202f?'); // French typography: a narrow no-break space
    expect(picks[0].reason).toBe('Populaire en ce moment');
  });

  it('a missing locale file leaves English in place, with a warning and no error', async () => {
    const warnings = [];
    browser.page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    const { picks, why } = await open('de');
    expect(why).toBe('Why this?');
    expect(picks[0].reason).toBe('Popular with shoppers right now');
    expect(warnings.some((text) => text.includes('"de" could not be loaded'))).toBe(true);
    // Chromium itself logs the 404 as a console error; nothing else may show up.
    expect(browser.errors.filter((text) => !text.includes('status of 404'))).toEqual([]);
  });
});
