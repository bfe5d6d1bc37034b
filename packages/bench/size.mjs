// Size budgets, checked by `pnpm test`: everything a page loads per entry point, minified with
// terser and compressed (gzip level 9; brotli reported alongside). Run after `pnpm build`.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Entry points with their budgets in bytes (min+gzip). */
export const ENTRIES = [
  { name: '@curio/core (incl. idb-keyval)', file: 'packages/core/dist/index.js', external: [], budget: 7 * 1024 },
  { name: '@curio/widget (incl. Preact)', file: 'packages/widget/dist/index.js', external: ['@curio/core'], budget: 9 * 1024 },
  { name: 'curio.js (script tag, everything)', file: 'packages/embed/dist/curio.js', prebuilt: true, budget: 15 * 1024 },
];

/** Minified code of an entry point, bundled with its dependencies. */
export async function minified(entry) {
  if (entry.prebuilt) return readFileSync(root + entry.file);
  const bundle = await rollup({ input: root + entry.file, external: entry.external, plugins: [nodeResolve({ browser: true }), terser({ compress: { passes: 2 } })], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es' });
  return Buffer.from(output.map((o) => (o.type === 'chunk' ? o.code : '')).join(''));
}

/** Min, gzip and brotli sizes of some code. */
export const sizes = (code) => ({ min: code.length, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code).length });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  for (const entry of ENTRIES) {
    const s = sizes(await minified(entry));
    const ok = s.gzip <= entry.budget;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${entry.name.padEnd(36)} ${(s.min / 1024).toFixed(1).padStart(6)} KB min  ${(s.gzip / 1024).toFixed(2).padStart(6)} KB gzip  ${(s.brotli / 1024).toFixed(2).padStart(6)} KB brotli   budget ${(entry.budget / 1024).toFixed(0)} KB`);
  }
  if (failed) {
    console.error('Size budget exceeded.');
    process.exit(1);
  }
}
