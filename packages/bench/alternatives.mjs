// The alternatives' browser SDKs (devDependencies of this package only), bundled and minified with
// the same rollup + terser settings as Curio's entry points (size.mjs), in the same run.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { fileURLToPath } from 'node:url';

/**
 * What a shop page would import from each alternative to show recommendations or personalize,
 * as an ES module (everything the package exports, so nothing is shaken away unfairly).
 */
export const ALTERNATIVES = [
  { name: 'PostHog (posthog-js)', entry: "export { default } from 'posthog-js';" },
  { name: 'GrowthBook (@growthbook/growthbook)', entry: "export * from '@growthbook/growthbook';" },
  { name: 'Algolia Recommend (@algolia/recommend-js + @algolia/recommend)', entry: "export * from '@algolia/recommend-js'; export * from '@algolia/recommend';" },
  { name: 'Recombee (recombee-js-api-client)', entry: "export * from 'recombee-js-api-client';" },
  { name: 'Nosto (@nosto/nosto-js, loader only)', entry: "export * from '@nosto/nosto-js';" },
];

const here = fileURLToPath(new URL('./', import.meta.url));

/** Bundles one alternative's entry with its dependencies and minifies it like size.mjs does. */
export async function minifiedAlternative({ entry }) {
  const virtual = {
    name: 'entry',
    resolveId: (id) => (id === 'entry' ? id : null),
    load: (id) => (id === 'entry' ? entry : null),
  };
  const bundle = await rollup({
    input: 'entry',
    plugins: [virtual, nodeResolve({ browser: true, rootDir: here }), terser({ compress: { passes: 2 } })],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  return Buffer.from(output.filter((o) => o.type === 'chunk').map((c) => c.code).join(''));
}
