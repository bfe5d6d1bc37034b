/** curio.recorder.js on a page (happy-dom, fake IndexedDB): the queue, capture without a catalog, and the hand-over to curio.js. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Curio } from '@curio/core';
import { startRecorderPage } from '../src/recorder-page.js';

type Host = { curio?: unknown; dataLayer?: unknown[] };

let folder = 0;
/**
 * The recorder's script tag (not in the document: happy-dom would fetch it), in a folder of its
 * own per test: the pages of earlier tests still listen to the document, and load curio.js from theirs.
 */
function scriptTag(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = `https://shop.test/${++folder}/curio.recorder.js`;
  for (const [name, value] of Object.entries({ 'data-catalog': '/catalog.json', ...attributes })) script.setAttribute(name, value);
  return script;
}

/** The stored visitor record of database `curio`, read with plain IndexedDB calls (undefined when none). */
function storedRecord(): Promise<{ events: Array<{ type: string; item?: string }> } | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('curio');
    open.onupgradeneeded = () => open.result.createObjectStore('state');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('state', 'readonly').objectStore('state').get('visitor');
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
    };
  });
}

const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `check()` holds (the hand-over waits for IndexedDB, whose timing no timer orders), or fails after 5 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !check(); await tick(10)) if (Date.now() - started > 5000) throw new Error(`timed out: ${what}`);
}
const jsonLd = (node: object) => `<script type="application/ld+json">${JSON.stringify(node)}</script>`;
const PRODUCT = jsonLd({ '@context': 'https://schema.org', '@type': 'Product', name: 'Trail runner', sku: 'TR2-GRY', gtin13: '4006381333931' });

let appended: HTMLScriptElement[];
/** The scripts this test's page loaded. */
let loaded: HTMLScriptElement[];
beforeEach(() => {
  appended = [];
  loaded = [];
  // curio.js is not fetched: the test plays its part.
  vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
    appended.push(...(nodes as HTMLScriptElement[]));
    loaded.splice(0, Infinity, ...appended.filter((s) => s.src.startsWith(`https://shop.test/${folder}/`)));
  });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  history.replaceState({}, '', '/checkout');
  document.body.innerHTML = '';
});
afterEach(async () => {
  vi.restoreAllMocks();
  await new Promise((resolve) => {
    const r = indexedDB.deleteDatabase('curio');
    r.onsuccess = r.onerror = r.onblocked = resolve;
  });
});

/** Plays curio.js taking over `host.curio` after the hand-over loaded it; returns the commands it found queued. */
function curioJsTakesOver(host: Host, instance: Partial<Curio> = {}): unknown[] {
  const queued = host.curio as unknown[];
  expect(Array.isArray(queued)).toBe(true);
  const found = [...queued];
  host.curio = { push: () => undefined, instance };
  loaded[0]!.dispatchEvent(new Event('load'));
  return found;
}

