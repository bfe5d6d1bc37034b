// Shared helpers of the demo shop's end-to-end tests: the demo catalog and reading the picks
// widgets; the browser itself comes from browser.mjs.
import { readFileSync } from 'node:fs';
import { decodeShard } from '../../../packages/core/dist/internal.js';
import { until } from './browser.mjs';

export { ARGS, CHROMIUM, launch, stored, storedCounts, storedEvents, until } from './browser.mjs';

/** The catalog the shop serves (built by serve.mjs from public/catalog.json). */
export const catalog = JSON.parse(readFileSync(new URL('../dist/catalog.json', import.meta.url), 'utf8'));
/** The rows of the served catalog's neighbour list `at`, `{ [product id]: [[neighbour id, weight], …] }`, inline or decoded from its shards with the SDK's own codec. */
function rowsOf(at) {
  if (!catalog.neighborShards) return catalog.neighbors[at].rows;
  const rows = {};
  for (let shard = 0; shard < catalog.neighborShards.count; shard++) {
    const bytes = readFileSync(new URL(`../dist/${catalog.neighborShards.url.replace('{shard}', shard)}`, import.meta.url));
    for (const [item, lists] of decodeShard(new Uint8Array(bytes))) {
      const { ids, weights } = lists[at];
      if (ids.length) rows[catalog.products[item].id] = [...ids].map((n, k) => [catalog.products[n].id, weights[k]]);
    }
  }
  return rows;
}

/** The served catalog with its neighbour rows inline (the demo serves them in shards). */
const { neighborShards: _, ...unsharded } = catalog;
export const inlineCatalog = { ...unsharded, neighbors: catalog.neighbors.map((list, at) => ({ ...list, rows: rowsOf(at) })) };

/** The rows of the served catalog's neighbour list of this kind. */
export const neighborRows = (kind) => inlineCatalog.neighbors.find((list) => list.kind === kind).rows;

export const productById = new Map(catalog.products.map((p) => [p.id, p]));
export const categoryOf = (id) => productById.get(id).categories.join(' > ');

/** The shown (non-skeleton) pick cards of the picks widget matching `selector` (by the documented `::part` names). */
export const cards = (page, selector) => page.locator(`${selector} [part~="card"]:not([part~="skeleton"])`);

/**
 * Waits until the picks widget `selector` shows `count` cards (at least one when omitted) and
 * returns them as `{ id, title, reason }`, id taken from the card's link.
 */
export async function readPicks(page, selector, count) {
  const shown = cards(page, selector);
  await shown.first().waitFor();
  if (count !== undefined) await expectCount(shown, count);
  return shown.evaluateAll((elements) =>
    elements.map((card) => ({
      id: new URL(card.querySelector('[part="title"]').href).pathname.replace(/^\/p\/|\.html$/g, ''),
      title: card.querySelector('[part="title"]').textContent,
      reason: card.querySelector('[part="reason"]').textContent,
    })),
  );
}

async function expectCount(locator, count, timeout = 15000) {
  const end = Date.now() + timeout;
  while ((await locator.count()) !== count) {
    if (Date.now() > end) throw new Error(`expected ${count} cards, found ${await locator.count()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `window.curio.instance.profile()` of the page, once the script has loaded. */
export const profile = (page) =>
  until(() => page.evaluate(() => (window.curio && !Array.isArray(window.curio) ? window.curio.instance.profile() : null)), Boolean, { what: 'curio.js to load' });

/** The names of the page origin's IndexedDB databases. */
export const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
