// `pnpm bench`: Curio side by side with a naive ranking and with the alternatives' SDKs, in one
// run: Node timings, bytes of every entry point, then the demo shop in headless Chromium (1×, 4×).
// Writes results/bench.md and docs/performance-chart.svg.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { createCurio } from '@curio/core';
import { createRanker } from '@curio/core/internal';
import { generateCatalog } from './generate.mjs';
import { naiveRecommend } from './naive.mjs';
import { ENTRIES, minified, sizes } from './size.mjs';
import { ALTERNATIVES, minifiedAlternative } from './alternatives.mjs';
import { writeSites } from './sites.mjs';
import { browserBench } from './browser.mjs';
import { chartSvg } from './chart.mjs';
import { buildSite } from '../../examples/shop/build-site.mjs';
import { demoPages, measureScenarios, plainShop, SCENARIOS, serveDir } from '../../examples/shop/page-view.mjs';

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const fmt = (ms) => (ms < 0.01 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(3)} ms`);
const lines = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};

const chromium = execFileSync('/usr/bin/chromium', ['--version']).toString().trim();
out(`Curio benchmark — ${new Date().toISOString().slice(0, 10)}; ${cpus()[0].model}, nproc ${cpus().length}; Node ${process.version}; ${chromium}`);
out();

// 1. track(): main-thread cost of one call (writes are batched and flushed later).
{
  const catalog = generateCatalog(10_000);
  let t = Date.UTC(2026, 0, 1);
  const curio = createCurio({ catalog, now: () => t, storeName: 'bench-track' });
  await curio.ready;
  const costs = [];
  for (let n = 0; n < 5000; n++) {
    t += 1000;
    costs.push(time(() => curio.track({ type: 'view_item', item: `sku-${n % 10_000}` })));
  }
  const flushStart = performance.now();
  await curio.setPreference({ kind: 'brand', value: 'Brand 1', like: true }); // forces a flush of the batch
  const flush = performance.now() - flushStart;
  out('| track() (5,000 calls) | p50 | p99 |');
  out('|---|---:|---:|');
  out(`| main-thread cost per call | ${fmt(quantile(costs, 0.5))} | ${fmt(quantile(costs, 0.99))} |`);
  out(`\nFlush of the 5,000-event batch into IndexedDB (fake-indexeddb, one transaction): ${fmt(flush)}\n`);
}

// 2. recommend(): Curio's typed-array ranking vs the naive object-and-sort ranking, same visitor.
out('| catalog | Curio first call | Curio steady (median) | naive steady (median) | naive / Curio |');
out('|---:|---:|---:|---:|---:|');
for (const n of [1_000, 10_000, 100_000]) {
  const catalog = generateCatalog(n, n);
  const ranker = createRanker(catalog);
  const viewed = ['sku-1', 'sku-7', 'sku-42', `sku-${n - 3}`];
  const at = Date.UTC(2026, 0, 1);
  const events = viewed.map((item, k) => ({ id: `e${k}`, at: at - (viewed.length - k) * 60_000, type: 'view_item', item }));
  const request = { placement: 'home', limit: 8 };
  const first = time(() => ranker.rank({ events }, request, at));
  const steady = [];
  for (let r = 0; r < 200; r++) steady.push(time(() => ranker.rank({ events }, request, at)));
  const naive = [];
  for (let r = 0; r < (n >= 100_000 ? 5 : 30); r++) naive.push(time(() => naiveRecommend(catalog, viewed)));
  const c = quantile(steady, 0.5);
  const v = quantile(naive, 0.5);
  out(`| ${n.toLocaleString('en')} | ${fmt(first)} | ${fmt(c)} | ${fmt(v)} | ${(v / c).toFixed(0)}× |`);
}

// 3. Bytes: Curio's entry points and the alternatives' SDKs, same rollup + terser settings.
const kb = (n) => (n / 1024).toFixed(1);
const bytes = [];
out('\n| script (min, then compressed) | min | min+gzip | brotli |');
out('|---|---:|---:|---:|');
for (const entry of ENTRIES) {
  const s = sizes((await minified(entry)).code);
  bytes.push([entry.name.replace(/ \(.*/, ''), s.gzip / 1024, true]);
  out(`| **${entry.name}** | ${kb(s.min)} KB | ${kb(s.gzip)} KB | ${kb(s.brotli)} KB |`);
}
for (const alternative of ALTERNATIVES) {
  const s = sizes(await minifiedAlternative(alternative));
  bytes.push([alternative.name.replace(/ \(.*/, ''), s.gzip / 1024, false]);
  out(`| ${alternative.name} | ${kb(s.min)} KB | ${kb(s.gzip)} KB | ${kb(s.brotli)} KB |`);
}

// 4. Bytes per page view: what the browser downloads before the first picks (brotli, as served).
console.error('browser: bytes per page view…');
const demoDir = buildSite();
const plainDir = plainShop(demoDir);
const kbOf = (b) => (b / 1024).toFixed(1);
out('\n| page view (demo shop, 1,200 products, JSON catalog) | CPU | JS, plain shop | data, plain shop | JS, rules + collections | data, rules + collections | first picks after curio.js arrived (rules) |');
out('|---|---:|---:|---:|---:|---:|---:|');
for (const rate of [1, 4]) {
  const measured = [];
  for (const dir of [plainDir, demoDir]) {
    const server = await serveDir(dir);
    measured.push(await measureScenarios(server.url, demoPages(demoDir), { rate }));
    await server.close();
  }
  const [plain, rules] = measured;
  SCENARIOS.forEach((scenario, k) => {
    const picks = rules[k].picksAfterScript;
    out(`| ${scenario.name} | ${rate}× | ${kbOf(plain[k].js)} KB | ${kbOf(plain[k].data)} KB | ${kbOf(rules[k].js)} KB | ${kbOf(rules[k].data)} KB | ${picks === undefined ? '–' : `${picks.toFixed(0)} ms`} |`);
  });
}
rmSync(plainDir, { recursive: true, force: true });

// 5. The demo shop with generated catalogs in Chromium.
console.error('browser: writing the sites…');
const written = writeSites();
out('\n| generated catalog (1×) | data before first picks, home, first visit | data, product page later in the visit | first picks after curio.js arrived, later page |');
out('|---|---:|---:|---:|');
for (const site of written.sites) {
  const server = await serveDir(site.dir);
  const scenarios = [SCENARIOS[0], SCENARIOS.at(-1)];
  const [first, later] = await measureScenarios(server.url, { home: '/', laterProduct: '/p/sku-2.html' }, { scenarios });
  await server.close();
  out(`| ${site.name} | ${kbOf(first.data)} KB | ${kbOf(later.data)} KB | ${later.picksAfterScript.toFixed(0)} ms |`);
}
const rows = await browserBench(written);
rmSync(dirname(written.control), { recursive: true, force: true });
const ms = (v) => (v === undefined ? '–' : v < 1 ? v.toFixed(2) : v.toFixed(0));
out('\n| catalog | CPU | curio.js compile + eval | main thread, with − without Curio | longest task running Curio code | long tasks > 50 ms (page) | data arrived → picks | DOMContentLoaded → picks | downloaded (gzip) | JS heap (control page) |');
out('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  out(`| ${r.site} | ${r.rate}× | ${ms(r.evaluate)} ms | ${ms(r.curioBusy)} ms | ${ms(r.longestOurs)} ms | ${r.longTasks.length} (max ${ms(r.longest)} ms) | ${ms(r.picksAt - r.arrived)} ms | ${ms(r.picksAt - r.dcl)} ms | ${kb(r.bytes)} KB | ${(r.heap / 2 ** 20).toFixed(1)} MB (${(r.baseHeap / 2 ** 20).toFixed(1)} MB) |`);
}
out('\n| catalog (1×, in the page) | track() p50 | track() p99 | flush of 5,000 events | recommend() first | recommend() steady | naive steady | naive / Curio |');
out('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows.filter((r) => r.trackP50 !== undefined)) {
  out(`| ${r.site} | ${(r.trackP50 * 1000).toFixed(1)} µs | ${(r.trackP99 * 1000).toFixed(1)} µs | ${ms(r.flush)} ms | ${ms(r.first)} ms | ${ms(r.steady)} ms | ${ms(r.naive)} ms | ${(r.naive / r.steady).toFixed(0)}× |`);
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/bench.md', import.meta.url), lines.join('\n') + '\n');
const picks = rows.map((r) => [`${r.site}, ${r.rate}× CPU`, r.picksAt - r.dcl, true]);
writeFileSync(new URL('../../docs/performance-chart.svg', import.meta.url), chartSvg(bytes, picks, `pnpm bench, ${new Date().toISOString().slice(0, 10)}: ${chromium}, ${cpus().length} CPUs. Hosted SDKs also need their servers; their picks cannot be timed offline.`));
// The Curio instances of the Node part keep BroadcastChannels and timers alive: end explicitly.
process.exit(0);
