// The shop with its catalog in compact form (`curio-catalog build --compact`): a first visit's
// picks come from catalog.json and features.bin alone; product records of other items load from
// their shards when shown. Served by the shop's own static server from a temporary copy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFromFile, catalogFiles } from '../../../packages/catalog-cli/dist/index.js';
import { buildSite } from '../build-site.mjs';
import { staticHandler } from '../serve.mjs';
import { catalog, inlineCatalog, launch, readPicks } from './helpers.mjs';

describe('a compact catalog', () => {
  let dir;
  let server;
  let url;
  let browser;
  const requested = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'curio-compact-'));
    buildSite({ out: dir });
    for (const file of catalogFiles(builtFromFile(inlineCatalog), 16, true)) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.bytes);
    }
    server = createServer(staticHandler(dir));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://localhost:${server.address().port}/`;
    browser = await launch();
    browser.context.on('request', (request) => requested.push(new URL(request.url()).pathname));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a first visit its picks without product shards, then loads the shards of what else it shows', async () => {
    const { page, errors } = browser;
    await page.goto(url);
    const home = await readPicks(page, '[data-curio-picks="home"]', 8);
    expect(requested).toContain('/features.bin');
    expect(requested.filter((path) => path.startsWith('/products/'))).toEqual([]);
    const titles = new Map(catalog.products.map((p) => [p.id, p.title]));
    expect(home.map((pick) => pick.title)).toEqual(home.map((pick) => titles.get(pick.id)));

    // A product page: its neighbours are mostly not among a first visit's picks.
    const viewed = catalog.products.find((p) => !home.some((pick) => pick.id === p.id) && inlineCatalog.neighbors[0].rows[p.id]?.length);
    await page.goto(`${url}p/${viewed.id}.html`);
    const similar = await readPicks(page, '[data-curio-picks="product"]');
    expect(requested.some((path) => path.startsWith('/products/'))).toBe(true);
    expect(similar.map((pick) => pick.title)).toEqual(similar.map((pick) => titles.get(pick.id)));
    expect(errors).toEqual([]);
  });
});
