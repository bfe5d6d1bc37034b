import type { CatalogProduct } from '@curio/core/internal';

/** Merchant Center fields that become product attributes. */
const ATTRIBUTE_FIELDS = ['color', 'size', 'material', 'pattern', 'gender', 'age_group', 'condition'];
/**
 * The Merchant Center attributes variants of one `item_group_id` may differ by ("Item group ID",
 * support.google.com/merchants/answer/6324507): they become the variant's `variant` values.
 */
const VARIANT_FIELDS = ['color', 'size', 'material', 'pattern', 'gender', 'age_group'];
const CUSTOM_LABELS = ['custom_label_0', 'custom_label_1', 'custom_label_2', 'custom_label_3', 'custom_label_4'];

/** Reads the first present field among `names`. */
function pick(fields: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) {
    const value = fields[name];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** A price: a number, or text such as "12.99 EUR", "EUR 12.99", "1,299.00 USD". */
function parsePrice(value: unknown): { amount: number; currency?: string } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? { amount: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*([A-Z]{3})?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([A-Z]{3})?\s*$/.exec(value);
  if (!match) return undefined;
  const amount = Number(match[2]!.replace(/,/g, ''));
  const currency = match[1] ?? match[3];
  return Number.isFinite(amount) ? { amount, ...(currency ? { currency } : {}) } : undefined;
}

/** A category path: an array, or text "A > B > C" (Merchant Center `product_type`). */
function parseCategories(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  return String(value).split('>').map((s) => s.trim()).filter(Boolean);
}

/** Availability text or flag → in stock? */
function parseInStock(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (['in_stock', 'instock', 'true', 'yes', 'preorder', 'backorder', 'available'].includes(v)) return true;
  if (['out_of_stock', 'outofstock', 'false', 'no', 'sold_out'].includes(v)) return false;
  return undefined;
}

function parseNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Turns one feed record into a catalog product. Understands Curio's own field names and Google
 * Merchant Center's (`link`, `image_link`, `price` "12.99 EUR", `sale_price`, `product_type`
 * "A > B", `google_product_category`, `availability`, `brand`, colour/size/… attributes,
 * `item_group_id` → `group` with the variant's colour/size/… as `variant`).
 * @param fields the record, keys in lower case or as in the Curio format
 * @returns the product, or an error message saying what is wrong
 */
export function productFromRecord(fields: Record<string, unknown>): CatalogProduct | string {
  const f: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) f[key.toLowerCase().replace(/^g:/, '')] = value;
  const id = pick(f, 'id', 'item_id', 'sku', 'offer_id');
  if (id === undefined || (typeof id !== 'string' && typeof id !== 'number')) return 'missing id';
  const title = pick(f, 'title', 'name');
  if (typeof title !== 'string' && typeof title !== 'number') return `product ${id}: missing title`;
  const rawPrice = pick(f, 'sale_price', 'price');
  const price = parsePrice(rawPrice);
  if (!price) return `product ${id}: ${rawPrice === undefined ? 'missing price' : `unreadable price "${String(rawPrice)}"`}`;
  const currency = pick(f, 'currency');
  const product: CatalogProduct = {
    id: String(id),
    title: String(title).replace(/\s+/g, ' ').trim(),
    url: String(pick(f, 'url', 'link') ?? '#'),
    price: price.amount,
    categories: parseCategories(pick(f, 'categories', 'product_type', 'category', 'google_product_category')),
  };
  const currencyCode = typeof currency === 'string' ? currency : price.currency;
  if (currencyCode) product.currency = currencyCode;
  const image = pick(f, 'image', 'image_link');
  if (typeof image === 'string') product.image = image;
  const brand = pick(f, 'brand');
  if (typeof brand === 'string' || typeof brand === 'number') product.brand = String(brand);
  const inStock = parseInStock(pick(f, 'instock', 'availability'));
  if (inStock !== undefined) product.inStock = inStock;
  const rating = parseNumber(pick(f, 'rating', 'product_rating'));
  if (rating !== undefined && rating >= 0 && rating <= 5) product.rating = rating;
  const reviewCount = parseNumber(pick(f, 'reviewcount', 'review_count', 'product_review_count'));
  if (reviewCount !== undefined && reviewCount >= 0) product.reviewCount = Math.round(reviewCount);
  const reviews = f['reviews'];
  if (Array.isArray(reviews)) product.reviews = reviews.filter((r): r is string => typeof r === 'string').slice(0, 3);
  const attributes: Record<string, string | string[]> = {};
  if (f['attributes'] && typeof f['attributes'] === 'object' && !Array.isArray(f['attributes'])) {
    for (const [name, value] of Object.entries(f['attributes'] as Record<string, unknown>)) {
      if (typeof value === 'string') attributes[name] = value;
      else if (Array.isArray(value)) attributes[name] = value.map(String);
    }
  }
  for (const name of ATTRIBUTE_FIELDS) {
    const value = f[name];
    if (typeof value === 'string' && value !== '') attributes[name] = value;
  }
  if (Object.keys(attributes).length > 0) product.attributes = attributes;
  // Variants: Curio's `group` / `variant`, or Merchant Center's `item_group_id` with its variant attributes.
  const group = pick(f, 'group', 'item_group_id');
  if ((typeof group === 'string' && group.trim() !== '') || typeof group === 'number') product.group = String(group).trim();
  const variant: Record<string, string> = {};
  if (f['variant'] && typeof f['variant'] === 'object' && !Array.isArray(f['variant'])) {
    for (const [name, value] of Object.entries(f['variant'] as Record<string, unknown>)) if (typeof value === 'string' && value !== '') variant[name] = value;
  } else if (product.group !== undefined) {
    for (const name of VARIANT_FIELDS) if (typeof attributes[name] === 'string') variant[name] = attributes[name] as string;
  }
  if (Object.keys(variant).length > 0) product.variant = variant;
  const repurchasable = f['repurchasable'];
  if (repurchasable === true || repurchasable === 'true') product.repurchasable = true;
  // Tags for rules and collections: a `tags` list (or comma-separated text), and Merchant Center custom labels.
  const listed = f['tags'];
  const tags = [...(Array.isArray(listed) ? listed : typeof listed === 'string' ? listed.split(',') : []), ...CUSTOM_LABELS.map((name) => f[name])]
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
    .map((t) => t.trim());
  if (tags.length > 0) product.tags = [...new Set(tags)];
  return product;
}
