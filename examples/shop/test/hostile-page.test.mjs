// curio.js on hostile pages, in real Chromium, served without CSP (so nothing is blocked for it):
// markup clobbering `document.currentScript` cannot redirect its configuration or the files it
// loads (the build's loader intro included); a non-writable `history.pushState`, a patched
// `JSON.stringify`, a frozen pre-existing `window.curio` queue and a missing `queueMicrotask`
// cost Curio nothing: the queue runs, views are captured, widgets mount, nothing is thrown.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, launch, profile, readPicks, until } from './helpers.mjs';

const url = inject('shopUrl');
const [viewed, queued] = catalog.products;
const EVIL = 'http://evil.invalid/x/';

/** A page with a JSON-LD product (captured as a view), a home picks widget and `before` ahead of curio.js. */
const page = (before, locale = 'de') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
${before}
<script async src="/curio.js" data-catalog="/catalog.json" data-locale="${locale}"></script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","sku":"${viewed.id}","name":"x"}</script>
</head><body><main><div id="picks" data-curio-picks="home" data-curio-limit="4"></div></main></body></html>`;

const HOSTILE = {
  'a non-writable history.pushState': `<script>Object.defineProperty(history, 'pushState', { value: history.pushState, writable: false, configurable: false });</script>`,
  'a patched JSON.stringify': `<script>JSON.stringify = () => { throw new Error('patched'); };</script>`,
  'a frozen window.curio queue': `<script>window.curio = Object.freeze([['track', { type: 'view_item', item: '${queued.id}' }]]);</script>`,
  'no queueMicrotask': `<script>delete window.queueMicrotask;</script>`,
};
HOSTILE['all of them at once'] = Object.values(HOSTILE).join('\n');

describe('hostile pages', () => {
  let browser;
  const evil = [];
  beforeAll(async () => {
    browser = await launch();
    await browser.context.route('http://evil.invalid/**', (route) => {
      // The image itself loads its own src: that is the page, not Curio.
      if (route.request().resourceType() !== 'image') evil.push(route.request().url());
      return route.abort();
    });
    await browser.context.route(`${url}clobbered.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: page(`<img name="currentScript" src="${EVIL}" data-catalog="${EVIL}catalog.json" data-locale="fr">`) }),
    );
    for (const [k, before] of Object.values(HOSTILE).entries()) await browser.context.route(`${url}hostile-${k}.html`, (route) => route.fulfill({ contentType: 'text/html', body: page(before, 'en') }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a clobbered document.currentScript: configuration and lazy files come from the real script', async () => {
    const { page: tab, errors } = browser;
    const requested = [];
    tab.on('request', (request) => request.resourceType() !== 'image' && requested.push(request.url()));
    await tab.goto(`${url}clobbered.html`);
    // The clobbering works on this page: document.currentScript names the image.
    expect(await tab.evaluate(() => document.currentScript?.tagName)).toBe('IMG');
    const picks = await readPicks(tab, '#picks', 4);
    expect(picks.length).toBe(4);
    // German, from the script's own data-locale, loaded next to curio.js (the loader intro).
    await until(() => requested, (urls) => urls.includes(`${url}curio.de.js`), { what: 'curio.de.js from the shop' });
    expect(requested).toContain(`${url}catalog.json`);
    expect(requested.filter((u) => u.includes('evil.invalid'))).toEqual([]);
    expect(requested.filter((u) => /curio\.fr\.js/.test(u))).toEqual([]);
    // Every lazy file curio.js loaded came from its own directory.
    for (const u of requested.filter((u) => /\/curio\.\w+\.js$/.test(u))) expect(u.startsWith(url)).toBe(true);
    expect(evil).toEqual([]);
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    errors.length = 0;
  });

  for (const [k, name] of Object.keys(HOSTILE).entries()) {
    it(`${name}: the queue runs, the view is captured, the widget mounts, nothing is thrown`, async () => {
      const { page: tab, errors } = browser;
      await tab.goto(`${url}hostile-${k}.html`);
      await readPicks(tab, '#picks', 4);
      const items = (p) => p.recentItems.map((r) => r.item);
      const expected = name.includes('frozen') || name.startsWith('all') ? [viewed.id, queued.id] : [viewed.id];
      await until(() => profile(tab), (p) => expected.every((id) => items(p).includes(id)), { what: `${expected.join(', ')} in the profile` });
      // Commands pushed later still run.
      await tab.evaluate((item) => window.curio.push(['track', { type: 'add_to_cart', item }]), viewed.id);
      await until(() => profile(tab), (p) => p.eventCounts.add_to_cart >= 1, { what: 'a later command to run' });
      expect(errors).toEqual([]);
      await tab.evaluate(() => window.curio.instance.forget());
    });
  }
});
