// Bytes and milliseconds per page view, measured in Chromium: what the browser downloads (encoded
// bytes on the wire, from the DevTools protocol's Network events) before the first picks show, JS
// and data apart. Shared by the end-to-end budget test (test/page-view.test.mjs) and `pnpm bench`.

/** Curio's script files: curio.js and the chunks next to it. */
export const isCurioScript = (path) => /\/curio[\w.-]*\.m?js$/.test(path);
/** The shop's catalog files (manifest, catalog, features, neighbour and product shards). */
export const isCatalogData = (path) => /\.(json|bin)$/.test(path);

// Runs in each page before its scripts: the wall-clock time at which the first pick card shows.
const WATCH_PICKS = () => {
  const watch = (window.__pageView = { picksAt: undefined });
  const poll = () => {
    for (const host of document.querySelectorAll('[data-curio-picks]')) {
      if (host.shadowRoot?.querySelector('[part~="card"]:not([part~="skeleton"])')) {
        watch.picksAt = performance.timeOrigin + performance.now();
        return;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
};

/**
 * Starts recording the network of `page` (a playwright page): call once per page, before
 * {@link measurePageView}. Returns the recorder the measurements read.
 */
export async function recordNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', ({ requestId, request, wallTime }) => requests.set(requestId, { url: request.url, startedAt: wallTime * 1000, headerBytes: 0, bytes: 0, cached: false, done: false }));
  cdp.on('Network.requestServedFromCache', ({ requestId }) => requests.has(requestId) && (requests.get(requestId).cached = true));
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const r = requests.get(requestId);
    if (!r) return;
    r.status = response.status;
    r.headerBytes = response.encodedDataLength ?? 0;
    r.cached ||= Boolean(response.fromDiskCache || response.fromServiceWorker || response.fromPrefetchCache);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const r = requests.get(requestId);
    if (!r) return;
    // The body as it came over the wire (compressed): the total minus the response headers.
    r.bytes = r.cached ? 0 : Math.max(0, encodedDataLength - r.headerBytes);
    r.done = true;
  });
  await page.addInitScript(WATCH_PICKS);
  return { cdp, requests, setCpuRate: (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate }) };
}

/**
 * Opens `url` in `page` and measures one page view: the JS and data Curio downloads before the
 * first picks show (`picks: true`) or, on a page without picks, everything it downloads until the
 * network is quiet. Also the time from curio.js's arrival to the first picks.
 * @returns {{ js: number, data: number, files: { path: string, bytes: number, status?: number }[], picksAfterScript?: number }}
 */
export async function measurePageView(page, recorder, url, { picks = true, timeout = 60_000 } = {}) {
  recorder.requests.clear();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  let picksAt = Infinity;
  if (picks) picksAt = await page.waitForFunction(() => window.__pageView.picksAt, null, { timeout, polling: 20 }).then((handle) => handle.jsonValue());
  else await page.waitForFunction(() => window.curio && !Array.isArray(window.curio), null, { timeout });
  await quiet(recorder, picks ? 0 : 500);
  const files = [];
  let js = 0;
  let data = 0;
  for (const r of recorder.requests.values()) {
    if (r.startedAt > picksAt) continue;
    const path = new URL(r.url).pathname;
    if (isCurioScript(path)) js += r.bytes;
    else if (isCatalogData(path)) data += r.bytes;
    else continue;
    files.push({ path, bytes: r.bytes, status: r.status, cached: r.cached });
  }
  const picksAfterScript = picks
    ? await page.evaluate((picksAt) => {
        const script = performance.getEntriesByType('resource').find((e) => /\/curio\.m?js$/.test(new URL(e.name).pathname));
        return script ? picksAt - (performance.timeOrigin + script.responseEnd) : undefined;
      }, picksAt)
    : undefined;
  return { js, data, files, picksAfterScript };
}

/** Waits until no request of the page is in flight (and, with `settle`, none started for that long). */
async function quiet({ requests }, settle) {
  let last = -1;
  for (let waited = 0; waited < 30_000; waited += 50) {
    const inFlight = [...requests.values()].some((r) => !r.done);
    if (!inFlight && (settle === 0 || requests.size === last)) {
      if (settle === 0) return;
      await new Promise((resolve) => setTimeout(resolve, settle));
      if (requests.size === last && ![...requests.values()].some((r) => !r.done)) return;
    }
    last = requests.size;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
