// Accessibility with axe-core in real Chromium: no serious or critical violation on the home page
// with picks, a product page with picks and the "Why this?" panel open, and the open preference
// center. axe-core is evaluated in the page (the shop's CSP forbids injecting an inline script).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, categoryOf, launch, readPicks, stored } from './helpers.mjs';

const url = inject('shopUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations of the page as it is now, one line per failing node. */
async function seriousViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${JSON.stringify(node.target)} ${node.failureSummary}`));
}

describe('accessibility (axe-core)', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has none on the home page with the curated collections a shopper matches, and the weather switch on', async () => {
    const { page, errors } = browser;
    const lamps = catalog.products.filter((p) => categoryOf(p.id) === 'Home > Lamps').slice(0, 2);
    for (const [index, product] of lamps.entries()) {
      await page.goto(`${url}p/${product.id}.html`);
      await stored(page, 'view_item', index + 1);
    }
    await page.goto(url);
    await page.click('[data-weather-toggle]');
    await page.locator('[data-curio-collections] [part="collection-picks"] [part~="card"]:not([part~="skeleton"])').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('[data-weather-toggle]');
    expect(errors).toEqual([]);
  });

  it('has no serious or critical violations on the home page with picks', async () => {
    const { page, errors } = browser;
    await page.goto(url);
    await readPicks(page, '[data-curio-picks="home"]', 8);
    await page.locator('[data-curio-quiz]').getByRole('checkbox').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has none on a product page with picks and the "Why this?" panel open', async () => {
    const { page, errors } = browser;
    const products = catalog.products.filter((p) => categoryOf(p.id) === 'Outdoor > Tents').slice(0, 2);
    await page.goto(`${url}p/${products[0].id}.html`);
    await stored(page, 'view_item', 1);
    await page.goto(`${url}p/${products[1].id}.html`);
    const picks = page.locator('[data-curio-picks="product"]');
    await readPicks(page, '[data-curio-picks="product"]');
    await picks.getByRole('button', { name: 'Why this?' }).first().click();
    const panel = picks.getByRole('group', { name: /^Why this\? / }).first();
    await panel.waitFor();
    expect(await panel.evaluate((el) => el === el.getRootNode().activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has none with the preference center open', async () => {
    const { page, errors } = browser;
    await page.goto(url);
    await readPicks(page, '[data-curio-picks="home"]', 8);
    await page.getByRole('link', { name: 'Your data' }).click();
    const dialog = page.getByRole('dialog', { name: 'What we know about you' });
    await dialog.getByRole('button', { name: 'Forget everything' }).waitFor();
    await dialog.getByRole('button', { name: 'Forget everything' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
