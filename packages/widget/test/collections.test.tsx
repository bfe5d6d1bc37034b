import { afterEach, describe, expect, it } from 'vitest';
import { createCurio, type Collection } from '@curio/core';
import { mountCollections, mountPreferences, mountQuiz } from '../src/index.js';
import { testCatalog, until } from './fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((unmount) => unmount());
  document.body.innerHTML = '';
});

const collections: Collection[] = [
  { id: 'lamp-lovers', name: { en: 'Lamp lovers', fr: 'Amoureux des lampes' }, description: 'Warm light for long evenings', filter: { category: 'Lamps' }, image: '/img/lamps.jpg' },
  { id: 'sharp-shirts', name: 'Sharp shirts', items: ['p0', 'p1', 'p2'] },
];
let n = 0;
const curioWith = async () => {
  const curio = createCurio({ catalog: testCatalog(), locale: 'en', storeName: `widget-collections-${n++}`, collections });
  await curio.ready;
  return curio;
};
const mount = (fn: (element: Element) => () => void) => {
  const element = document.body.appendChild(document.createElement('div'));
  cleanups.push(fn(element));
  return element.shadowRoot!;
};

describe('collections', () => {
  it('shows nothing before a match, then the matched collection with the products that made it and its picks', async () => {
    const curio = await curioWith();
    const root = mount((e) => mountCollections(e, curio));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root.querySelector('[part=collection]')).toBeNull();
    curio.track({ type: 'view_item', item: 'p7' });
    curio.track({ type: 'view_item', item: 'p8' });
    await until(() => root.querySelector('[part=collection]'));
    const article = root.querySelector('[part=collection]')!;
    expect(article.querySelector('img')!.getAttribute('src')).toBe('/img/lamps.jpg');
    // The collection's picks live in a shadow root of their own, titled with its name, from the collection only.
    const picks = article.querySelector('[part=collection-picks]')!.shadowRoot!;
    await until(() => picks.querySelectorAll('[part=card]:not(.skeleton)').length > 0);
    expect(picks.querySelector('h2')!.textContent).toBe('Lamp lovers');
    expect(picks.querySelector('[part=subtitle]')!.textContent).toMatch(/^Warm light for long evenings · You looked at: Product [78], Product [78]$/);
    const titles = [...picks.querySelectorAll('[part=title]')].map((a) => a.textContent);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(['Product 6', 'Product 7', 'Product 8', 'Product 9', 'Product 10', 'Product 11']).toContain(title);
  });

  it('the preference center lists matched collections; hiding one removes it at once and lists it as hidden', async () => {
    const curio = await curioWith();
    curio.track({ type: 'view_item', item: 'p0' });
    curio.track({ type: 'view_item', item: 'p1' });
    const center = mount((e) => mountPreferences(e, curio));
    const view = mount((e) => mountCollections(e, curio));
    await until(() => center.textContent!.includes('Our edits for you') && view.querySelector('[part=collection]'));
    const hide = [...center.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Hide: Sharp shirts')!;
    hide.click();
    await until(() => center.textContent!.includes('Hidden: Sharp shirts'));
    await until(() => !view.querySelector('[part=collection]'));
    expect((await curio.collections()).map((c) => c.id)).toEqual([]);
    expect((await curio.profile()).preferences).toContainEqual({ kind: 'collection', value: 'sharp-shirts', like: false });
  });

  it('a shop without collections shows no collections section in the preference center', async () => {
    const curio = createCurio({ catalog: testCatalog(), locale: 'en', storeName: `widget-collections-${n++}` });
    const center = mount((e) => mountPreferences(e, curio));
    await until(() => center.textContent!.includes('Your interests'));
    expect(center.textContent).not.toContain('Our edits for you');
  });
});

describe('quiz configuration', () => {
  it('asks the configured questions in order, from a style attribute, in the shop’s own words', async () => {
    const curio = await curioWith();
    const root = mount((e) => mountQuiz(e, curio, { steps: ['style', 'size'], styleAttribute: 'colour', labels: { qStyle: 'Pick a colour', quiz: 'Find your fit' } }));
    await until(() => root.querySelector('legend'));
    expect(root.querySelector('h2')!.textContent).toBe('Find your fit');
    // One colour in the catalog: a question with fewer than two answers is left out, so size comes first.
    expect(root.querySelector('legend')!.textContent).toContain('Your size (1/1)');
  });

  it('a style question offers the attribute’s values and saves them as preferences the ranking uses', async () => {
    const curio = await curioWith();
    const root = mount((e) => mountQuiz(e, curio, { steps: ['style'], styleAttribute: 'size', labels: { qStyle: 'Pick a style' } }));
    await until(() => root.querySelector('legend'));
    expect(root.querySelector('legend')!.textContent).toContain('Pick a style');
    [...root.querySelectorAll('label')].find((l) => l.textContent === 'L')!.querySelector('input')!.click();
    await until(() => [...root.querySelectorAll('input')].some((i) => i.checked));
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await until(async () => (await curio.profile()).preferences.length === 1);
    const picks = await curio.recommend({ placement: 'home', limit: 2 });
    expect(picks[0]!.reasons[0]!.code).toBe('matches_preference');
    expect(picks[0]!.product.attributes!.size).toBe('L');
  });
});
