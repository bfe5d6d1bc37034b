import { describe, expect, it, vi } from 'vitest';
import type { Curio } from '@curio/core';
import { ecommerceEvents, mirrorDataLayer } from '../src/data-layer.js';
import { jsonLdSightings } from '../src/json-ld.js';
import { microdataSightings } from '../src/microdata.js';
import { orderedIds, resolveSighting } from '../src/resolve-ids.js';
import { takeOverQueue } from '../src/commands.js';

describe('dataLayer mirroring', () => {
  const sighting = (id: string, kind = 'item_id') => ({ ids: [[kind, id]] });
  it('reads GA4 through GTM and gtag, items with item_id or id, numbers included', () => {
    expect(ecommerceEvents({ event: 'view_item', ecommerce: { items: [{ item_id: 'a' }] } })).toEqual([{ type: 'view_item', item: sighting('a') }]);
    expect(ecommerceEvents(['event', 'purchase', { items: [{ item_id: 'a' }, { id: 7 }] }])).toEqual([{ type: 'purchase', items: [sighting('a'), sighting('7')] }]);
    expect(ecommerceEvents({ event: 'remove_from_cart', ecommerce: { items: [{ item_id: 'a', sku: 'A-1' }] } })).toEqual([{ type: 'remove_from_cart', item: { ids: [['item_id', 'a'], ['sku', 'A-1']] } }]);
    expect(ecommerceEvents({ event: 'search', search_term: ' boots ' })).toEqual([{ type: 'search', query: 'boots' }]);
    expect(ecommerceEvents(['event', 'search', { search_term: 'hat' }])).toEqual([{ type: 'search', query: 'hat' }]);
    expect(ecommerceEvents({ event: 'page_view' })).toEqual([]);
    expect(ecommerceEvents({ ecommerce: null })).toEqual([]);
    expect(ecommerceEvents(null)).toEqual([]);
  });

  it('reads select_item only from a Curio list', () => {
    expect(ecommerceEvents({ event: 'select_item', ecommerce: { item_list_id: 'curio-home', items: [{ item_id: 'a' }] } })).toEqual([{ type: 'pick_click', item: sighting('a') }]);
    expect(ecommerceEvents({ event: 'select_item', ecommerce: { items: [{ item_id: 'a', item_list_name: 'Curio picks' }] } })).toEqual([{ type: 'pick_click', item: sighting('a') }]);
    expect(ecommerceEvents({ event: 'select_item', ecommerce: { item_list_id: 'related', items: [{ item_id: 'a' }] } })).toEqual([]);
  });

  it('reads Universal Analytics enhanced ecommerce with or without an event', () => {
    expect(ecommerceEvents({ ecommerce: { detail: { products: [{ id: 'a' }] } } })).toEqual([{ type: 'view_item', item: sighting('a') }]);
    expect(ecommerceEvents({ event: 'addToCart', ecommerce: { add: { products: [{ id: 'b' }] } } })).toEqual([{ type: 'add_to_cart', item: sighting('b') }]);
    expect(ecommerceEvents({ event: 'removeFromCart', ecommerce: { remove: { products: [{ id: 'b' }] } } })).toEqual([{ type: 'remove_from_cart', item: sighting('b') }]);
    expect(ecommerceEvents({ ecommerce: { purchase: { actionField: { id: 'T1' }, products: [{ id: 'a' }, { id: 'b' }] } } })).toEqual([{ type: 'purchase', items: [sighting('a'), sighting('b')] }]);
    expect(ecommerceEvents({ ecommerce: { impressions: [{ id: 'a' }] } })).toEqual([]);
  });

  it('wraps push without changing what it does, catches up on earlier entries, and follows a replaced array', () => {
    const host: { dataLayer?: unknown } = { dataLayer: [{ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'x' }] } }] };
    const capture = vi.fn();
    mirrorDataLayer(host, capture);
    const first = host.dataLayer as unknown[];
    expect(first.push({ event: 'view_item', ecommerce: { items: [{ item_id: 'y' }] } })).toBe(2);
    expect(first).toHaveLength(2);
    // A page replacing the array, keeping the old entries: they are not read twice.
    host.dataLayer = [...first];
    (host.dataLayer as unknown[]).push({ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'z' }] } });
    expect(capture.mock.calls.map((call) => call[0].item.ids[0][1])).toEqual(['x', 'y', 'z']);
  });

  it('after a hand-over from curio.recorder.js (skipPresent), mirrors only the entries pushed later', () => {
    const host: { dataLayer?: unknown } = { dataLayer: [{ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'x' }] } }] };
    const capture = vi.fn();
    mirrorDataLayer(host, capture, true);
    (host.dataLayer as unknown[]).push({ event: 'view_item', ecommerce: { items: [{ item_id: 'y' }] } });
    expect(capture.mock.calls.map((call) => call[0].item.ids[0][1])).toEqual(['y']);
  });
});

