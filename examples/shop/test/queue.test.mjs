// The `window.curio` command queue of the script tag: commands pushed before curio.js loads run
// once it does; after load, `push` runs them at once. A page of the shop's origin (served through
// a route, with the shop's CSP) queues a view before the async script tag.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, categoryOf, launch, profile, until } from './helpers.mjs';

const url = inject('shopUrl');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";
const [viewed, carted] = catalog.products.filter((p) => categoryOf(p.id) === 'Kitchen > Tableware');

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Queue</title>
<script src="/queue-before-load.js"></script>
<script async src="/curio.js" data-catalog="/catalog.json" data-locale="en"></script>
</head><body><main><h1>Queue</h1></main></body></html>`;
const before = `window.curio = window.curio || [];
window.queuedBeforeLoad = Array.isArray(window.curio);
curio.push(['track', { type: 'view_item', item: ${JSON.stringify(viewed.id)} }]);
curio.push(['preference', { kind: 'brand', value: ${JSON.stringify(viewed.brand)}, like: true }]);`;

describe('the window.curio command queue', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch();
    const fulfil = (body, type) => (route) => route.fulfill({ status: 200, headers: { 'content-type': type, 'content-security-policy': CSP }, body });
    await browser.context.route(`${url}queue.html`, fulfil(page, 'text/html; charset=utf-8'));
    await browser.context.route(`${url}queue-before-load.js`, fulfil(before, 'text/javascript; charset=utf-8'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs commands pushed before curio.js loaded, and commands pushed after at once', async () => {
    const { page, errors } = browser;
    await page.goto(`${url}queue.html`);
    expect(await page.evaluate(() => window.queuedBeforeLoad)).toBe(true);
    const loaded = await until(() => profile(page), (p) => p.eventCounts.view_item === 1 && p.preferences.length === 1, { what: 'the queued commands' });
    expect(loaded.recentItems.map((r) => r.item)).toEqual([viewed.id]);
    expect(loaded.preferences).toEqual([{ kind: 'brand', value: viewed.brand, like: true }]);
    expect(await page.evaluate(() => Array.isArray(window.curio) || typeof window.curio.push)).toBe('function');

    await page.evaluate((item) => window.curio.push(['track', { type: 'add_to_cart', item }]), carted.id);
    const after = await until(() => profile(page), (p) => p.eventCounts.add_to_cart === 1, { what: 'the command pushed after load' });
    expect(after.recentItems.map((r) => r.item)).toContain(viewed.id);
    // A wrong command is reported, never thrown into the page.
    const warnings = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.evaluate(() => window.curio.push(['nope']));
    await until(async () => warnings, (list) => list.some((text) => text.includes('unknown command')), { what: 'a warning about the unknown command' });
    // Picks use the queued events like any other.
    const picks = await page.evaluate(() => window.curio.instance.recommend({ placement: 'home', limit: 4 }));
    expect(picks.some((pick) => pick.kind === 'personal')).toBe(true);
    expect(errors).toEqual([]);
  });
});
