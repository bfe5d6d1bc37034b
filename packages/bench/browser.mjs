// The browser benchmark: the demo shop (script tag only) in headless Debian Chromium, CPU throttled
// 1× and 4× (CDP), with 1k / 10k / 100k generated catalogs, side by side in one run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { staticHandler } from '../../examples/shop/serve.mjs';
import { naiveRecommend } from './naive.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Serves `root` on a free localhost port. */
async function serve(root) {
  const server = createServer(staticHandler(normalize(root)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

// Runs in the page before its scripts: long tasks, and the frame in which the home picks show.
const OBSERVE = () => {
  const bench = (window.__bench = { longTasks: [], curioScripts: [], picksAt: undefined });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => bench.longTasks.push(e.duration))).observe({ type: 'longtask' });
  // Long animation frames name the scripts that ran in them, promise continuations included
  // (which the trace cannot attribute): any Curio script of a long frame counts as a Curio task.
  new PerformanceObserver((list) =>
    list.getEntries().forEach((frame) => frame.scripts.forEach((s) => /\/curio(\.\w+)?\.js$/.test(s.sourceURL) && bench.curioScripts.push(s.duration))),
  ).observe({ type: 'long-animation-frame' });
  const poll = () => {
    const card = document.querySelector('[data-curio-picks="home"]')?.shadowRoot?.querySelector('[part~="card"]:not([part~="skeleton"])');
    if (card) bench.picksAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
};

/** Main-thread tasks and curio.js compile + evaluation from a Chromium trace. */
function traceTimes(events) {
  // The renderer's main thread: the one that evaluated curio.js or parsed the page.
  const anchor = events.find((e) => e.name === 'ParseHTML' || e.name === 'EvaluateScript');
  const onMain = events.filter((e) => anchor && e.pid === anchor.pid && e.tid === anchor.tid && e.ph === 'X');
  const busy = onMain.filter((e) => e.name === 'RunTask').reduce((sum, e) => sum + e.dur, 0) / 1000;
  // curio.js and the files it loads next to it (curio.compact.js, curio.merchant.js, …).
  const curio = (e) => /\/curio(\.\w+)?\.js$/.test(String(e.args?.data?.url ?? e.args?.fileName ?? ''));
  const evaluate = onMain.filter((e) => (e.name === 'EvaluateScript' || e.name.startsWith('v8.compile')) && curio(e)).reduce((sum, e) => sum + e.dur, 0) / 1000;
  // Tasks running curio.js code (its evaluation, or a call into it; not promise continuations,
  // which the long animation frames add); the longest is what we block for.
  const ours = onMain.filter((e) => e.name === 'RunTask' && onMain.some((c) => curio(c) && c.ts >= e.ts && c.ts < e.ts + e.dur));
  const longestOurs = Math.max(0, ...ours.map((e) => e.dur)) / 1000;
  return { busy, evaluate, longestOurs };
}

/**
 * Loads the home page of `site` in a fresh profile at CPU slowdown `rate`; measures load, picks,
 * long tasks, bytes, heap, then track()/flush and recommend() vs naive in the same page.
 */
async function measure(site, rate, { interactive = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'curio-bench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  const server = await serve(site.dir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.addInitScript(OBSERVE);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    if (site.form) await page.waitForFunction(() => window.__bench.picksAt !== undefined, null, { timeout: 120_000 });
    await page.waitForTimeout(300);
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const data = performance.getEntriesByType('resource').filter((r) => /\/(catalog\.json|features\.bin)$/.test(r.name));
      const arrived = data.length ? Math.max(...data.map((r) => r.responseEnd)) : undefined;
      return { dcl: nav.domContentLoadedEventEnd, picksAt: window.__bench.picksAt, arrived, longTasks: window.__bench.longTasks, curioScripts: window.__bench.curioScripts };
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const bytes = [...new Set(requested)].reduce((sum, path) => {
      try {
        return sum + gzipSync(readFileSync(join(site.dir, path === '/' ? 'index.html' : path)), { level: 9 }).length;
      } catch {
        return sum; // a 404 (e.g. favicon variants)
      }
    }, 0);
    const traced = traceTimes(events);
    const result = { ...traced, ...timing, longestOurs: Math.max(traced.longestOurs, ...timing.curioScripts), heap, bytes, requests: requested.length };
    if (interactive && site.form) Object.assign(result, await interact(page, site));
    return result;
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** track() and flush, then recommend() first and steady vs the naive ranking, in the loaded page. */
async function interact(page, site) {
  await page.evaluate(`window.__naiveRecommend = ${naiveRecommend}`); // evaluated by DevTools: the page's CSP forbids eval
  return page.evaluate(
    async ({ n }) => {
      const curio = window.curio.instance;
      const ids = Array.from({ length: 20 }, (_, k) => `sku-${(k * 7919) % n}`);
      // performance.now() is coarse (100 µs) outside cross-origin isolation: time batches of 100 calls.
      const perCall = [];
      for (let b = 0; b < 50; b++) {
        const t = performance.now();
        for (let k = 0; k < 100; k++) curio.track({ type: 'view_item', item: ids[(b + k) % ids.length] });
        perCall.push((performance.now() - t) / 100);
      }
      let t = performance.now();
      await curio.setPreference({ kind: 'brand', value: 'Brand 1', like: true }); // writes the batch of 5,000 events at once
      const flush = performance.now() - t;
      t = performance.now();
      await curio.recommend({ placement: 'product', item: ids[3], limit: 8 });
      const first = performance.now() - t;
      const steady = [];
      for (let r = 0; r < 30; r++) {
        t = performance.now();
        for (let k = 0; k < 10; k++) await curio.recommend({ placement: 'product', item: ids[3], limit: 8 });
        steady.push((performance.now() - t) / 10);
      }
      const naiveRecommend = window.__naiveRecommend;
      const catalog = await (await fetch('/naive.json')).json();
      const viewed = ids.slice(-4);
      const naive = [];
      for (let r = 0; r < (n >= 100_000 ? 5 : 20); r++) {
        t = performance.now();
        naiveRecommend(catalog, viewed);
        naive.push(performance.now() - t);
      }
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
      return { trackP50: median(perCall), trackP99: q(perCall, 0.99), flush, first, steady: median(steady), naive: median(naive) };
    },
    { n: site.size },
  );
}

/** Runs every site at 1× and 4× plus the control page; returns the rows for the report. */
export async function browserBench({ sites, control }) {
  const rows = [];
  for (const rate of [1, 4]) {
    const base = await measure({ dir: control }, rate, { interactive: false });
    for (const site of sites) {
      const r = await measure(site, rate, { interactive: rate === 1 });
      rows.push({ site: site.name, size: site.size, form: site.form, rate, ...r, curioBusy: r.busy - base.busy, baseHeap: base.heap, longest: Math.max(0, ...r.longTasks) });
      console.error(`  ${site.name} at ${rate}×: picks ${(r.picksAt - r.dcl).toFixed(0)} ms after DOMContentLoaded`);
    }
  }
  return rows;
}
