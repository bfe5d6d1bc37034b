// Builds the SPA with rollup's JS API: src/app.tsx → dist/app.js (ESM, minified), plus the
// HTML, CSS, the demo shop's generated catalog and its placeholder images. Run `pnpm build` at the root first (the
// workspace packages are used from their dist/, as an app would use them from npm).
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeShopData } from '../shop/generate-catalog.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Writes the app into examples/spa/dist/; returns that directory. */
export async function buildSpa() {
  const out = here('./dist/');
  mkdirSync(out, { recursive: true });
  const bundle = await rollup({
    input: here('./src/app.tsx'),
    plugins: [
      nodeResolve({ browser: true }),
      typescript({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', jsxImportSource: 'preact', strict: true, skipLibCheck: true, lib: ['ES2022', 'DOM', 'DOM.Iterable'] },
        include: [here('./src/**/*')],
        noEmitOnError: true,
      }),
      terser(),
    ],
  });
  // Chunks: the core loads some of its parts on demand.
  await bundle.write({ dir: out, entryFileNames: 'app.js', chunkFileNames: '[name]-[hash].js', format: 'es' });
  if (!existsSync(here('../shop/public/catalog.json'))) writeShopData();
  copyFileSync(here('../shop/public/catalog.json'), `${out}/catalog.json`);
  // The catalog's images (`/img/<id>.svg`): coloured placeholders, as the demo shop draws them.
  mkdirSync(`${out}/img`, { recursive: true });
  for (const { id, image, categories } of JSON.parse(readFileSync(`${out}/catalog.json`, 'utf8')).products) {
    if (!image?.startsWith('/img/')) continue;
    const hue = [...id].reduce((sum, c) => sum + c.charCodeAt(0) * 37, 0) % 360;
    const label = String(categories.at(-1) ?? '').replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
    writeFileSync(
      `${out}${image}`,
      `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300"><rect width="300" height="300" fill="hsl(${hue} 45% 80%)"/><text x="150" y="160" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#222">${label}</text></svg>`,
    );
  }
  copyFileSync(here('./index.html'), `${out}/index.html`);
  copyFileSync(here('./app.css'), `${out}/app.css`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`built ${await buildSpa()}`);
