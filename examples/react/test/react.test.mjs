// The Vite + React Router example in real Chromium: built from the workspace (vite build), served
// with its own routes, driven through a pick to a product page.
import { afterAll, beforeAll, it } from 'vitest';
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { writeCatalogFiles } from '../../shop/catalog-files.mjs';
import { serveDirectory } from '../../spa/static-server.mjs';
import { checkSpaJourney } from '../../spa/test/journey.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
let server;
beforeAll(async () => {
  writeCatalogFiles(`${root}public`);
  // What ships: the production build (vitest's NODE_ENV=test would give React's development one).
  const testEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({ root, logLevel: 'warn' }).finally(() => (process.env.NODE_ENV = testEnv));
  server = await serveDirectory(`${root}dist`);
});
afterAll(() => server?.close());

it('shows picks, routes a pick click with React Router, records pick_click once, no console error', async () => {
  const timings = await checkSpaJourney({ url: server.url, home: 'main > .picks', product: 'article .picks' });
  console.log(`react example: first picks at ${timings.firstPicks.toFixed(0)} ms after navigation start, product page picks ${timings.productPicks.toFixed(0)} ms after the click`);
});
