import { describe, expect, it, vi } from 'vitest';
import type { Curio } from '@curio/core';
import { ecommerceEvents, mirrorDataLayer } from '../src/data-layer.js';
import { jsonLdProducts } from '../src/json-ld.js';
import { takeOverQueue } from '../src/commands.js';

describe('dataLayer mirroring', () => {
  it('reads GTM and gtag style GA4 ecommerce events', () => {
    expect(ecommerceEvents({ event: 'view_item', ecommerce: { items: [{ item_id: 'a' }] } })).toEqual([{ type: 'view_item', item: 'a' }]);
    expect(ecommerceEvents(['event', 'purchase', { items: [{ item_id: 'a' }, { item_id: 7 }] }])).toEqual([{ type: 'purchase', items: ['a', '7'] }]);
    expect(ecommerceEvents({ event: 'page_view' })).toEqual([]);
    expect(ecommerceEvents(null)).toEqual([]);
  });

  it('wraps push without changing what it does, and catches up on earlier entries', () => {
    const host = { dataLayer: [{ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'x' }] } }] as unknown[] };
    const track = vi.fn();
    mirrorDataLayer(host, track);
    expect(host.dataLayer.push({ event: 'view_item', ecommerce: { items: [{ item_id: 'y' }] } })).toBe(2);
    expect(host.dataLayer).toHaveLength(2);
    expect(track.mock.calls.map((call) => call[0])).toEqual([
      { type: 'add_to_cart', item: 'x' },
      { type: 'view_item', item: 'y' },
    ]);
  });
});

describe('JSON-LD', () => {
  it('finds Product sku or productID, in @graph too, and ignores broken blocks', () => {
    document.body.innerHTML = `
      <script type="application/ld+json">{"@type":"Product","sku":"sku-1"}</script>
      <script type="application/ld+json">{"@graph":[{"@type":["Product"],"productID":"p2"},{"@type":"Organization"}]}</script>
      <script type="application/ld+json">{broken</script>`;
    expect(jsonLdProducts(document)).toEqual(['sku-1', 'p2']);
  });
});

describe('command queue', () => {
  it('drains commands queued before load and runs later ones at once', () => {
    const curio = { track: vi.fn(), setConsent: vi.fn(), setPreference: vi.fn(async () => {}), forget: vi.fn(async () => {}) } as unknown as Curio;
    const queue = takeOverQueue(curio, [['track', { type: 'view_item', item: 'a' }], ['consent', 'granted']]);
    expect(curio.track).toHaveBeenCalledWith({ type: 'view_item', item: 'a' });
    expect(curio.setConsent).toHaveBeenCalledWith('granted');
    queue.push(['forget']);
    expect(curio.forget).toHaveBeenCalled();
    expect(queue.instance).toBe(curio);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => queue.push(['nope' as 'forget'])).not.toThrow();
    warn.mockRestore();
  });

  it('runs commands pushed later onto a kept reference to the old queue array', () => {
    const curio = { track: vi.fn() } as unknown as Curio;
    const old: unknown[] = [];
    takeOverQueue(curio, old);
    old.push(['track', { type: 'purchase', items: ['a'] }]);
    expect(curio.track).toHaveBeenCalledWith({ type: 'purchase', items: ['a'] });
    expect(old).toHaveLength(0);
  });

  it('runs the commands of a frozen queue array without throwing', () => {
    const curio = { track: vi.fn() } as unknown as Curio;
    const frozen = Object.freeze([['track', { type: 'view_item', item: 'a' }]]);
    expect(() => takeOverQueue(curio, frozen)).not.toThrow();
    expect(curio.track).toHaveBeenCalledWith({ type: 'view_item', item: 'a' });
  });
});

describe('the script tag', () => {
  it('reads its own <script>, never a named element that clobbers document.currentScript', async () => {
    const { ownScript } = await import('../src/ownScript.js');
    const script = document.createElement('script');
    const img = document.createElement('img');
    img.setAttribute('name', 'currentScript');
    document.body.append(img);
    // What a browser does with <img name="currentScript">: the named element shadows the getter.
    Object.defineProperty(document, 'currentScript', { value: img, configurable: true });
    const real = vi.spyOn(Document.prototype, 'currentScript', 'get').mockReturnValue(script);
    expect(ownScript()).toBe(script);
    real.mockReturnValue(img as never); // not a script: no configuration from it
    expect(ownScript()).toBeNull();
    delete (document as { currentScript?: unknown }).currentScript;
    img.remove();
  });
});
