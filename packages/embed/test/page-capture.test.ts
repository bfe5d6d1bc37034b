/** Page views and deduplication of the page capture, with a stand-in for the Curio instance (its catalog lookups). */
import { describe, expect, it } from 'vitest';
import type { Curio, TrackEvent } from '@curio/core';
import { createPageCapture } from '../src/page-capture.js';

const CATALOG: Record<string, { id: string; group?: string }> = {
  'A-S': { id: 'A-S', group: 'A' },
  'A-M': { id: 'A-M', group: 'A' },
  '101': { id: 'A-S', group: 'A' },
  B: { id: 'B' },
};

function setUp() {
  let loaded = false;
  let resolveReady!: () => void;
  const tracked: TrackEvent[] = [];
  const curio = {
    ready: new Promise<void>((resolve) => (resolveReady = resolve)),
    product: (id: string) => (loaded ? CATALOG[id] : undefined),
    track: (event: TrackEvent) => tracked.push(event),
  } as unknown as Curio;
  const capture = createPageCapture(curio, []);
  const load = async () => {
    loaded = true;
    resolveReady();
    await curio.ready;
  };
  return { capture, tracked, load };
}

const jsonLd = (node: object) => `<script type="application/ld+json">${JSON.stringify(node)}</script>`;

describe('page capture', () => {
  it('waits for the catalog, keeps the order, and counts one view per group whatever the sources', async () => {
    history.replaceState({}, '', '/products/a');
    document.body.innerHTML = jsonLd({ '@type': 'ProductGroup', productGroupID: 'A', hasVariant: [{ '@type': 'Product', sku: 'A-S' }, { '@type': 'Product', sku: 'A-M' }] });
    const { capture, tracked, load } = setUp();
    capture.scan();
    capture.record({ type: 'view_item', item: { ids: [['item_id', '101']] } });
    capture.record({ type: 'add_to_cart', item: { ids: [['item_id', '101']] } });
    expect(tracked).toEqual([]);
    await load();
    expect(tracked).toEqual([
      { type: 'view_item', item: 'A-S' },
      { type: 'add_to_cart', item: 'A-S' },
    ]);
    // Another variant of the same group, same path: no second view.
    history.replaceState({}, '', '/products/a?variant=2');
    capture.scan();
    capture.record({ type: 'view_item', item: { ids: [['sku', 'A-M']] } });
    expect(tracked).toHaveLength(2);
  });

  it('after a navigation, ignores the previous page’s markup still in the document and records the new product', async () => {
    history.replaceState({}, '', '/products/a');
    document.body.innerHTML = `<div id="old">${jsonLd({ '@type': 'Product', sku: 'A-S' })}</div><div id="new"></div>`;
    const { capture, tracked, load } = setUp();
    await load();
    capture.scan();
    history.pushState({}, '', '/products/b');
    capture.scan(); // the old product is still there (hidden during a transition)
    expect(tracked).toEqual([{ type: 'view_item', item: 'A-S' }]);
    document.getElementById('new')!.innerHTML = jsonLd({ '@type': 'Product', sku: 'B' });
    capture.scan();
    expect(tracked).toEqual([
      { type: 'view_item', item: 'A-S' },
      { type: 'view_item', item: 'B' },
    ]);
    // The transition ends (the document observer scans after each change).
    document.getElementById('old')!.remove();
    capture.scan();
    // Back to the first product: a new page view, and its markup was not on the previous page.
    document.body.innerHTML = jsonLd({ '@type': 'Product', sku: 'A-S' });
    history.pushState({}, '', '/products/a');
    capture.scan();
    expect(tracked.at(-1)).toEqual({ type: 'view_item', item: 'A-S' });
    expect(tracked).toHaveLength(3);
  });

  it('after a hand-over from curio.recorder.js, the products already on the page are not tracked again; new ones are', async () => {
    history.replaceState({}, '', '/checkout');
    document.body.innerHTML = jsonLd({ '@type': 'Product', sku: 'B' });
    const { capture, tracked, load } = setUp();
    await load();
    capture.adoptPage();
    capture.scan();
    expect(tracked).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', jsonLd({ '@type': 'ProductGroup', productGroupID: 'A', hasVariant: [{ '@type': 'Product', sku: 'A-S' }] }));
    capture.scan();
    expect(tracked).toEqual([{ type: 'view_item', item: 'A-S' }]);
  });

  it('an unknown product is one view per page view, under its preferred id; purchases resolve each item', async () => {
    history.replaceState({}, '', '/products/x');
    document.body.innerHTML = jsonLd({ '@type': 'Product', sku: 'X-1' });
    const { capture, tracked, load } = setUp();
    await load();
    capture.scan();
    capture.record({ type: 'view_item', item: { ids: [['item_id', '9001']] } });
    capture.record({ type: 'purchase', items: [{ ids: [['item_id', '101']] }, { ids: [['sku', 'B']] }, { ids: [['sku', 'A-S']] }] });
    expect(tracked).toEqual([
      { type: 'view_item', item: 'X-1' },
      { type: 'purchase', items: ['A-S', 'B'] },
    ]);
  });
});
