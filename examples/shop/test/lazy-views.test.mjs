// The widget's lazy views in curio.js: a page with picks only loads none of curio.preferences.js,
// curio.quiz.js, curio.collections.js; the preference dialog of a pick loads its file when opened
// (under a strict CSP, and in the page's language, since it shares curio.js's strings); a view
// whose file is missing warns and leaves the rest of the page working.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, readPicks } from './helpers.mjs';

const url = inject('shopUrl');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";
const PAGES = {
  picks: ['en', '<div id="picks" data-curio-picks="home" data-curio-limit="4"></div>'],
  'picks-fr': ['fr', '<div id="picks" data-curio-picks="home" data-curio-limit="4"></div>'],
  all: ['en', '<div id="picks" data-curio-picks="home" data-curio-limit="4"></div><div id="quiz" data-curio-quiz></div><div id="prefs" data-curio-preferences></div>'],
};
const page = ([locale, body]) => `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>Lazy views</title>
<script async src="/curio.js" data-catalog="/catalog.json" data-locale="${locale}"></script>
</head><body><main>${body}</main></body></html>`;
const VIEWS = ['/curio.preferences.js', '/curio.quiz.js', '/curio.collections.js'];

describe('lazy view files of curio.js', () => {
  let browser;
  const scripts = [];
  beforeAll(async () => {
    browser = await launch();
    for (const [name, content] of Object.entries(PAGES)) {
      await browser.context.route(`${url}views-${name}.html`, (route) =>
        route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, body: page(content) }),
      );
    }
    browser.context.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the preference dialog from the first pick's "Why this?" panel. */
  const openDialog = async (name) => {
    const picks = browser.page.locator('#picks');
    await picks.locator('[part="why-button"]').first().click();
    await picks.locator('[part="open-preferences"]').first().click();
    return browser.page.getByRole('dialog', { name });
  };

  it('picks alone load no view file; the preference dialog loads curio.preferences.js when opened', async () => {
    scripts.length = 0;
    await browser.page.goto(`${url}views-picks.html`);
    await readPicks(browser.page, '#picks', 4);
    expect(scripts.filter((path) => VIEWS.includes(path))).toEqual([]);
    const dialog = await openDialog('What we know about you');
    await dialog.getByRole('button', { name: 'Forget everything' }).waitFor();
    expect(scripts.filter((path) => VIEWS.includes(path))).toEqual(['/curio.preferences.js']);
    expect(browser.errors).toEqual([]);
  });

  it('a view speaks the page’s language: it uses the strings curio.js loaded', async () => {
    await browser.page.goto(`${url}views-picks-fr.html`);
    await readPicks(browser.page, '#picks', 4);
    const dialog = await openDialog('Ce que nous savons de vous');
    await dialog.getByRole('button', { name: 'Tout oublier' }).waitFor();
    expect(browser.errors).toEqual([]);
  });

  it('a missing view file warns; the other widgets of the page keep working', async () => {
    const other = await launch();
    try {
      await other.context.route(`${url}views-all.html`, (route) =>
        route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, body: page(PAGES.all) }),
      );
      await other.context.route(`${url}curio.quiz.js`, (route) => route.fulfill({ status: 404, body: 'not found' }));
      const warnings = [];
      other.page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
      await other.page.goto(`${url}views-all.html`);
      await readPicks(other.page, '#picks', 4);
      await other.page.locator('#prefs').getByRole('button', { name: 'Forget everything' }).waitFor();
      await expect.poll(() => warnings.join(' ')).toContain('the quiz could not be loaded');
      expect(await other.page.locator('#quiz').evaluate((element) => element.shadowRoot.querySelector('section'))).toBe(null);
      // Chromium itself logs the 404 as a console error; nothing else may show up.
      expect(other.errors.filter((text) => !text.includes('status of 404'))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
