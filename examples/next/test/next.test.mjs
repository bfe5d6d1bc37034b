// The Next.js (App Router) example in real Chromium: `next build` from the workspace, `next start`,
// product pages rendered on the server, picks in the browser, a pick click routed by Next's router.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { writeCatalogFiles } from '../../shop/catalog-files.mjs';
import { until } from '../../shop/test/browser.mjs';
import { checkSpaJourney } from '../../spa/test/journey.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const next = `${root}node_modules/next/dist/bin/next`;
// What ships: a production server (vitest's NODE_ENV=test is not one), nothing sent home.
const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };

/** A free port on localhost. */
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

let server;
let url;
beforeAll(async () => {
  writeCatalogFiles(`${root}public`);
  execFileSync(process.execPath, [next, 'build'], { cwd: root, env, stdio: 'pipe' });
  const port = await freePort();
  server = spawn(process.execPath, [next, 'start', '--port', String(port), '--hostname', '127.0.0.1'], { cwd: root, env, stdio: 'ignore' });
  url = `http://127.0.0.1:${port}/`;
  await until(() => fetch(url).then((r) => r.ok, () => false), Boolean, { what: 'next start', timeout: 30000 });
});
afterAll(() => server?.kill());

it('renders product pages on the server, with the picks host empty until the browser fills it', async () => {
  const response = await fetch(`${url}p/sku-1000.html`);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toMatch(/<h1>[^<]+<\/h1>/);
  expect(html).toContain('<div class="picks" data-curio-picks="product"></div>');
  expect((await fetch(`${url}p/no-such-product.html`)).status).toBe(404);
});

it('hydrates without a warning, routes a pick click with Next\'s router, records pick_click once', async () => {
  const timings = await checkSpaJourney({ url, home: 'main > .picks', product: 'article .picks' });
  console.log(`next example: first picks at ${timings.firstPicks.toFixed(0)} ms after navigation start, product page picks ${timings.productPicks.toFixed(0)} ms after the click`);
});
