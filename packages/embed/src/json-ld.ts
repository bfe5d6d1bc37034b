/**
 * schema.org JSON-LD on the page → the products it shows: `Product`, `ProductGroup` with
 * `hasVariant` (Shopify's `structured_data` since Dawn 15, Google's variant examples), variants
 * with `isVariantOf` / `inProductGroupWithID`, Products whose offers are the variants (older
 * Shopify themes), `@graph`, arrays and several blocks.
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

const list = (v: unknown): Node[] => (Array.isArray(v) ? v : v ? [v] : []).filter((n): n is Node => !!n && typeof n == 'object');

/**
 * The offers of a Product that name a variant (their own `sku` or GTIN), as older Shopify themes
 * (Debut, Dawn before 15) print them: one Offer per variant, with `?variant=` URLs. An
 * `AggregateOffer`'s `offers` count too.
 */
const variantOffers = (product: Node): Node[] =>
  list(product.offers)
    .flatMap((offer) => [offer, ...list(offer.offers)])
    .filter((offer) => ['sku', 'gtin', 'gtin13', 'gtin12', 'gtin14', 'gtin8'].some((name) => offer[name] != null));

/**
 * A Product or ProductGroup with its variants (`hasVariant`, or variant offers): the variant the
 * URL names comes first, else the node's own ids and then its first variant (the one a platform
 * shows by default), as fallback ids. Its group: a ProductGroup's id; for a Product with several
 * variant offers, its URL's path (so a variant switch is the same product).
 */
function withVariants(node: Node, variants: Node[], page: URL, isGroup: boolean): Sighting {
  const own = schemaOrgSighting((name) => node[name], isGroup);
  const chosen = selectedVariant(variants, page);
  const variant = chosen ?? variants[0];
  const ids = variant ? schemaOrgSighting((name) => variant[name], false).ids.filter(([kind]) => kind != 'group') : [];
  const merged = (chosen ? [...ids, ...own.ids] : [...own.ids, ...ids]).filter(([, id], n, all) => all.findIndex(([, other]) => other === id) === n);
  let groupId = own.group ?? (isGroup ? own.ids[0]?.[1] : undefined);
  if (!groupId && variants.length > 1) {
    try {
      groupId = `path:${new URL(String(node.url ?? node['@id'] ?? page.pathname), page).pathname}`;
    } catch {
      groupId = `path:${page.pathname}`;
    }
  }
  return groupId ? { ids: merged, group: groupId } : { ids: merged };
}

/** The products described by the page's JSON-LD blocks (top-level Products and ProductGroups, not those nested in lists or offers). */
export function jsonLdSightings(document: Document, page: URL): Sighting[] {
  const found: Sighting[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node != 'object') return;
    const record = node as Node;
    if (isType(record, 'ProductGroup')) found.push(withVariants(record, list(record.hasVariant), page, true));
    else if (isType(record, 'Product')) found.push(withVariants(record, variantOffers(record), page, false));
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
