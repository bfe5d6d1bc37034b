// No layout shift from the picks: the skeletons have the cards' exact size, so nothing moves when
// picks arrive (cold start and personalized, grid and carousel). Measured with the browser's own
// Layout Instability API, from navigation until the picks are shown.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, categoryOf, launch, readPicks, stored } from './helpers.mjs';

const url = inject('shopUrl');

// Runs before any page script: records every layout shift, and which of them moved anything
// inside a picks widget (its host or its shadow tree).
const observeShifts = () => {
  window.__shifts = [];
  const inPicks = (node) => {
    for (let n = node; n; n = n.parentNode ?? n.host) if (n.nodeType === 1 && n.hasAttribute('data-curio-picks')) return true;
    return false;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        sources: entry.sources.map((s) => ({ inPicks: inPicks(s.node), node: s.node ? s.node.nodeName + (s.node.className ? `.${s.node.className}` : '') : null })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

/** Shifts recorded so far, after two frames (entries are delivered after the frame that shifted). */
const shifts = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(window.__shifts), 50)))));

async function expectNoShift(page, path, selector, count) {
  await page.goto(url + path);
  await readPicks(page, selector, count);
  // Images of the cards load lazily: wait until those in view are in.
  await page.locator(`${selector} img`).first().evaluate((img) => img.decode().catch(() => undefined));
  const recorded = await shifts(page);
  expect(recorded.filter((s) => s.sources.some((source) => source.inPicks)), `shifts in the picks of ${path}`).toEqual([]);
  expect(recorded.reduce((sum, s) => sum + (s.hadRecentInput ? 0 : s.value), 0), `CLS of ${path}: ${JSON.stringify(recorded)}`).toBe(0);
}

describe('layout stability', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch();
    await browser.context.addInitScript(observeShifts);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('picks load without any layout shift, cold and personalized, grid and carousel', async () => {
    const { page, errors } = browser;
    await expectNoShift(page, '', '[data-curio-picks="home"]', 8);
    const boots = catalog.products.filter((p) => categoryOf(p.id) === 'Shoes > Boots').slice(0, 2);
    await expectNoShift(page, `p/${boots[0].id}.html`, '[data-curio-picks="product"]', 6);
    await stored(page, 'view_item', 1);
    await expectNoShift(page, `p/${boots[1].id}.html`, '[data-curio-picks="product"]', 6);
    await stored(page, 'view_item', 2);
    await expectNoShift(page, 'c/shoes-boots.html', '[data-curio-picks="category"]', 4);
    await expectNoShift(page, '', '[data-curio-picks="home"]', 8);
    expect(errors).toEqual([]);
  });
});
