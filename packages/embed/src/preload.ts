/**
 * `data-preload`: the lazy files that first picks wait for and that curio.js would otherwise
 * discover only once the catalog has arrived, requested at once so they download in parallel
 * with it. The catalog CLI prints the value that suits the catalog it wrote.
 */

/** What `data-preload` can name, and the file next to curio.js each one is. */
export const PRELOADS = {
  /** The shop's rules and collections (the catalog has `rules` or `collections`). */
  rules: 'curio.merchant.js',
  /** Neighbour rows in shards (a catalog with `neighborShards`). */
  shards: 'curio.shards.js',
  /** Compact-catalog decoding (`format: "compact"`). */
  compact: 'curio.compact.js',
} as const;

/** A name `data-preload` accepts. */
export type Preload = keyof typeof PRELOADS;

/**
 * Adds `<link rel="modulepreload">` for each file, resolved as curio.js resolves its lazy files
 * (next to its own `src`, see `curioScriptUrl` in rollup.config.mjs): the later `import()` of the
 * same URL takes the module already fetched, so nothing downloads twice.
 */
export function preloadFiles(preloads: Preload[], scriptSrc: string): void {
  for (const name of preloads) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(PRELOADS[name], scriptSrc || location.href).href;
    document.head.append(link);
  }
}
