// Takes the demo shop's screenshots for docs/demo-shop.md (not part of the tests):
// `node examples/shop/screenshots.mjs` after `pnpm build`. Uses the system Chromium
// (/usr/bin/chromium, or CHROMIUM_PATH) with a throwaway profile; writes docs/screenshots/*.png.
import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const out = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const { url, close } = await startServer({ port: 0 });
// After the server has built the site: the helpers read the catalog it serves.
const { catalog, categoryOf, launch, readPicks, stored } = await import('./test/helpers.mjs');
const browser = await launch({ viewport: { width: 1280, height: 860 } });
const { page, errors } = browser;
const shot = async (name, target) => {
  await target.screenshot({ path: `${out}${name}`, animations: 'disabled', caret: 'hide' });
  console.log(`${name}: ${Math.round(statSync(`${out}${name}`).size / 1024)} KB`);
};

try {
  // 0. A first visit on a rainy day: the shop's rainy-day rule lifts rain gear, saying so.
  await page.goto(url);
  const home = page.locator('[data-curio-picks="home"]');
  await page.click('[data-weather-toggle]');
  await home.locator('[part="reason"]', { hasText: 'Staff pick for rainy days' }).first().waitFor();
  await home.locator('img').evaluateAll((images) => Promise.all(images.map((img) => img.decode().catch(() => undefined))));
  await shot('rainy-day.png', page);
  await page.click('[data-weather-toggle]');

  // A shopper who looked at three lamps.
  const lamps = catalog.products.filter((p) => categoryOf(p.id) === 'Home > Lamps').slice(3, 6);
  for (const [index, product] of lamps.entries()) {
    await page.goto(`${url}p/${product.id}.html`);
    await readPicks(page, '[data-curio-picks="product"]');
    await stored(page, 'view_item', index + 1);
  }

  // 1. The home page: picks with their reasons.
  await page.goto(url);
  await readPicks(page, '[data-curio-picks="home"]', 8);
  await home.locator('img').evaluateAll((images) => Promise.all(images.map((img) => img.decode().catch(() => undefined))));
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('home-picks.png', page);

  // 2. "Why this?" opened on a pick recommended because of a viewed lamp.
  const card = home.locator('[part~="card"]', { hasText: 'Because you looked at' }).first();
  await card.getByRole('button', { name: 'Why this?' }).click();
  await card.getByRole('group').waitFor();
  // The first row of picks, with the panel open over its card.
  const [row, list] = [await card.boundingBox(), await home.boundingBox()];
  await page.screenshot({ path: `${out}why-this.png`, clip: { x: list.x - 8, y: list.y - 8, width: list.width + 16, height: row.y + row.height + 16 - (list.y - 8) } });
  console.log(`why-this.png: ${Math.round(statSync(`${out}why-this.png`).size / 1024)} KB`);
  await card.getByRole('button', { name: 'Close' }).click();

  // 3. The preference center, opened from the shop's "Your data" link.
  await page.getByRole('link', { name: 'Your data' }).click();
  const dialog = page.getByRole('dialog', { name: 'What we know about you' });
  await dialog.getByRole('button', { name: 'Forget everything' }).waitFor();
  await shot('preference-center.png', page);

  // 4. The matching curated collection at the end of the home page (the lamps make "Slow mornings at home").
  await page.keyboard.press('Escape');
  await page.goto(url);
  const edits = page.locator('[data-curio-collections]');
  await edits.locator('[part="collection-picks"] [part~="card"]:not([part~="skeleton"])').first().waitFor();
  await edits.locator('img').evaluateAll((images) => Promise.all(images.map((img) => img.decode().catch(() => undefined))));
  await shot('collections.png', edits);

  if (errors.length) throw new Error(errors.join('\n'));
} finally {
  await browser.close();
  await close();
}
