// The SPA example in real Chromium: built from the workspace, served with its own routes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from '../serve.mjs';
import { checkSpaJourney } from './journey.mjs';

let server;
beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(() => server?.close());

it('shows picks, routes a pick click client-side, records pick_click, deep links work', async () => {
  const timings = await checkSpaJourney({ url: server.url, home: '#app div:first-child', product: 'article div' });
  console.log(`spa example: first picks at ${timings.firstPicks.toFixed(0)} ms after navigation start, product page picks ${timings.productPicks.toFixed(0)} ms after the click`);
  // A product URL of the catalog is a page of the app when loaded directly (reload, new tab, crawler).
  const response = await fetch(`${server.url}p/does-not-matter.html`);
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('<main id="app">');
});
