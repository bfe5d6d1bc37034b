// One build for every package: ESM + .d.ts for the libraries, an IIFE for the script tag,
// Node ESM for the CLIs. Run from the repository root: `pnpm build`.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const pkg = (dir) => JSON.parse(readFileSync(new URL(`./packages/${dir}/package.json`, import.meta.url)));
const node = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/** Dependencies stay imports in library builds (the app's bundler resolves them once). */
const externalOf = (dir) => {
  const deps = Object.keys(pkg(dir).dependencies ?? {});
  return (id) => node.includes(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));
};
// rootDir/outDir/declarationDir come from each package's tsconfig (the plugin needs rootDir set).
const ts = (dir, declarations = true) =>
  typescript({
    tsconfig: `packages/${dir}/tsconfig.json`,
    declaration: declarations,
    ...(declarations ? {} : { declarationDir: undefined }),
    noEmitOnError: true,
  });

/** A library package: ESM entry points + declarations. */
const library = (dir, inputs) => ({
  input: Object.fromEntries(inputs.map((name) => [name, `packages/${dir}/src/${name}.ts`])),
  output: { dir: `packages/${dir}/dist`, format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  external: externalOf(dir),
  plugins: [ts(dir)],
});

/** A Node command-line tool: one ESM file with a shebang. */
const cli = (dir) => ({
  input: { cli: `packages/${dir}/src/cli.ts`, index: `packages/${dir}/src/index.ts` },
  output: { dir: `packages/${dir}/dist`, format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  external: externalOf(dir),
  plugins: [ts(dir)],
});

export default [
  library('core', ['index', 'internal']),
  library('widget', ['index']),
  cli('catalog-cli'),
  cli('eval'),
  {
    // The script-tag build: everything in one minified IIFE, `curio.js`.
    input: 'packages/embed/src/index.ts',
    // One file cannot hold lazy chunks: the core's dynamic imports are inlined.
    output: { file: 'packages/embed/dist/curio.js', format: 'iife', name: 'CurioEmbed', inlineDynamicImports: true },
    plugins: [nodeResolve({ browser: true }), ts('embed', false), terser({ compress: { passes: 2 }, mangle: true })],
  },
];
