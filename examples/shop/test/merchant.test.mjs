// The demo shop's four kinds of personalization in real Chromium: a context rule (the weather
// switch), a campaign rule (a UTM link), the quiz's stated preferences, and adaptive picks with a
// matching curated collection. Each pick's reason says which mechanism produced it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { categoryOf, launch, productById, readPicks, stored, until } from './helpers.mjs';

const url = inject('shopUrl');
const HOME = '[data-curio-picks="home"]';
const RAIN = 'Staff pick for rainy days';
const TRAIL = 'Trail week: our favourite runners';

describe('merchant rules, collections and the quiz in the demo shop', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('data-preload: the rules and shard files are requested before the catalog, once each, and picks use them', async () => {
    const fresh = await launch();
    try {
      const { page, errors } = fresh;
      const requests = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      const product = [...productById.values()].find((p) => p.inStock !== false);
      await page.goto(`${url}p/${product.id}.html`);
      await readPicks(page, '[data-curio-picks="product"]', 6);
      const curioFiles = requests.filter((path) => /^\/(curio\.|catalog\.json|neighbors\/)/.test(path));
      const at = (path) => curioFiles.indexOf(path);
      expect(at('/curio.merchant.js')).toBeGreaterThan(at('/curio.js'));
      expect(at('/curio.merchant.js')).toBeLessThan(at('/catalog.json'));
      expect(at('/curio.shards.js')).toBeLessThan(at('/catalog.json'));
      for (const file of ['/curio.merchant.js', '/curio.shards.js']) expect(curioFiles.filter((path) => path === file)).toHaveLength(1);
      // The rules the preloaded chunk applies are in effect: the report lists them.
      const report = await page.evaluate(() => window.curio.instance.explainRules());
      expect(report.rules.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('the weather switch lifts rain gear with the rule’s label, and switching it off takes it back', async () => {
    const { page, errors } = browser;
    await page.goto(url);
    const before = await readPicks(page, HOME, 8);
    expect(before.some((pick) => pick.reason === RAIN)).toBe(false);
    await page.click('[data-weather-toggle]');
    const rainy = await until(() => readPicks(page, HOME, 8), (picks) => picks.some((pick) => pick.reason === RAIN), { what: 'rainy-day picks' });
    for (const pick of rainy.filter((p) => p.reason === RAIN)) expect(productById.get(pick.id).tags).toContain('rainy-day');
    // The switch is remembered by the shop for its pages; Curio gets it again on the next page.
    await page.goto(`${url}cart.html`);
    await page.goto(url);
    await until(() => readPicks(page, HOME, 8), (picks) => picks.some((pick) => pick.reason === RAIN), { what: 'rain kept across pages' });
    await page.click('[data-weather-toggle]');
    await until(() => readPicks(page, HOME, 8), (picks) => !picks.some((pick) => pick.reason === RAIN), { what: 'rain switched off' });
    const report = await page.evaluate(() => window.curio.instance.explainRules());
    expect(report.rules.find((rule) => rule.id === 'rainy-day')).toMatchObject({ fired: false, action: 'boost' });
    expect(errors).toEqual([]);
  });

  it('a campaign link pins running shoes on home for the session, saying so', async () => {
    const { page, errors } = browser;
    await page.goto(url);
    await page.click('a[href*="utm_campaign=trail-week"]');
    const pinned = await until(() => readPicks(page, HOME, 8), (picks) => picks[0]?.reason === TRAIL, { what: 'trail-week pins' });
    expect(pinned.slice(0, 2).map((pick) => categoryOf(pick.id))).toEqual(['Shoes > Running', 'Shoes > Running']);
    expect(pinned[1].reason).toBe(TRAIL);
    // A later page of the same session still knows where the visitor came from.
    await page.goto(url);
    const again = await readPicks(page, HOME, 8);
    expect(again[0].reason).toBe(TRAIL);
    const report = await page.evaluate(() => window.curio.instance.explainRules());
    expect(report.context).toMatchObject({ source: 'email', utm: { utm_campaign: 'trail-week' } });
    expect(errors).toEqual([]);
  });

  it('browsing hiking gear shows the Weekend hiker edit with its reasons; the shopper can hide it', async () => {
    const { page, errors } = browser;
    const hiking = [...productById.values()].filter((p) => ['Outdoor > Tents', 'Outdoor > Backpacks'].includes(categoryOf(p.id)) && p.inStock !== false).slice(0, 3);
    for (const [index, product] of hiking.entries()) {
      await page.goto(`${url}p/${product.id}.html`);
      await stored(page, 'view_item', index + 1);
    }
    await page.goto(url);
    const section = page.locator('[data-curio-collections] [part="collection"]').first();
    await section.waitFor();
    const titles = await page.locator('[data-curio-collections] [part="collection-picks"] [part~="heading"]').allTextContents();
    expect(titles[0]).toBe('Weekend hiker');
    expect(await section.locator('[part="subtitle"]').textContent()).toMatch(/^Tough, light kit for two days on the trail · You looked at: /);
    const picks = await until(
      () => page.evaluate(() => window.curio.instance.recommend({ placement: 'home', limit: 8 })),
      (list) => list.some((pick) => pick.reasons.some((r) => r.code === 'from_collection')),
      { what: 'a pick from the collection' },
    );
    const fromEdit = picks.find((pick) => pick.reasons.some((r) => r.code === 'from_collection'));
    expect(fromEdit.reasons.find((r) => r.code === 'from_collection').text).toMatch(/^From our Weekend hiker edit: you looked at the /);
    await page.evaluate(() => window.curio.push(['preference', { kind: 'collection', value: 'weekend-hiker', like: false }]));
    await until(() => page.evaluate(() => window.curio.instance.collections()), (list) => !list.some((c) => c.id === 'weekend-hiker'), { what: 'the hidden collection' });
    expect(errors).toEqual([]);
  });

  it('without curio.merchant.js (not deployed) the picks still render, with a warning and no page error', async () => {
    const other = await launch();
    try {
      await other.context.route(`${url}curio.merchant.js`, (route) => route.fulfill({ status: 404, body: 'not found' }));
      const warnings = [];
      other.page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
      await other.page.goto(url);
      const picks = await readPicks(other.page, HOME, 8);
      expect(picks.every((pick) => pick.reason !== RAIN && pick.reason !== TRAIL)).toBe(true);
      expect(warnings.join(' ')).toContain('Rules and collections are unavailable');
      // The browser itself logs the 404 as a console error; nothing else may appear.
      expect(other.errors.filter((e) => !e.includes('the server responded with a status of 404'))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
