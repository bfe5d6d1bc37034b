import { afterEach, describe, expect, it } from 'vitest';
import { mountPicks } from '../src/index.js';
import { testCurio, until } from './fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((unmount) => unmount());
  document.body.innerHTML = '';
});

function host(): HTMLDivElement {
  const element = document.createElement('div');
  document.body.append(element);
  return element;
}

const cards = (element: Element) => [...element.shadowRoot!.querySelectorAll('li.card:not(.skeleton)')];

describe('mountPicks', () => {
  it('reserves the space with skeletons, then shows picks with price, link and reason', async () => {
    const curio = await testCurio();
    const element = host();
    cleanups.push(mountPicks(element, curio, { placement: 'product', item: 'p0', limit: 4 }));
    expect(element.shadowRoot!.querySelectorAll('li.skeleton')).toHaveLength(4);
    await until(() => cards(element).length === 4);
    expect(element.shadowRoot!.querySelectorAll('li.skeleton')).toHaveLength(0);
    const card = cards(element)[0]!;
    expect(card.querySelector('a')!.getAttribute('href')).toMatch(/^\/product\/p\d+$/);
    expect(card.querySelector('.price')!.textContent).toMatch(/€/);
    expect(card.querySelector('.reason')!.textContent!.length).toBeGreaterThan(0);
    const image = card.querySelector('img')!;
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(image.getAttribute('width')).toBe('300');
    expect(cards(element).map((c) => c.querySelector('a')!.textContent)).not.toContain('Product 0');
  });

  it('renders shop text as text and drops unsafe URLs', async () => {
    const curio = await testCurio();
    const element = host();
    cleanups.push(mountPicks(element, curio, { placement: 'home', limit: 12 }));
    await until(() => cards(element).length > 5);
    const root = element.shadowRoot!;
    const titles = [...root.querySelectorAll('a.title')];
    const tricky = titles.find((a) => a.textContent!.includes('onerror'));
    expect(tricky?.querySelector('img')).toBeNull();
    expect(root.querySelector('img[src="x"]')).toBeNull();
    expect(root.innerHTML).not.toContain('javascript:');
  });

  it('tracks clicks, opens "Why this?" with Escape to close, and dismisses a pick', async () => {
    const curio = await testCurio();
    const element = host();
    cleanups.push(mountPicks(element, curio, { placement: 'product', item: 'p0', limit: 3 }));
    await until(() => cards(element).length === 3);
    const card = cards(element)[0]!;
    const item = card.querySelector('a')!.getAttribute('href')!.split('/').pop()!;
    card.querySelector('a')!.addEventListener('click', (event) => event.preventDefault());
    card.querySelector('a')!.click();

    const why = card.querySelector<HTMLButtonElement>('[part="why-button"]')!;
    const panel = card.querySelector<HTMLElement>('.why')!;
    expect(why.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    // A closed panel is an empty element: its content is built when it opens.
    expect(panel.childElementCount).toBe(0);
    why.click();
    await until(() => why.getAttribute('aria-expanded') === 'true');
    expect(panel.hidden).toBe(false);
    expect(panel.querySelectorAll('li').length).toBeGreaterThan(0);
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => why.getAttribute('aria-expanded') === 'false');
    expect(element.shadowRoot!.activeElement).toBe(why);
    expect(panel.childElementCount).toBe(0);

    why.click();
    await until(() => !panel.hidden);
    panel.querySelector<HTMLButtonElement>('[part="dismiss"]')!.click();
    await until(() => !cards(element).some((c) => c.querySelector('a')!.getAttribute('href')!.endsWith(`/${item}`)));
    expect(element.shadowRoot!.querySelector('[aria-live]')!.textContent).toMatch(/Removed/);
    const counts = (await curio.profile()).eventCounts;
    expect(counts.pick_click).toBe(1);
    expect(counts.pick_dismiss).toBe(1);
  });

  it('uses the locale for UI strings and prices', async () => {
    const curio = await testCurio('de');
    const element = host();
    cleanups.push(mountPicks(element, curio, { placement: 'home', limit: 2, layout: 'carousel', title: 'Für dich' }));
    await until(() => cards(element).length === 2);
    const root = element.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).toBe('Für dich');
    expect(root.querySelector('[part="why-button"]')!.textContent).toBe('Warum?');
    expect(root.querySelector('ul.carousel')).not.toBeNull();
    expect(root.querySelector('.price')!.textContent).toMatch(/\d,\d\d\s€/);
  });

  it('unmounts cleanly', async () => {
    const curio = await testCurio();
    const element = host();
    const unmount = mountPicks(element, curio, { placement: 'home' });
    await until(() => cards(element).length > 0);
    unmount();
    expect(element.shadowRoot!.querySelector('li')).toBeNull();
  });
});
