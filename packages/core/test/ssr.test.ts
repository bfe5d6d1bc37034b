// @vitest-environment node
/** Server-side rendering: importing and even using the core without a DOM or IndexedDB works. */
import { expect, test } from 'vitest';

test('imports and ranks in Node without window, document or indexedDB', async () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  const idb = globalThis.indexedDB;
  delete (globalThis as { indexedDB?: unknown }).indexedDB; // the setup file installs one; a server has none
  const { createCurio } = await import('../src/index.js');
  const { outdoorCatalog } = await import('./helpers.js');
  const curio = createCurio({ catalog: outdoorCatalog });
  await curio.ready;
  curio.track({ type: 'view_item', item: 'headlamp' });
  const picks = await curio.recommend({ placement: 'product', item: 'headlamp', limit: 3 });
  expect(picks[0]!.item).toBe('lantern');
  expect((await curio.profile()).storage).toBe('memory');
  globalThis.indexedDB = idb;
});
