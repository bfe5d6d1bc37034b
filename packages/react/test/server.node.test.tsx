// @vitest-environment node
/**
 * Importing and rendering on a server touches no browser API: every global a browser has is a
 * trap that throws here, and the rendered tree still comes out.
 */
import { expect, it } from 'vitest';

const BROWSER = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'customElements', 'HTMLElement', 'BroadcastChannel', 'MessageChannel', 'requestIdleCallback', 'matchMedia', 'history', 'addEventListener', 'fetch'];

it('imports @curio/core, @curio/widget and @curio/react and server-renders without touching a browser API', async () => {
  const touched: string[] = [];
  const saved = BROWSER.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const name of BROWSER)
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        throw new Error(`${name} touched on the server`);
      },
    });
  try {
    const [{ createElement }, { renderToString }] = await Promise.all([import('react'), import('react-dom/server')]);
    await import('@curio/core');
    await import('@curio/widget');
    const { CurioProvider, Picks } = await import('../src/index.js');
    const html = renderToString(createElement(CurioProvider, { options: { catalog: '/catalog.json' } }, createElement(Picks, { placement: 'home' })));
    expect(html).toBe('<div data-curio-picks="home"></div>');
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
  expect(touched).toEqual([]);
});
