// Serving the demo shop with a different script tag, as a shop would configure it: the pages'
// HTML is rewritten on its way to Chromium (`data-*` attributes added to the curio.js tag, CMP
// scripts placed before it or loaded later), and the CMP stubs of packages/core/test/cmp-stubs
// are served from /cmp-stub/. The shop's files and its strict CSP are otherwise unchanged.
import { readFileSync } from 'node:fs';

const STUBS = new URL('../../../packages/core/test/cmp-stubs/', import.meta.url);

/**
 * Routes the context's shop pages: `attributes` are added to the curio.js script tag; `head`
 * names CMP stubs loaded before it; `late` = `{ stub, ms }` loads a stub that long after the page.
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ attributes?: Record<string, string>, head?: string[], late?: { stub: string, ms: number } }} variant
 */
export async function serveVariant(context, { attributes = {}, head = [], late } = {}) {
  await context.route(/\/cmp-stub\/[\w-]+\.js$/, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const body = name === 'late.js' && late
      ? `setTimeout(function () { var s = document.createElement('script'); s.src = '/cmp-stub/${late.stub}.js'; document.head.appendChild(s); }, ${late.ms});`
      : readFileSync(new URL(name, STUBS), 'utf8');
    return route.fulfill({ body, contentType: 'text/javascript; charset=utf-8' });
  });
  await context.route((url) => url.pathname.endsWith('.html') || url.pathname.endsWith('/'), async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const tags = [...head.map((stub) => `<script src="/cmp-stub/${stub}.js"></script>`), ...(late ? ['<script src="/cmp-stub/late.js"></script>'] : [])].join('');
    const extra = Object.entries(attributes).map(([name, value]) => ` ${name}="${value}"`).join('');
    const html = (await response.text()).replace('<script async src="/curio.js"', `${tags}<script async src="/curio.js"${extra}`);
    return route.fulfill({ response, body: html });
  });
}
