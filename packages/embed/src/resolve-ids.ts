/**
 * Which catalog product a sighting means. A page often names one product with several ids (the
 * theme's SKU in JSON-LD, the analytics plugin's numeric post id, Shopify's
 * `shopify_US_<product>_<variant>` feed ids): the first id, in the order `data-id` prefers, that the
 * catalog knows as an id or alias wins. When none is known the preferred id is kept (Curio warns
 * once about it and it counts as soon as the catalog has it).
 */
import type { Curio } from '@curio/core';
import type { IdKind, Sighting } from './product-ids.js';

/** A sighting resolved: the id to track and the keys it is deduplicated under (product group, page group). */
export interface Resolved {
  item: string;
  keys: string[];
}

/** The sighting's ids, those of the `preferred` kinds first (in that order), the rest in source order. */
export function orderedIds(sighting: Sighting, preferred: readonly IdKind[]): string[] {
  const rank = (kind: IdKind) => (preferred.includes(kind) ? preferred.indexOf(kind) : preferred.length);
  return sighting.ids
    .map((entry, n) => [entry, n] as const)
    .sort(([[a], n], [[b], m]) => rank(a) - rank(b) || n - m)
    .map(([[, id]]) => id);
}

/**
 * Resolves a sighting against the loaded catalog (or, before it is loaded, when it failed, or on
 * a page with curio.recorder.js, which loads none, to the preferred id). Keys: the catalog product's group (its `group`, else its id) and the page's
 * own group id; an unknown product without a group is `?`, so a page whose sources all name
 * unknown ids still records one view.
 */
export function resolveSighting(curio: Pick<Curio, 'product'>, sighting: Sighting, preferred: readonly IdKind[]): Resolved {
  const ids = orderedIds(sighting, preferred);
  const keys = sighting.group ? [`g:${sighting.group}`] : [];
  for (const id of ids) {
    const product = curio.product(id) as (ReturnType<Curio['product']> & { group?: string }) | undefined;
    if (product) return { item: product.id, keys: [`p:${product.group ?? product.id}`, ...keys] };
  }
  return { item: ids[0]!, keys: keys.length ? keys : ['?'] };
}
