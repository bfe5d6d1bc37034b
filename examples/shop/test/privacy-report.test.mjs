// Zero egress with a private report configured (data-report): through two days of visits the
// only request that is not a GET of the shop's static files is ONE POST a day to the shop's own
// endpoint, without cookies or referrer, whose body holds nothing but the documented aggregate
// (docs/privacy.md, "What a report contains").
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, launch, readPicks, stored, until } from './helpers.mjs';
import { serveVariant } from './shopVariant.mjs';

const url = inject('shopUrl');
const origin = new URL(url).origin;
const STATIC = /^\/(|index\.html|cart\.html|thanks\.html|your-data\.html|shop\.css|shop\.js|curio[\w.-]*\.js|catalog\.json|neighbors\/\d+\.bin|img\/[\w-]+\.svg|p\/sku-\d+(-[a-z]+(-[a-z0-9]+)?)?\.html|c\/[a-z-]+\.html)$/;
const REPORT_KEYS = ['schema', 'day', 'arm', 'epsilon', 'measure', 'value'];
const MEASURES = ['shown', 'clicked', 'pick_cart', 'pick_order', 'ordered', 'revenue'];

describe('zero egress with a private report', () => {
  let browser;
  const requests = [];
  beforeAll(async () => {
    browser = await launch();
    await serveVariant(browser.context, { attributes: { 'data-report': '/curio-report', 'data-holdout': '0.5' } });
    await browser.context.route('**/curio-report', (route) => route.fulfill({ status: 204 }));
    browser.context.on('request', (request) => requests.push({ method: request.method(), url: request.url(), type: request.resourceType(), headers: request.headers(), body: request.postData() }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends at most one POST a day, holding only the documented aggregate', async () => {
    const { context, page, errors } = browser;
    const posts = () => requests.filter((r) => r.method !== 'GET');
    // Day one: a visit with an order.
    await context.clock.setFixedTime(new Date('2026-11-24T10:00:00Z'));
    await page.goto(url);
    await readPicks(page, '[data-curio-picks="home"]');
    const product = catalog.products[0];
    await page.goto(`${url}p/${product.id}.html`);
    await readPicks(page, '[data-curio-picks="product"]');
    await page.locator('[data-curio-track="add_to_cart"]').click();
    await stored(page, 'add_to_cart', 1);
    await page.goto(`${url}cart.html`);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(`${url}thanks.html`);
    await readPicks(page, '[data-curio-picks="order"]');
    await page.waitForTimeout(2500);
    expect(posts()).toEqual([]); // the day is not over: nothing to send

    // Day two: the first page sends day one's report, later pages send nothing more.
    await context.clock.setFixedTime(new Date('2026-11-25T09:00:00Z'));
    await page.goto(url);
    await readPicks(page, '[data-curio-picks="home"]');
    const [post] = await until(posts, (list) => list.length > 0, { what: 'the report' });
    await page.goto(`${url}p/${catalog.products[1].id}.html`);
    await readPicks(page, '[data-curio-picks="product"]');
    await page.waitForTimeout(2500);
    expect(posts()).toHaveLength(1);

    expect(post.method).toBe('POST');
    expect(post.url).toBe(`${origin}/curio-report`);
    expect(post.headers.cookie).toBeUndefined();
    expect(post.headers.referer).toBeUndefined();
    const report = JSON.parse(post.body);
    const revenue = report.measure === 'revenue';
    expect(Object.keys(report).sort()).toEqual([...REPORT_KEYS, ...(revenue ? ['bands'] : [])].sort());
    expect(report).toMatchObject({ schema: 'curio-report/1', day: '2026-11-24', epsilon: 1 });
    expect(['curio', 'control']).toContain(report.arm);
    expect(MEASURES).toContain(report.measure);
    expect(Number.isInteger(report.value) && report.value >= 0 && report.value <= (revenue ? report.bands.length + 1 : 1)).toBe(true);
    if (revenue) expect(report.bands).toEqual([25, 50, 100, 200]);
    // No item id, no identifier anywhere in it.
    expect(post.body).not.toMatch(/sku-/);
    console.log(`one daily report: ${Buffer.byteLength(post.body)} bytes: ${post.body}`);

    // Everything else: GETs of the shop's own static files.
    const others = requests.filter((r) => r !== post);
    expect(others.filter((r) => r.method !== 'GET' || new URL(r.url).origin !== origin || !STATIC.test(new URL(r.url).pathname)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
