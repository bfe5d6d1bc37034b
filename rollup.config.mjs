// One build for every package: ESM + .d.ts for the libraries, an IIFE for the script tag,
// Node ESM for the CLIs. Run from the repository root: `pnpm build`.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { minify as minifyCss } from 'csso';

// The terser options of everything shipped (this file) and of the size measurements
// (packages/bench/size.mjs, alternatives.mjs): measured bytes are shipped bytes, and the
// alternatives are minified exactly like Curio. ES outputs also get `module: true` from
// @rollup/plugin-terser. Also measured on curio.js, and left out: ecma 2020, unsafe_arrows,
// unsafe_methods, pure_getters and unsafe (each under 0.2 % smaller gzipped, for an assumption
// about the code), passes 3 (0.6 % larger), hoist_funs (once 0.4 % smaller, now 62 B larger).
export const TERSER_OPTIONS = { compress: { passes: 2 }, mangle: true };

const pkg = (dir) => JSON.parse(readFileSync(new URL(`./packages/${dir}/package.json`, import.meta.url)));
const node = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/** Dependencies (and peer dependencies: React) stay imports in library builds (the app's bundler resolves them once). */
const externalOf = (dir) => {
  const deps = Object.keys({ ...pkg(dir).dependencies, ...pkg(dir).peerDependencies });
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
 * `banner` opens each output file (a directive such as `'use client'`, which rollup drops from sources).
 */
const library = (dir, inputs, banner) => ({
  input: Object.fromEntries(inputs.map((name) => [name, `packages/${dir}/src/${name}.ts`])),
  output: { dir: `packages/${dir}/dist`, format: 'es', entryFileNames: '[name].js', chunkFileNames: (c) => (c.isDynamicEntry ? '[name].js' : '[name]-[hash].js'), banner },
  external: externalOf(dir),
  plugins: [cssText, ts(dir)],
});

/**
 * `import css from './styles.css?raw'`: the stylesheet's text as a string, minified here, so the
 * source stays readable (vite reads the same import, unminified, in tests).
 */
const cssText = {
  name: 'css-text',
  resolveId: (source, importer) => (source.endsWith('.css?raw') && importer ? resolve(dirname(importer), source) : null),
  load(id) {
    if (!id.endsWith('.css?raw')) return null;
    const file = id.slice(0, -'?raw'.length);
    this.addWatchFile(file);
    return `export default ${JSON.stringify(minifyCss(readFileSync(file, 'utf8'), { restructure: false }).css)};`;
  },
};

/** A Node command-line tool: one ESM file with a shebang. */
const cli = (dir) => ({
  input: { cli: `packages/${dir}/src/cli.ts`, index: `packages/${dir}/src/index.ts` },
  output: { dir: `packages/${dir}/dist`, format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  external: externalOf(dir),
  plugins: [ts(dir)],
});

/** The languages other than English, each a lazy file: read from the core's one list (locales.ts). */
const LOCALES = [...readFileSync(new URL('./packages/core/src/locales.ts', import.meta.url), 'utf8').match(/LOCALES = \[([^\]]*)\]/)[1].matchAll(/'(\w+)'/g)]
  .map(([, lang]) => lang)
  .filter((lang) => lang != 'en');
const minify = (options = {}) => terser({ ...TERSER_OPTIONS, ...options });

/**
 * The core's lazy chunks that curio.js loads as files of their own, next to it, only when a page
 * needs them: rules and collections, the preference center's data, compact-catalog decoding and
 * neighbour shards, measurement, and the consent adapters. Each file is self-contained (the few helpers it shares with curio.js are
 * copied in), so a classic script needs no module loader.
 */
const LAZY_FILES = {
  runtime: 'merchant',
  center: 'center',
  compactCatalog: 'compact',
  shardRows: 'shards',
  // `measurement`: the holdout, GA4 events and private reports; the rest: one consent adapter per CMP.
  measurement: 'measurement',
  tcf: 'tcf',
  gcm: 'gcm',
  onetrust: 'onetrust',
  cookiebot: 'cookiebot',
  usercentrics: 'usercentrics',
  shopify: 'shopify',
};

/**
 * The widget's lazy views, also files of their own next to curio.js. Unlike {@link LAZY_FILES}
 * they share state with curio.js (Preact itself, whose hooks and components break with a second
 * copy; the loaded UI strings; the stylesheet), so they copy nothing: each file's default export
 * takes the modules it imports from curio.js, which hands them over when loading it (see
 * {@link viewFile}).
 */
const VIEW_FILES = { PreferenceCenter: 'preferences', Quiz: 'quiz', Collections: 'collections' };

const widgetDist = new URL('./packages/widget/dist/', import.meta.url).pathname;
const VIEW_IMPORTS = '\0curio-view-imports';
/** The view chunks whose `import()` in the widget's code was given the view imports (checked after the build). */
const wiredViews = new Set();
/** The id under which a view file asks curio.js for one of its imports (`preact`, `index-….js`). */
const importKey = (source) => `curio:${source.slice(source.lastIndexOf('/') + 1)}`;

/**
 * curio.js inlines nothing a page may not need: the core's and the widget's lazy `texts-fr.js` /
 * `texts-de.js` become one file per language next to curio.js (`curio.fr.js`), the chunks of
 * {@link LAZY_FILES} and {@link VIEW_FILES} one file each (`curio.merchant.js`), all loaded from
 * curio.js's own URL. A view file's factory gets `viewImports()`: what the views import from
 * Preact and the widget's shared chunk, read from the views' own import statements.
 */
const lazyFiles = {
  name: 'curio-lazy-files',
  resolveDynamicImport(specifier) {
    const name = typeof specifier == 'string' && /^\.\/([\w-]+)\.js$/.exec(specifier)?.[1];
    const file = name && (LAZY_FILES[name] ?? VIEW_FILES[name] ?? (LOCALES.includes(name.slice(6)) && name.startsWith('texts-') ? name.slice(6) : undefined));
    return file ? { id: `curio.${file}.js`, external: true } : null;
  },
  renderDynamicImport: ({ targetModuleId }) => (/^curio\.\w+\.js$/.test(targetModuleId ?? '') ? { left: 'import(new URL(', right: ', curioScriptUrl).href)' } : null),
  transform(code, id) {
    if (!id.startsWith(widgetDist)) return null;
    const wired = code.replace(/import\((['"])\.\/(\w+)\.js\1\)/g, (load, _, chunk) => {
      if (!VIEW_FILES[chunk]) return load;
      wiredViews.add(chunk);
      return `${load}.then((file) => file.default(viewImports()))`;
    });
    return wired == code ? null : `import { viewImports } from '${VIEW_IMPORTS}';\n${wired}`;
  },
  buildStart: () => wiredViews.clear(),
  // A view loaded without its imports would break the page: better no build.
  buildEnd() {
    const missing = Object.keys(VIEW_FILES).filter((chunk) => !wiredViews.has(chunk));
    if (missing.length) this.error(`curio.js: no import() of ${missing.join(', ')} found in the widget's chunks to hand the view imports to`);
  },
  resolveId(source, importer) {
    if (source == VIEW_IMPORTS) return source;
    // The views' imports resolve as they do from the widget's chunks.
    return importer == VIEW_IMPORTS ? this.resolve(source, `${widgetDist}index.js`, { skipSelf: true }) : null;
  },
  load(id) {
    if (id != VIEW_IMPORTS) return null;
    const imports = new Map();
    for (const chunk of Object.keys(VIEW_FILES)) {
      for (const node of this.parse(readFileSync(`${widgetDist}${chunk}.js`, 'utf8')).body) {
        if (node.type != 'ImportDeclaration') continue;
        const names = imports.get(node.source.value) ?? new Set();
        for (const s of node.specifiers) if (s.type == 'ImportSpecifier') names.add(s.imported.name);
        else this.error(`${chunk}.js: only named imports can be handed to a view file`);
        imports.set(node.source.value, names);
      }
    }
    let n = 0;
    const lines = [];
    const entries = [];
    for (const [source, names] of imports) {
      const locals = [...names].map((name) => [name, `i${n++}`]);
      lines.push(`import { ${locals.map(([name, local]) => `${name} as ${local}`).join(', ')} } from '${source}';`);
      entries.push(`'${importKey(source)}': { ${locals.map(([name, local]) => `${name}: ${local}`).join(', ')} }`);
    }
    return `${lines.join('\n')}\nexport function viewImports() { return { ${entries.join(', ')} }; }`;
  },
};

/**
 * The lazy files as curio.recorder.js loads them (the consent adapters): from its own URL, like
 * curio.js. It holds no widget code, so there are no views to hand imports to.
 */
const recorderLazyFiles = { name: 'curio-lazy-files-recorder', resolveDynamicImport: lazyFiles.resolveDynamicImport, renderDynamicImport: lazyFiles.renderDynamicImport };

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

/**
 * `curio.<name>.js`: one of the widget's lazy views (see {@link VIEW_FILES}), an ES module whose
 * default export takes the modules it imports (by {@link importKey}) and returns its exports.
 */
const viewFile = ([chunk, name]) => ({
  input: `packages/widget/dist/${chunk}.js`,
  output: {
    file: `packages/embed/dist/curio.${name}.js`,
    format: 'cjs',
    strict: false,
    esModule: false,
    banner: 'export default (imports) => { const exports = {}, require = (id) => imports[id];',
    footer: 'return exports; };',
  },
  plugins: [{ name: 'view-imports', resolveId: (source, importer) => (importer ? { id: importKey(source), external: true } : null) }, minify({ module: true })],
});

/**
 * Where curio.js's own files are: next to the `src` of the real `<script>` running it, read
 * through `Document.prototype`'s getter and checked to be a script, as in packages/embed/src/ownScript.ts
 * (`document.currentScript` itself can be clobbered by `<img name="currentScript" src="//evil/">`).
 * Without a script `src` (an inlined copy), the page's own URL.
 */
const SCRIPT_URL = `const curioScriptUrl = (() => {
  try {
    const script = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript').get.call(document);
    if (script instanceof HTMLScriptElement && script.src) return script.src;
  } catch {}
  return location.href;
})();`;

// `@curio/core/recorder`: recording only (curio.recorder.js, pages without picks), an entry of its own.
const core = library('core', ['index', 'internal', 'recorder']);
const widget = library('widget', ['index']);
// Hooks and components for React Server Components frameworks (Next.js): a client module.
const react = library('react', ['index'], "'use client';");

/** curio.js, curio.recorder.js and their files next to them (built from the core's and the widget's builds). */
const scriptTag = [
  {
    // The script-tag build: everything in one minified IIFE, `curio.js`.
    input: 'packages/embed/src/index.ts',
    // One file cannot hold lazy chunks: dynamic imports are inlined, except the lazy files above.
    // `curioScriptUrl` is read while the script first runs, the only time the current script is set.
    output: { file: 'packages/embed/dist/curio.js', format: 'iife', name: 'CurioEmbed', inlineDynamicImports: true, intro: SCRIPT_URL },
    // The widget's chunk and the view imports import each other; `viewImports()` runs only once a view loads.
    onwarn: (warning, warn) => (warning.code == 'CIRCULAR_DEPENDENCY' && warning.ids?.includes(VIEW_IMPORTS) ? undefined : warn(warning)),
    plugins: [lazyFiles, nodeResolve({ browser: true }), ts('embed', false), minify()],
  },
  {
    // The recorder-only script-tag build, `curio.recorder.js`, for pages without picks: no catalog,
    // ranking, widget or Preact. It loads the same consent-adapter files, and curio.js itself
    // when a page needs picks (packages/embed/src/recorder-page.ts).
    input: 'packages/embed/src/recorder.ts',
    output: { file: 'packages/embed/dist/curio.recorder.js', format: 'iife', name: 'CurioRecorder', inlineDynamicImports: true, intro: SCRIPT_URL },
    plugins: [recorderLazyFiles, nodeResolve({ browser: true }), ts('embed', false), minify()],
  },
  ...LOCALES.map(localeFile),
  ...Object.entries(LAZY_FILES).map(lazyFile),
  ...Object.entries(VIEW_FILES).map(viewFile),
];

/**
 * Parts of the build, chosen by the `CURIO_BUILD` environment variable, for the demo's first run
 * (examples/shop/demo.mjs): `catalog-cli` (the core and the catalog CLI: what generating the demo's
 * catalog needs), then `script-tag` (the widget and curio.js's files) while the catalog is
 * generated beside it. Unset: everything, in dependency order.
 */
const PARTS = { 'catalog-cli': [core, cli('catalog-cli')], 'script-tag': [widget, ...scriptTag] };
const part = process.env.CURIO_BUILD;
if (part && !PARTS[part]) throw new Error(`CURIO_BUILD=${part}: use one of ${Object.keys(PARTS).join(', ')}, or leave it unset for everything`);

export default part ? PARTS[part] : [core, widget, react, cli('catalog-cli'), cli('eval'), ...scriptTag];
