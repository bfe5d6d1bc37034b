/**
 * schema.org microdata → the products a page shows. Magento 2's Luma theme marks the product page
 * this way (no JSON-LD): `<body itemscope itemtype="http://schema.org/Product">`, the name in
 * `itemprop="name"` and the SKU in `<div class="value" itemprop="sku">` (Magento_Catalog's
 * catalog_product_view.xml and product/view/attribute.phtml).
 */
import { schemaOrgSighting, type Sighting } from './product-ids.js';

const PRODUCT = /schema\.org\/(Product|ProductGroup|ProductModel|IndividualProduct)$/i;
const isProduct = (element: Element | null): boolean => !!element && PRODUCT.test((element.getAttribute('itemtype') ?? '').trim().split(/\s+/)[0]!);

/** A microdata property's value: `content`, a link's `href`, else the text. */
const valueOf = (element: Element): string => element.getAttribute('content') ?? element.getAttribute('href') ?? element.textContent ?? '';

/** The item `element` belongs to (its nearest `itemscope` ancestor, itself excluded). */
const ownerOf = (element: Element): Element | null => element.parentElement?.closest('[itemscope]') ?? null;

/** Top-level microdata Products (not nested in another product, e.g. related items inside a product). */
export function microdataSightings(document: Document): Sighting[] {
  const found: Sighting[] = [];
  for (const item of document.querySelectorAll('[itemscope][itemtype]')) {
    if (!isProduct(item)) continue;
    let outer = ownerOf(item);
    while (outer && !isProduct(outer)) outer = ownerOf(outer);
    if (outer) continue;
    const props = new Map<string, string>();
    for (const prop of item.querySelectorAll('[itemprop]')) {
      // Only the item's own properties: not those of an offer or a nested product.
      const owner = prop.hasAttribute('itemscope') ? ownerOf(prop) : prop.closest('[itemscope]');
      if (owner !== item) continue;
      for (const name of (prop.getAttribute('itemprop') ?? '').split(/\s+/)) if (!props.has(name)) props.set(name, valueOf(prop));
    }
    const sighting = schemaOrgSighting((name) => props.get(name), /ProductGroup$/i.test(item.getAttribute('itemtype') ?? ''));
    if (sighting.ids.length) found.push(sighting);
  }
  return found;
}
