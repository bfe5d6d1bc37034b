// The alternatives' browser SDKs (devDependencies of this package only), bundled and minified with
// the same rollup + terser settings as Curio's entry points (size.mjs), in the same run.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { TERSER_OPTIONS } from '../../rollup.config.mjs';
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
  // The entry lives (virtually) in this folder, so the packages resolve from its node_modules.
  const id = `${here}alternative-entry.mjs`;
  const virtual = { name: 'entry', resolveId: (source) => (source === id ? id : null), load: (source) => (source === id ? entry : null) };
  const bundle = await rollup({
    input: id,
    plugins: [virtual, nodeResolve({ browser: true }), terser(TERSER_OPTIONS)],
    onwarn: (warning) => {
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`${warning.message}: run pnpm install`);
    },
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  return Buffer.from(output.filter((o) => o.type === 'chunk').map((c) => c.code).join(''));
}
