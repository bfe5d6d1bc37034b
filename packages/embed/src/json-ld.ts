/**
 * schema.org JSON-LD on the page → the products it shows: `Product`, `ProductGroup` with
 * `hasVariant` (Shopify's `structured_data` since Dawn 15, Google's variant examples), variants
 * with `isVariantOf` / `inProductGroupWithID`, `@graph`, arrays and several blocks.
 * Shapes: https://shopify.dev/docs/api/liquid/filters/structured_data,
 * https://developers.google.com/search/docs/appearance/structured-data/product-variants.
 */
import { schemaOrgSighting, type Sighting } from './product-ids.js';

type Node = Record<string, unknown>;

const isType = (node: Node, type: string): boolean => {
  const t = node['@type'];
  const is = (v: unknown) => typeof v == 'string' && (v === type || v.endsWith(`/${type}`));
  return Array.isArray(t) ? t.some(is) : is(t);
};

/** The variant a ProductGroup page shows: the one whose URL's query the page's URL has (`?variant=…`, `?color=…`). */
function selectedVariant(variants: Node[], page: URL): Node | undefined {
  if (!page.search) return undefined;
  return variants.find((variant) => {
    const offers = variant.offers;
    const offer = (Array.isArray(offers) ? offers[0] : offers) as Node | undefined;
    for (const url of [variant.url, offer?.url, variant['@id']]) {
      if (typeof url != 'string' || !url.includes('?')) continue;
      const params = new URL(url, page).searchParams;
      if ([...params].length && [...params].every(([name, value]) => page.searchParams.get(name) === value)) return true;
    }
    return false;
  });
}

/**
 * The products a ProductGroup shows: its selected variant if the URL names one, else the group
 * itself and then its first variant (the one a platform shows by default), as fallback ids.
 */
function groupSighting(group: Node, page: URL): Sighting {
  const own = schemaOrgSighting((name) => group[name], true);
  const variants = (Array.isArray(group.hasVariant) ? group.hasVariant : group.hasVariant ? [group.hasVariant] : []).filter((v): v is Node => !!v && typeof v == 'object');
  const chosen = selectedVariant(variants, page);
  const variant = chosen ?? variants[0];
  const ids = variant ? schemaOrgSighting((name) => variant[name], false).ids.filter(([kind]) => kind != 'group') : [];
  // With a variant in the URL, its ids come first; otherwise the group's own ids do.
  const merged = chosen ? [...ids, ...own.ids] : [...own.ids, ...ids];
  const groupId = own.group ?? own.ids[0]?.[1];
  return groupId ? { ids: merged, group: groupId } : { ids: merged };
}

/** The products described by the page's JSON-LD blocks (top-level Products and ProductGroups, not those nested in lists or offers). */
export function jsonLdSightings(document: Document, page: URL): Sighting[] {
  const found: Sighting[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node != 'object') return;
    const record = node as Node;
    if (isType(record, 'ProductGroup')) found.push(groupSighting(record, page));
    else if (isType(record, 'Product')) found.push(schemaOrgSighting((name) => record[name], false));
    visit(record['@graph']);
  };
  for (const text of jsonLdTexts(document)) {
    try {
      visit(JSON.parse(text));
    } catch {
      // A broken JSON-LD block of the shop is not ours to report.
    }
  }
  return found.filter((s) => s.ids.length);
}

/** The texts of the page's JSON-LD blocks (also a cheap fingerprint: unchanged texts need no parsing). */
export const jsonLdTexts = (document: Document): string[] => Array.from(document.querySelectorAll('script[type="application/ld+json"]'), (s) => s.textContent ?? '');
