// Zero egress: through a whole visit (browse, cart, order, preference center, quiz answers),
// the only requests are same-origin GETs of the shop's static files and its catalog; none
// carries behaviour.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, categoryOf, launch, profile, readPicks, stored, until } from './helpers.mjs';

const url = inject('shopUrl');
const origin = new URL(url).origin;
// What the shop serves: pages, its CSS/JS, curio.js (and any chunk of it), product images, the catalog.
const STATIC = /^\/(|index\.html|cart\.html|thanks\.html|your-data\.html|shop\.css|shop\.js|curio[\w.-]*\.js|catalog\.json|neighbors\/\d+\.bin|img\/[\w-]+\.svg|p\/sku-\d+(-[a-z]+(-[a-z0-9]+)?)?\.html|c\/[a-z-]+\.html)$/;
const shards = catalog.neighborShards;
const catalogFiles = new Set(['/catalog.json', ...Array.from({ length: shards?.count ?? 0 }, (_, n) => new URL(shards.url.replace('{shard}', n), `${url}catalog.json`).pathname)]);

describe('zero egress', () => {
  let browser;
  const requests = [];
  beforeAll(async () => {
    browser = await launch();
    browser.context.on('request', (request) =>
      requests.push({ method: request.method(), url: request.url(), type: request.resourceType(), navigation: request.isNavigationRequest(), body: request.postData() }),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('makes only same-origin GETs of static files and the catalog, none carrying behaviour', async () => {
    const { page, errors } = browser;
    const visited = [];
    const visit = async (path) => {
      visited.push(path);
      await page.goto(url + path);
    };

    await visit('');
    await readPicks(page, '[data-curio-picks="home"]', 8);
    // Answer the quiz's first question (explicit preferences) if it is shown.
    const quiz = page.locator('[data-curio-quiz]');
    await quiz.getByRole('checkbox').first().waitFor();
    await quiz.getByRole('checkbox').first().check();
    const lamps = catalog.products.filter((p) => categoryOf(p.id) === 'Home > Lamps').slice(0, 3);
    await visit('c/home-lamps.html');
    await readPicks(page, '[data-curio-picks="category"]');
    for (const [index, product] of lamps.entries()) {
      await visit(`p/${product.id}.html`);
      await readPicks(page, '[data-curio-picks="product"]');
      await stored(page, 'view_item', index + 1);
    }
    await page.locator('[data-curio-track="add_to_cart"]').click();
    await stored(page, 'add_to_cart', 1);
    await visit('cart.html');
    await readPicks(page, '[data-curio-picks="cart"]');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(`${url}thanks.html`);
    visited.push('thanks.html');
    await profile(page);
    await visit('your-data.html');
    const center = page.locator('[data-curio-preferences]');
    await center.getByRole('button', { name: `Remove: ${lamps[0].title}` }).click();
    await until(() => profile(page), (p) => !p.recentItems.some((r) => r.item === lamps[0].id), { what: 'the item to be removed' });
    await center.getByRole('button', { name: 'Forget everything' }).click();
    await center.getByRole('group').getByRole('button', { name: 'Forget everything' }).click();
    await until(() => profile(page), (p) => p.recentItems.length === 0, { what: 'forget' });

    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
    const problems = [];
    for (const request of requests) {
      const target = new URL(request.url);
      const where = `${request.method} ${request.url} (${request.type})`;
      if (target.origin !== origin) problems.push(`other origin: ${where}`);
      if (request.method !== 'GET' || request.body) problems.push(`not a bodiless GET: ${where}`);
      if (target.search) problems.push(`query string: ${where}`);
      if (!STATIC.test(target.pathname)) problems.push(`not a static file of the shop: ${where}`);
      if (['fetch', 'xhr'].includes(request.type) && !catalogFiles.has(target.pathname)) problems.push(`a fetch that is not the catalog: ${where}`);
      if (['ping', 'eventsource', 'websocket', 'manifest'].includes(request.type)) problems.push(`${request.type} request: ${where}`);
      if (request.navigation && !visited.includes(target.pathname.slice(1))) problems.push(`a navigation the shopper did not make: ${where}`);
    }
    expect(problems).toEqual([]);
    // Pages are only the ones visited; Curio's own requests are curio.js and the catalog's files.
    expect(requests.filter((r) => r.type === 'fetch').every((r) => catalogFiles.has(new URL(r.url).pathname))).toBe(true);
    expect(new Set(requests.filter((r) => r.navigation).map((r) => new URL(r.url).pathname.slice(1)))).toEqual(new Set(visited));
  });
});