describe('schema.org markup', () => {
  const page = new URL('https://shop.example/products/tee');
  it('finds Products (sku, productID, gtin, mpn) in several blocks, @graph and arrays, and ignores broken blocks', () => {
    document.body.innerHTML = `
      <script type="application/ld+json">{"@type":"Product","sku":"sku-1","gtin13":"0012345678905"}</script>
      <script type="application/ld+json">{"@graph":[{"@type":["Product"],"productID":"p2"},{"@type":"Organization"}]}</script>
      <script type="application/ld+json">[{"@type":"http://schema.org/Product","mpn":"M3"}]</script>
      <script type="application/ld+json">{broken</script>`;
    expect(jsonLdSightings(document, page)).toEqual([{ ids: [['sku', 'sku-1'], ['gtin', '0012345678905']] }, { ids: [['productID', 'p2']] }, { ids: [['mpn', 'M3']] }]);
  });

  it('reads a ProductGroup: the variant the URL selects, else the group then its first variant', () => {
    document.body.innerHTML = `<script type="application/ld+json">{"@type":"ProductGroup","productGroupID":"G1","hasVariant":[
      {"@type":"Product","sku":"G1-S","offers":{"url":"/products/tee?variant=1"}},{"@type":"Product","sku":"G1-M","url":"/products/tee?variant=2"}]}</script>`;
    expect(jsonLdSightings(document, page)).toEqual([{ ids: [['group', 'G1'], ['sku', 'G1-S']], group: 'G1' }]);
    expect(jsonLdSightings(document, new URL('?variant=2', page))).toEqual([{ ids: [['sku', 'G1-M'], ['group', 'G1']], group: 'G1' }]);
  });

  it('reads a Product whose offers are its variants (older Shopify themes): the offer the URL names, grouped by the product URL', () => {
    document.body.innerHTML = `<script type="application/ld+json">{"@type":"Product","sku":"T-S","url":"https://shop.example/products/tee","offers":[
      {"@type":"Offer","sku":"T-S","url":"https://shop.example/products/tee?variant=1"},{"@type":"Offer","sku":"T-M","url":"https://shop.example/products/tee?variant=2"}]}</script>`;
    expect(jsonLdSightings(document, page)).toEqual([{ ids: [['sku', 'T-S']], group: 'path:/products/tee' }]);
    expect(jsonLdSightings(document, new URL('?variant=2', page))).toEqual([{ ids: [['sku', 'T-M'], ['sku', 'T-S']], group: 'path:/products/tee' }]);
  });

  it('reads a variant page: isVariantOf or inProductGroupWithID give its group', () => {
    document.body.innerHTML = `<script type="application/ld+json">{"@type":"Product","sku":"V1","isVariantOf":{"@type":"ProductGroup","productGroupID":"G9"}}</script>`;
    expect(jsonLdSightings(document, page)).toEqual([{ ids: [['sku', 'V1'], ['group', 'G9']], group: 'G9' }]);
  });

  it('reads microdata: own properties only, not those of offers or nested products', () => {
    document.body.innerHTML = `<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Bag</span><div itemprop="sku"> 24-MB01 </div>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="sku" content="OFFER"></div>
      <div itemscope itemtype="https://schema.org/Product"><meta itemprop="sku" content="RELATED"></div></div>`;
    expect(microdataSightings(document)).toEqual([{ ids: [['sku', '24-MB01']] }]);
  });
});

describe('id resolution', () => {
  const curio = { product: (id: string) => ({ A: { id: 'A' }, '1043': { id: 'A' }, B: { id: 'B', group: 'G' } })[id] } as unknown as Curio;
  it('takes the first id the catalog knows (as id or alias), in the order data-id prefers', () => {
    expect(resolveSighting(curio, { ids: [['sku', 'nope'], ['item_id', '1043']] }, [])).toEqual({ item: 'A', keys: ['p:A'] });
    expect(resolveSighting(curio, { ids: [['sku', 'B'], ['item_id', '1043']], group: 'X' }, ['item_id'])).toEqual({ item: 'A', keys: ['p:A', 'g:X'] });
    expect(resolveSighting(curio, { ids: [['sku', 'B']] }, [])).toEqual({ item: 'B', keys: ['p:G'] });
  });

  it('keeps the preferred id when the catalog knows none', () => {
    expect(resolveSighting(curio, { ids: [['sku', 'x'], ['productID', 'y']] }, ['productID'])).toEqual({ item: 'y', keys: ['?'] });
    expect(orderedIds({ ids: [['sku', 'x'], ['gtin', 'g'], ['productID', 'y']] }, ['gtin', 'productID'])).toEqual(['g', 'y', 'x']);
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
