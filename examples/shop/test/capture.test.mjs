// Capture on real-shaped platform pages, driven by the case table (capture-cases.mjs): each case
// loads a fixture page modelled on a platform's markup and events (examples/shop/platforms/) with
// the built curio.js, runs its steps in Chromium and compares the events Curio recorded.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CASES } from './capture-cases.mjs';
import { launch, until } from './helpers.mjs';

const url = inject('shopUrl');
const fixture = (name) => readFileSync(new URL(`../platforms/${name}`, import.meta.url), 'utf8');

/** The fixture page, with the curio.js tag's data-* attributes replaced when the case gives its own. */
function pageFor(testCase) {
  const html = fixture(testCase.page.split('?')[0]);
  if (!testCase.attributes) return html;
  const attributes = Object.entries(testCase.attributes).map(([name, value]) => `${name}="${value}"`).join(' ');
  return html.replace(/<script async src="\/curio\.js"[^>]*>/, `<script async src="/curio.js" ${attributes}>`);
}

/** Runs one step in the page. */
function runStep(step) {
  if (step.push) window.dataLayer.push(step.push);
  if (step.gtag) window.gtag(...step.gtag);
  if (step.replaceState) history.replaceState({}, '', step.replaceState);
  if (step.pushState) history.pushState({}, '', step.pushState);
  if (step.hide) document.querySelector(step.hide).hidden = true;
  if (step.html !== undefined) document.querySelector(step.into).innerHTML = step.html;
  if (step.resetDataLayer) window.dataLayer = [];
  return step.wait ? new Promise((resolve) => setTimeout(resolve, step.wait)) : undefined;
}

/** The events Curio recorded in the page, as the case table writes them. */
const recorded = (page) =>
  page.evaluate(async () =>
    (await window.curio.instance.exportData()).events.map(({ type, item, items, query }) => (type === 'purchase' ? { type, items } : type === 'search' ? { type, query } : { type, item })),
  );

describe('capture on platform pages (case table)', () => {
  let browser;
  const passed = {};
  beforeAll(async () => {
    browser = await launch();
    await browser.context.route(`${url}platforms/**`, (route) => {
      const name = new URL(route.request().url()).pathname.replace('/platforms/', '');
      const testCase = CASES.find((c) => c.page.split('?')[0] === name);
      const type = name.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8';
      // Platform pages have inline scripts (their dataLayer and gtag): served without the demo shop's CSP.
      route.fulfill({ status: 200, headers: { 'content-type': type }, body: testCase && route.request().resourceType() === 'document' ? pageFor(browser.current ?? testCase) : fixture(name) });
    });
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`capture cases passed per platform: ${JSON.stringify(passed)}`);
  });

  for (const testCase of CASES) {
    it(`${testCase.platform}: ${testCase.name} — ${testCase.shape}`, async () => {
      const { context, errors } = browser;
      browser.current = testCase;
      const page = await context.newPage();
      const warnings = [];
      page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
      await page.goto(`${url}platforms/${testCase.page}`);
      await page.waitForFunction(() => window.curio && !Array.isArray(window.curio) && window.curio.instance);
      await page.evaluate(() => window.curio.instance.ready);
      for (const step of testCase.steps ?? []) await page.evaluate(runStep, step);
      await until(() => recorded(page), (events) => events.length >= testCase.expect.length, { what: `the events of ${testCase.name}` });
      await page.waitForTimeout(400); // a duplicate would arrive by now
      expect(await recorded(page)).toEqual(testCase.expect);
      // Unknown ids are checked when Curio writes its batch (about a second later) or builds a profile.
      if (testCase.warns) await until(async () => warnings, (list) => list.some((text) => text.includes(testCase.warns)), { what: `a warning naming ${testCase.warns}`, timeout: 5000 });
      expect(errors).toEqual([]);
      await page.close();
      passed[testCase.platform] = (passed[testCase.platform] ?? 0) + 1;
    });
  }
});
