// Shared helpers of the end-to-end tests: a real Chromium with a persistent profile (IndexedDB in
// an incognito context lives only in memory), the demo catalog, and reading the picks widgets.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The catalog the shop serves (built by serve.mjs from public/catalog.json). */
export const catalog = JSON.parse(readFileSync(new URL('../dist/catalog.json', import.meta.url), 'utf8'));
export const productById = new Map(catalog.products.map((p) => [p.id, p]));
export const categoryOf = (id) => productById.get(id).categories.join(' > ');

/**
 * Launches Chromium with a fresh persistent profile; records page errors and console errors of
 * every page of the context in `errors`. `close()` closes the browser and deletes the profile.
 */
export async function launch(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'curio-e2e-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, ...options });
  const errors = [];
  const watch = (page) => {
    page.on('pageerror', (error) => errors.push(`pageerror on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error on ${page.url()}: ${message.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

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

/** Polls `read()` until `accept(value)` holds; returns the value, or throws with the last one. */
export async function until(read, accept, { timeout = 15000, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (accept(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `window.curio.instance.profile()` of the page, once the script has loaded. */
export const profile = (page) =>
  until(() => page.evaluate(() => (window.curio && !Array.isArray(window.curio) ? window.curio.instance.profile() : null)), Boolean, { what: 'curio.js to load' });

/** The events in Curio's IndexedDB record as stored (not the in-memory copy); [] when none. */
export const storedEvents = (page) =>
  page.evaluate(async () => {
    // Never open (and so create) a database that does not exist.
    if (!(await indexedDB.databases()).some((db) => db.name === 'curio')) return [];
    const db = await new Promise((resolve, reject) => Object.assign(indexedDB.open('curio'), { onsuccess: (e) => resolve(e.target.result), onerror: reject }));
    try {
      if (!db.objectStoreNames.contains('state')) return [];
      const state = await new Promise((resolve, reject) => Object.assign(db.transaction('state').objectStore('state').get('visitor'), { onsuccess: (e) => resolve(e.target.result), onerror: reject }));
      return state?.events ?? [];
    } finally {
      db.close();
    }
  });

/** The event types and counts in Curio's IndexedDB record as stored (not the in-memory copy); {} when none. */
export const storedCounts = async (page) => {
  const counts = {};
  for (const event of await storedEvents(page)) counts[event.type] = (counts[event.type] ?? 0) + 1;
  return counts;
};

/** Waits until the stored record holds at least `count` events of `type`. */
export const stored = (page, type, count) => until(() => storedCounts(page), (counts) => (counts[type] ?? 0) >= count, { what: `${count} stored ${type} event(s)` });

/** The names of the page origin's IndexedDB databases. */
export const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
