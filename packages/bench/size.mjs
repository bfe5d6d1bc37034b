// Size budgets per file, checked by `pnpm test`: what a page loads up front per entry point (the
// entry chunk and its static imports), minified with terser and compressed (gzip level 9; brotli
// reported alongside). The chunks behind dynamic `import()` are listed below their entry point with
// when a page loads them: several load before the first picks (rules, compact catalogs, French or
// German texts), so what counts is the page view, measured in Chromium by the end-to-end budgets
// (examples/shop/test/page-view.test.mjs, docs/performance.md), not these files alone. Run after `pnpm build`.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { TERSER_OPTIONS } from '../../rollup.config.mjs';
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Entry points (min+gzip bytes): `budget` is what CI enforces today — the measured size plus a
 * little room, so any growth fails the build; `target`, where a file has one of its own, is the
 * goal in docs/performance.md (`@curio/core` as an SPA bundles it). The script tag has no file
 * target: what counts is what a page view downloads before its first picks (docs/performance.md).
 */
export const ENTRIES = [
  { name: '@curio/core', file: 'packages/core/dist/index.js', external: [], target: 11 * 1024, budget: 19.2 * 1024 },
  { name: '@curio/widget (incl. Preact)', file: 'packages/widget/dist/index.js', external: ['@curio/core'], target: 9 * 1024, budget: 8.7 * 1024 },
  // The adapter alone: React and the Curio packages it binds are the app's own dependencies.
  { name: '@curio/react (adapter only)', file: 'packages/react/dist/index.js', external: ['react', 'react/jsx-runtime', '@curio/core', '@curio/widget'], target: 1.5 * 1024, budget: 1.1 * 1024 },
  { name: 'curio.js (script tag, everything)', file: 'packages/embed/dist/curio.js', prebuilt: Object.keys(loadedWhen()), budget: 30.5 * 1024, everything: { budget: 58.3 * 1024, target: 40 * 1024 } },
  // Pages without picks load it instead of curio.js (10.1 KB brotli; the page-view target is 5 KB,
  // docs/performance.md). Its own files: the consent adapters (and curio.js, if the page hands over).
  { name: 'curio.recorder.js (pages without picks)', file: 'packages/embed/dist/curio.recorder.js', prebuilt: Object.keys(loadedWhen()).filter((name) => /^curio\.(tcf|gcm|onetrust|cookiebot|usercentrics|shopify)\.js$/.test(name)), budget: 11.2 * 1024 },
];

/** When a page loads each of curio.js's own files (the prebuilt chunks next to it). */
function loadedWhen() {
  return {
    'curio.fr.js': 'before first picks, French pages',
    'curio.de.js': 'before first picks, German pages',
    'curio.merchant.js': 'before first picks, shops with rules or collections',
    'curio.compact.js': 'before first picks, compact catalogs',
    'curio.shards.js': 'before product-page picks, sharded catalogs',
    'curio.quiz.js': 'with the quiz widget',
    'curio.collections.js': 'with the collections widget',
    'curio.center.js': 'on first use: preference center, export, forget',
    'curio.preferences.js': 'on first use: preference center',
    'curio.measurement.js': 'before first picks, shops measuring (holdout, GA4 events, report)',
    'curio.tcf.js': 'at start-up, shops whose consent comes from an IAB TCF CMP',
    'curio.gcm.js': 'at start-up, shops whose consent comes from Google Consent Mode',
    'curio.onetrust.js': 'at start-up, shops using OneTrust',
    'curio.cookiebot.js': 'at start-up, shops using Cookiebot',
    'curio.usercentrics.js': 'at start-up, shops using Usercentrics',
    'curio.shopify.js': "at start-up, shops using Shopify's Customer Privacy API",
  };
}

/**
 * Minified code of an entry point, bundled with its dependencies: what a page loads up front (the
 * entry chunk and the chunks it imports statically) and, separately, the lazy chunks behind its
 * dynamic `import()`s, which load only when a feature needs them.
 */
export async function minified(entry) {
  // A prebuilt script: its own lazy files (French, German texts) sit next to it.
  const dir = entry.file.slice(0, entry.file.lastIndexOf('/') + 1);
  if (entry.prebuilt) return { code: readFileSync(root + entry.file), lazy: entry.prebuilt.map((name) => ({ name, code: readFileSync(root + dir + name), when: loadedWhen()[name] })) };
  const bundle = await rollup({ input: root + entry.file, external: entry.external, plugins: [nodeResolve({ browser: true }), terser(TERSER_OPTIONS)], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es' });
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name) || !chunks.has(name)) return;
    initial.add(name);
    for (const i of chunks.get(name).imports) visit(i);
  };
  visit([...chunks.values()].find((c) => c.isEntry).fileName);
  const code = (names) => Buffer.from(names.map((n) => chunks.get(n).code).join(''));
  const lazy = [...chunks.keys()].filter((n) => !initial.has(n)).map((n) => ({ name: [...chunks.get(n).moduleIds].map((id) => id.slice(id.lastIndexOf('/') + 1).replace(/-[\w-]{8}\.js$/, '.js')).join(' + '), code: code([n]) }));
  return { code: code([...initial]), lazy };
}

/** Min, gzip and brotli sizes of some code. */
export const sizes = (code) => ({ min: code.length, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code).length });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  for (const entry of ENTRIES) {
    const { code, lazy } = await minified(entry);
    const s = sizes(code);
    const ok = s.gzip <= entry.budget;
    failed ||= !ok;
    const kb = (n) => (n / 1024).toFixed(2).padStart(6);
    console.log(`${ok ? 'ok  ' : 'OVER'} ${entry.name.padEnd(36)} ${kb(s.min)} KB min ${kb(s.gzip)} KB gzip ${kb(s.brotli)} KB brotli | budget ${kb(entry.budget)}${entry.target ? ` | target ${kb(entry.target)}${s.gzip > entry.target ? ' (not yet met)' : ''}` : ''}`);
    // The chunks are budgeted per page view (end-to-end tests); listed so that their growth stays visible.
    let everything = s.gzip;
    for (const chunk of lazy) {
      const l = sizes(chunk.code);
      everything += l.gzip;
      console.log(`       chunk: ${chunk.name.slice(0, 60).padEnd(60)} ${kb(l.min)} KB min ${kb(l.gzip)} KB gzip${chunk.when ? ` (${chunk.when})` : ''}`);
    }
    // Everything a shop may ever load from the script tag: curio.js and all its chunks.
    if (entry.everything) {
      const ok = everything <= entry.everything.budget;
      failed ||= !ok;
      console.log(`${ok ? 'ok  ' : 'OVER'} ${'  all of its files together'.padEnd(36)} ${' '.repeat(14)}${kb(everything)} KB gzip | budget ${kb(entry.everything.budget)} | target ${kb(entry.everything.target)}${everything > entry.everything.target ? ' (not yet met)' : ''}`);
    }
  }
  if (failed) {
    console.error('Size budget exceeded.');
    process.exit(1);
  }
}
