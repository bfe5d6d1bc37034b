/**
 * The `data-preload` words for curio.js's script tag that suit the catalog files just written: the
 * lazy files whose need the browser would otherwise discover only once catalog.json has arrived
 * (packages/embed/src/preload.ts). Printed after a build so the shop can paste them.
 */
import type { CatalogFile } from '@curio/core';

/**
 * `rules` when the catalog has rules or collections (every page), `shards` when neighbour rows are
 * in shards (product pages: they fetch their product's shard), `compact` for a compact catalog.
 * @param shards neighbour shards written (0: rows inline, or no rows)
 */
export function preloadHint(catalog: Pick<CatalogFile, 'rules' | 'collections'>, shards: number, compact: boolean): { everyPage: string[]; productPages: string[] } {
  const everyPage = [...(catalog.rules?.length || catalog.collections?.length ? ['rules'] : []), ...(compact ? ['compact'] : [])];
  return { everyPage, productPages: [...everyPage, ...(shards > 0 ? ['shards'] : [])] };
}

/** The line the build prints: what to add to the script tag, or nothing when the catalog needs no lazy file early. */
export function preloadNote(hint: ReturnType<typeof preloadHint>): string | undefined {
  if (!hint.productPages.length) return undefined;
  const attribute = (words: string[]) => (words.length ? `data-preload="${words.join(' ')}"` : 'no data-preload');
  return hint.everyPage.join() === hint.productPages.join()
    ? `script tag: add ${attribute(hint.everyPage)} to curio.js on every page (docs/script-tag.md)`
    : `script tag: add ${attribute(hint.productPages)} to curio.js on product pages, ${attribute(hint.everyPage)} on the others (docs/script-tag.md)`;
}
