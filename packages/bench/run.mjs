// `pnpm bench`: Curio's main-thread costs side by side with a naive implementation, in one run.
// Node, single thread; the browser suite (issue 7) adds page-level timings in Chromium.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createCurio } from '@curio/core';
import { createRanker } from '@curio/core/internal';
import { generateCatalog } from './generate.mjs';
import { naiveRecommend } from './naive.mjs';

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

out(`Curio benchmark — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
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

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/node.md', import.meta.url), lines.join('\n') + '\n');
