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

/**
 * A library package: ESM entry points + declarations. Lazy chunks (behind a dynamic `import()`)
 * keep a stable name (texts-fr.js, runtime.js, …): curio.js's own lazy files are built from them.
 */
const library = (dir, inputs) => ({
  input: Object.fromEntries(inputs.map((name) => [name, `packages/${dir}/src/${name}.ts`])),
  output: { dir: `packages/${dir}/dist`, format: 'es', entryFileNames: '[name].js', chunkFileNames: (c) => (c.isDynamicEntry ? '[name].js' : '[name]-[hash].js') },
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

const LOCALES = ['fr', 'de'];
// hoist_funs: function declarations first in their scope, which gzip compresses ~1 % better.
const minify = () => terser({ compress: { passes: 2, hoist_funs: true }, mangle: true });

/**
 * The core's lazy chunks that curio.js loads as files of their own, next to it, only when a page
 * needs them: rules and collections, the preference center's data, compact-catalog decoding and
 * neighbour shards. Each file is self-contained (the few helpers it shares with curio.js are
 * copied in), so a classic script needs no module loader.
 */
const LAZY_FILES = { runtime: 'merchant', center: 'center', compactCatalog: 'compact', shardRows: 'shards' };

/**
 * curio.js inlines nothing a page may not need: the core's and the widget's lazy `texts-fr.js` /
 * `texts-de.js` become one file per language next to curio.js (`curio.fr.js`), the chunks of
 * {@link LAZY_FILES} one file each (`curio.merchant.js`), all loaded from curio.js's own URL.
 */
const localeFiles = {
  name: 'curio-lazy-files',
  resolveDynamicImport(specifier) {
    const name = typeof specifier == 'string' && /^\.\/([\w-]+)\.js$/.exec(specifier)?.[1];
    const file = name && (LAZY_FILES[name] ?? (LOCALES.includes(name.slice(6)) && name.startsWith('texts-') ? name.slice(6) : undefined));
    return file ? { id: `curio.${file}.js`, external: true } : null;
  },
  renderDynamicImport: ({ targetModuleId }) => (/^curio\.\w+\.js$/.test(targetModuleId ?? '') ? { left: 'import(new URL(', right: ', curioScriptUrl).href)' } : null),
};

/** `curio.<lang>.js`: the core's reason texts and the widget's UI strings in one language (an ES module). */
const localeFile = (lang) => {
  const dist = (dir) => new URL(`./packages/${dir}/dist/texts-${lang}.js`, import.meta.url).pathname;
  const input = `curio.${lang}`;
  return {
    input,
    output: { file: `packages/embed/dist/curio.${lang}.js`, format: 'es' },
    plugins: [
      { name: 'locale-file', resolveId: (id) => (id === input ? id : null), load: (id) => (id === input ? `export { reasons } from '${dist('core')}';\nexport { ui } from '${dist('widget')}';` : null) },
      minify(),
    ],
  };
};

/** `curio.<name>.js`: one of the core's lazy chunks as a self-contained ES module (see {@link LAZY_FILES}). */
const lazyFile = ([chunk, name]) => ({
  input: `packages/core/dist/${chunk}.js`,
  output: { file: `packages/embed/dist/curio.${name}.js`, format: 'es' },
  plugins: [nodeResolve({ browser: true }), minify()],
});

export default [
  library('core', ['index', 'internal']),
  library('widget', ['index']),
  cli('catalog-cli'),
  cli('eval'),
  {
    // The script-tag build: everything in one minified IIFE, `curio.js`.
    input: 'packages/embed/src/index.ts',
    // One file cannot hold lazy chunks: dynamic imports are inlined, except the lazy files above.
    // `curioScriptUrl` is read while the script first runs, the only time `document.currentScript` is set.
    output: { file: 'packages/embed/dist/curio.js', format: 'iife', name: 'CurioEmbed', inlineDynamicImports: true, intro: 'const curioScriptUrl = document.currentScript?.src || location.href;' },
    plugins: [localeFiles, nodeResolve({ browser: true }), ts('embed', false), minify()],
  },
  ...LOCALES.map(localeFile),
  ...Object.entries(LAZY_FILES).map(lazyFile),
];
