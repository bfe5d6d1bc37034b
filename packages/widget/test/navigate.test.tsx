/**
 * Pick links in single-page apps: real `href`s, `onNavigate` (mountPicks) and the cancelable
 * `curio-navigate` event (`<curio-picks>`) for client-side routing, `pick_click` recorded either way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Curio, Pick } from '@curio/core';
import { defineCurioElements, mountPicks, type NavigateDetail } from '../src/index.js';
import { testCurio, until } from './fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((unmount) => unmount());
  document.body.innerHTML = '';
});

const firstLink = async (element: Element) => {
  await until(() => element.shadowRoot?.querySelector('[part~="card"]:not([part~="skeleton"]) a[part="title"]'));
  return element.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="card"]:not([part~="skeleton"]) a[part="title"]')!;
};

/**
 * Clicks `link` as a user would and reports whether the browser's navigation was prevented (read
 * on the host once the widget's handler has run; the test then stops happy-dom from navigating).
 */
function click(link: HTMLAnchorElement, host: Element, init: MouseEventInit = {}): boolean {
  let prevented = false;
  const read = (event: Event) => {
    prevented = event.defaultPrevented;
    event.preventDefault();
  };
  host.addEventListener('click', read, { once: true });
  link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0, ...init }));
  return prevented;
}

const pickClicks = async (curio: Curio) => (await curio.profile()).eventCounts.pick_click ?? 0;

describe('pick links', () => {
  it('onNavigate routes a plain click (navigation prevented) and gets the catalog URL and the pick', async () => {
    const curio = await testCurio();
    const element = document.body.appendChild(document.createElement('div'));
    const routed: Array<[string, Pick, MouseEvent]> = [];
    cleanups.push(mountPicks(element, curio, { placement: 'product', item: 'p0', limit: 3, onNavigate: (url, pick, event) => void routed.push([url, pick, event]) }));
    const link = await firstLink(element);
    expect(link.getAttribute('href')).toMatch(/^\/product\/p\d+$/);
    expect(click(link, element)).toBe(true);
    expect(routed).toHaveLength(1);
    const [url, pick, event] = routed[0]!;
    expect(url).toBe(link.getAttribute('href'));
    expect(pick.product.url).toBe(url);
    expect(event.type).toBe('click');
    await until(async () => (await pickClicks(curio)) === 1);
  });

  it('modified and middle clicks stay the browser\'s (new tab), and are still recorded', async () => {
    const curio = await testCurio();
    const element = document.body.appendChild(document.createElement('div'));
    let routed = 0;
    cleanups.push(mountPicks(element, curio, { placement: 'home', limit: 2, onNavigate: () => void routed++ }));
    const link = await firstLink(element);
    expect(click(link, element, { ctrlKey: true })).toBe(false);
    expect(click(link, element, { metaKey: true })).toBe(false);
    expect(click(link, element, { shiftKey: true })).toBe(false);
    expect(click(link, element, { button: 1 })).toBe(false);
    expect(routed).toBe(0);
    await until(async () => (await pickClicks(curio)) === 4);
  });

  it('without onNavigate, or when it returns false, the link loads the page', async () => {
    const curio = await testCurio();
    const plain = document.body.appendChild(document.createElement('div'));
    const declined = document.body.appendChild(document.createElement('div'));
    let asked = 0;
    cleanups.push(mountPicks(plain, curio, { placement: 'home', limit: 2 }));
    cleanups.push(mountPicks(declined, curio, { placement: 'home', limit: 2, onNavigate: () => (asked++, false) }));
    expect(click(await firstLink(plain), plain)).toBe(false);
    expect(click(await firstLink(declined), declined)).toBe(false);
    expect(asked).toBe(1);
    await until(async () => (await pickClicks(curio)) === 2);
  });

  it('<curio-picks> dispatches a cancelable curio-navigate event: cancelled, the app routes; not, the link loads', async () => {
    const curio = await testCurio();
    defineCurioElements(curio);
    document.body.innerHTML = '<nav><curio-picks placement="product" item="p1" limit="2"></curio-picks></nav>';
    const element = document.querySelector('curio-picks')!;
    const link = await firstLink(element);
    const seen: NavigateDetail[] = [];
    let route = true;
    // Listened to on an ancestor: the event bubbles, as an app's delegated router expects.
    document.querySelector('nav')!.addEventListener('curio-navigate', (event) => {
      const { detail } = event as CustomEvent<NavigateDetail>;
      seen.push(detail);
      if (route) event.preventDefault();
    });
    expect(click(link, element)).toBe(true);
    route = false;
    expect(click(link, element)).toBe(false);
    expect(click(link, element, { altKey: true })).toBe(false);
    expect(seen).toHaveLength(2);
    expect(seen[0]!.url).toBe(link.getAttribute('href'));
    expect(seen[0]!.pick.product.url).toBe(seen[0]!.url);
    await until(async () => (await pickClicks(curio)) === 3);
  });
});
