// Builds the SPA with rollup's JS API: src/app.tsx → dist/app.js (ESM, minified), plus the
// HTML, CSS, the demo shop's generated catalog and its placeholder images. Run `pnpm build` at the root first, or
// `pnpm -r build`, which builds the packages before the examples (the workspace packages are used
// from their dist/, as an app would use them from npm).
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeCatalogFiles } from '../shop/catalog-files.mjs';

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
  writeCatalogFiles(out);
  copyFileSync(here('./index.html'), `${out}/index.html`);
  copyFileSync(here('./app.css'), `${out}/app.css`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`built ${await buildSpa()}`);
