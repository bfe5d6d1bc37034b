/** Start-up on a hostile page: nothing a page removed or patched makes Curio throw into it. */
import { afterEach, expect, test, vi } from 'vitest';
import { createCurio } from '../src/index.js';
import { outdoorCatalog } from './helpers.js';

afterEach(() => vi.unstubAllGlobals());

test('without queueMicrotask, createCurio (with page context) and track() never throw, and subscribers are told', async () => {
  vi.stubGlobal('queueMicrotask', undefined);
  const curio = createCurio({ catalog: outdoorCatalog, storeName: 'no-microtask', consent: 'denied', context: { weather: 'rain' } });
  const told = vi.fn();
  curio.subscribe(told);
  curio.track({ type: 'view_item', item: 'headlamp' });
  await vi.waitFor(() => expect(told).toHaveBeenCalled());
  expect((await curio.profile()).eventCounts).toEqual({ view_item: 1 });
});

test('rules are evaluated with a patched JSON.stringify', async () => {
  vi.stubGlobal('JSON', { ...JSON, parse: JSON.parse, stringify: () => { throw new Error('patched'); } });
  const curio = createCurio({ catalog: outdoorCatalog, consent: 'denied', rules: [{ id: 'mobile-lights', when: { device: 'mobile' }, then: { boost: { category: 'Lights' }, weight: 1 } }] });
  expect((await curio.recommend({ placement: 'home', limit: 4 })).length).toBe(4);
  expect((await curio.explainRules()).rules[0]!.why).toMatch(/when.device wants "mobile"/);
});
