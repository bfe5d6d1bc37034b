/**
 * What a page says about a product it shows: the ids it names (schema.org, GA4) and the product
 * group it belongs to. One shape for every source, so they resolve and deduplicate alike.
 */

/**
 * Kinds of ids a page names; `data-id` orders them (see docs/script-tag.md). `item_id` is the
 * GA4/UA item id of dataLayer and gtag, `group` a product group id (`productGroupID`,
 * `inProductGroupWithID`).
 */
export const ID_KINDS = ['sku', 'productID', 'item_id', 'gtin', 'mpn', 'group'] as const;

/** One kind of id. */
export type IdKind = (typeof ID_KINDS)[number];

/** A product seen on the page, with its ids in the source's order. */
export interface Sighting {
  ids: Array<[IdKind, string]>;
  /** The product group (the product of which this is a variant), if the source says. */
  group?: string;
}

/** An id value a source may give: a non-empty string or a number (GA4 plugins often push numbers). */
export const idText = (v: unknown): string | undefined => {
  const text = typeof v == 'number' && Number.isFinite(v) ? String(v) : typeof v == 'string' ? v.trim() : '';
  return text && text.length <= 200 ? text : undefined;
};

/**
 * The schema.org ids of a Product or ProductGroup, read with `get` (a JSON-LD node's field or a
 * microdata property): `sku`, `productID`, the GTINs, `mpn`, and its group (`productGroupID` of a
 * group, `inProductGroupWithID` or `isVariantOf` of a variant).
 */
export function schemaOrgSighting(get: (name: string) => unknown, isGroup: boolean): Sighting {
  const ids: Array<[IdKind, string]> = [];
  const add = (kind: IdKind, value: unknown) => {
    const id = idText(value);
    if (id && !ids.some(([, known]) => known === id)) ids.push([kind, id]);
  };
  add('sku', get('sku'));
  add('productID', get('productID'));
  for (const gtin of ['gtin', 'gtin14', 'gtin13', 'gtin12', 'gtin8']) add('gtin', get(gtin));
  add('mpn', get('mpn'));
  const parent = get('isVariantOf');
  const group = idText(isGroup ? get('productGroupID') : (get('inProductGroupWithID') ?? (parent && typeof parent == 'object' ? (parent as Record<string, unknown>).productGroupID : undefined)));
  if (group) add('group', group);
  return group ? { ids, group } : { ids };
}
