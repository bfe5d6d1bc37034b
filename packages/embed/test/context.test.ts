import { describe, expect, it, vi } from 'vitest';
import { createCurio, type CatalogFile } from '@curio/core';
import { takeOverQueue } from '../src/commands.js';
import { readConfig } from '../src/config.js';

const catalog: CatalogFile = { version: 1, currency: 'EUR', products: [{ id: 'a', title: 'A', url: '/a', price: 1, categories: ['X'] }] };
const script = (attributes: Record<string, string>) => {
  const element = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
};

describe('page context from the script tag', () => {
  it('data-context gives the start-up values; a bad one is ignored with a warning', () => {
    expect(readConfig(script({ 'data-catalog': '/c.json', 'data-context': '{"weather":"rain"}' })).options.context).toEqual({ weather: 'rain' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readConfig(script({ 'data-catalog': '/c.json', 'data-context': '{weather' })).options.context).toBeUndefined();
    expect(warn.mock.calls.flat().join(' ')).toContain('data-context');
    warn.mockRestore();
  });

  it("push(['context', …]) before and after load reaches the rules' context; null removes a value", async () => {
    const curio = createCurio({ catalog, storeName: 'embed-context', consent: 'denied' });
    const queue = takeOverQueue(curio, [['context', { weather: 'rain', stock: 3 }]]);
    expect((await curio.explainRules()).context.values).toEqual({ weather: 'rain', stock: 3 });
    queue.push(['context', { weather: null, promo: true }]);
    expect((await curio.explainRules()).context.values).toEqual({ stock: 3, promo: true });
  });

  it('data-id lists the preferred id kinds; unknown words are reported and left out', () => {
    expect(readConfig(script({ 'data-catalog': '/c.json' })).idPreference).toEqual([]);
    expect(readConfig(script({ 'data-catalog': '/c.json', 'data-id': 'item_id sku' })).idPreference).toEqual(['item_id', 'sku']);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readConfig(script({ 'data-catalog': '/c.json', 'data-id': 'ean, gtin' })).idPreference).toEqual(['gtin']);
    expect(warn.mock.calls.flat().join(' ')).toContain('data-id names ean');
    warn.mockRestore();
  });
});