describe('curio.recorder.js', () => {
  it('runs the queued commands and records into the same database, with the id data-id prefers and no catalog', async () => {
    document.body.innerHTML = PRODUCT;
    const host: Host = { curio: [['track', { type: 'add_to_cart', item: 'TR2-GRY' }]] };
    const { recorder } = startRecorderPage(scriptTag({ 'data-id': 'gtin sku' }), host);
    expect(Array.isArray(host.curio)).toBe(false);
    await recorder!.ready;
    await tick();
    await recorder!.destroy();
    expect((await storedRecord())?.events.map((e) => [e.type, e.item])).toEqual([
      ['add_to_cart', 'TR2-GRY'],
      ['view_item', '4006381333931'],
    ]);
    expect(loaded).toEqual([]); // no curio.js, and nothing else
  });

  it('a widget element hands over to curio.js: same folder and attributes, the pending events re-queued once', async () => {
    const host: Host = { curio: [] };
    const oldQueue = host.curio as unknown[];
    const script = scriptTag({ 'data-consent': 'pending', 'data-locale': 'fr' });
    const { recorder } = startRecorderPage(script, host);
    (host.curio as { push: (...c: unknown[]) => void }).push(['track', { type: 'view_item', item: 'a' }], ['context', { weather: 'rain' }]);
    await recorder!.ready;
    await tick();
    expect(loaded).toEqual([]);
    document.body.innerHTML = '<div data-curio-picks="order"></div>';
    // The document change is seen (50 ms), the recorder closes, curio.js is loaded.
    await until(() => loaded.length > 0, 'curio.js loaded');
    expect(loaded).toHaveLength(1);
    const next = loaded[0]!;
    expect(next.src).toBe(`https://shop.test/${folder}/curio.js`);
    expect([...next.attributes].map((a) => `${a.name}=${a.value}`).filter((a) => a.startsWith('data-'))).toEqual(['data-catalog=/catalog.json', 'data-consent=pending', 'data-locale=fr', 'data-curio-handed-over=']);
    expect(recorder!.storage).toBe('memory');
    // A command pushed on the old array during the hand-over waits for curio.js too.
    oldQueue.push(['track', { type: 'view_item', item: 'b' }]);
    const queued = curioJsTakesOver(host);
    // Consent still pending: nothing was stored, so curio.js gets the page's events once, in order.
    expect(queued).toEqual([
      ['context', { weather: 'rain' }],
      ['track', { type: 'view_item', item: 'a' }],
      ['track', { type: 'view_item', item: 'b' }],
    ]);
    expect(await storedRecord()).toBeUndefined();
  });

  it('consent granted on the recorder page: the events are stored, not re-queued, and curio.js gets the consent', async () => {
    const host: Host = { curio: [['track', { type: 'view_item', item: 'a' }], ['consent', 'granted']] };
    const { recorder, upgrade } = startRecorderPage(scriptTag({ 'data-consent': 'pending' }), host);
    const fake = { recommend: vi.fn(async () => [{ item: 'x' }]) } as unknown as Curio;
    const picks = (host.curio as { instance: Curio }).instance.recommend({ placement: 'home' });
    await until(() => loaded.length > 0, 'curio.js loaded');
    expect(loaded).toHaveLength(1);
    expect(curioJsTakesOver(host, fake)).toEqual([['consent', 'granted']]);
    // The engine's method runs in curio.js.
    expect(await picks).toEqual([{ item: 'x' }]);
    expect(fake.recommend).toHaveBeenCalledWith({ placement: 'home' });
    expect(await upgrade()).toBe(fake);
    expect(recorder!.storage).toBe('indexeddb');
    expect((await storedRecord())?.events.map((e) => e.item)).toEqual(['a']);
  });

  it('products on the page when the hand-over starts go to curio.js as commands, not recorded twice', async () => {
    document.body.innerHTML = `${PRODUCT}<div data-curio-picks="product"></div>`;
    const host: Host = {};
    startRecorderPage(scriptTag({}), host);
    await until(() => loaded.length > 0, 'curio.js loaded');
    expect(curioJsTakesOver(host)).toEqual([['track', { type: 'view_item', item: 'TR2-GRY' }]]);
    expect((await storedRecord())?.events).toEqual([]); // the session's landing only
  });

  it('a shop that measures loads curio.js at once (measurement needs the catalog)', async () => {
    const host: Host = { curio: [['track', { type: 'purchase', items: ['a'] }]] };
    const page = startRecorderPage(scriptTag({ 'data-holdout': '0.1' }), host);
    expect(page.recorder).toBeUndefined();
    expect(loaded.map((s) => s.src)).toEqual([`https://shop.test/${folder}/curio.js`]);
    expect(loaded[0]!.hasAttribute('data-curio-handed-over')).toBe(false);
    expect(curioJsTakesOver(host)).toEqual([['track', { type: 'purchase', items: ['a'] }]]);
  });

  it('bad input warns and never throws into the page', async () => {
    const host: Host = { curio: [['track', null], ['nonsense'], ['consent', 'maybe']] };
    const { recorder } = startRecorderPage(scriptTag({}), host);
    expect(() => (host.curio as { push: (...c: unknown[]) => void }).push(['track', { type: 'view_item' }])).not.toThrow();
    await recorder!.destroy();
    expect(console.warn).toHaveBeenCalled();
    expect(() => startRecorderPage(document.createElement('script'), {})).toThrow(/data-catalog/);
  });
});
