// Browser helpers of the end-to-end tests of every example (the shop, spa, react, next): a real
// Chromium with a persistent profile (IndexedDB in an incognito context lives only in memory),
// polling, and Curio's stored events read straight from IndexedDB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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

