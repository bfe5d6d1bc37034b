import { afterEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../src/config.js';
import { PRELOADS, preloadFiles } from '../src/preload.js';

const script = (attributes: Record<string, string>) => {
  const element = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
};
const preloadLinks = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href);

afterEach(() => document.head.querySelectorAll('link').forEach((link) => link.remove()));

describe('data-preload', () => {
  it('names the lazy files to request at once; unknown words are reported, repeats kept once', () => {
    expect(readConfig(script({ 'data-catalog': '/c.json' })).preload).toEqual([]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readConfig(script({ 'data-catalog': '/c.json', 'data-preload': 'shards, rules everything rules' })).preload).toEqual(['shards', 'rules']);
    expect(warn.mock.calls.flat().join(' ')).toContain('data-preload names everything');
    warn.mockRestore();
  });

  it('adds one module preload per file, next to curio.js (the URL its lazy import() loads)', () => {
    preloadFiles(['rules', 'shards'], 'https://cdn.example/curio/v1/curio.js');
    expect(preloadLinks()).toEqual(['https://cdn.example/curio/v1/curio.merchant.js', 'https://cdn.example/curio/v1/curio.shards.js']);
  });

  it('an inlined curio.js (no src) resolves against the page, as its lazy files do', () => {
    preloadFiles(['compact'], '');
    expect(preloadLinks()).toEqual([new URL(PRELOADS.compact, location.href).href]);
  });
});
