import type { CatalogProduct } from '@curio/core/internal';
import { parseCategories, parseInStock, parseNumber, parsePrice, saleApplies } from './fieldValues.js';

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

const ID_FIELDS = ['id', 'item_id', 'sku', 'offer_id'];
const TITLE_FIELDS = ['title', 'name'];
const PRICE_FIELDS = ['sale_price', 'price'];

/** "read fields a, b; expected one of x, y": what a record had and what was looked for. */
function readExpected(fields: Record<string, unknown>, expected: string[]): string {
  const read = Object.keys(fields);
  return `read ${read.length ? `fields ${read.slice(0, 12).join(', ')}${read.length > 12 ? ', …' : ''}` : 'no field with a value'}; expected ${expected.length > 1 ? `one of ${expected.join(', ')}` : expected[0]}`;
}

/**
 * Shopify's Google & YouTube channel names feed items `shopify_<country>_<product id>_<variant id>`;
 * pages report the variant id (and the product id for the group).
 */
const SHOPIFY_FEED_ID = /^shopify_[a-z]{2}_(\d+)_(\d+)$/i;

/** Options of {@link productFromRecord}. */
export interface RecordOptions {
  /** Time `sale_price_effective_date` is compared with (ms since the epoch). Default: now. */
  now?: number;
}

/**
 * Turns one feed record into a catalog product. Understands Curio's own field names and Google
 * Merchant Center's (`link`, `image_link`, `price` "12.99 EUR", `sale_price` within its
 * `sale_price_effective_date`, `product_type` "A > B", `google_product_category`, `availability`,
 * `brand`, `gtin`, colour/size/… attributes, `item_group_id` → `group` with the variant's
 * colour/size/… as `variant`).
 * @param fields the record, keys in lower case or as in the Curio format
 * @returns the product, or an error message naming the fields read and the fields expected
 */
export function productFromRecord(fields: Record<string, unknown>, options: RecordOptions = {}): CatalogProduct | string {
  const f: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) f[key.toLowerCase().replace(/^g:/, '')] = value;
  const id = pick(f, ...ID_FIELDS);
  if (id === undefined || (typeof id !== 'string' && typeof id !== 'number')) return `missing id: ${readExpected(f, ID_FIELDS)}`;
  const title = pick(f, ...TITLE_FIELDS);
  if (typeof title !== 'string' && typeof title !== 'number') return `product ${id}: missing title: ${readExpected(f, TITLE_FIELDS)}`;
  let rawPrice = pick(f, ...PRICE_FIELDS);
  const window = pick(f, 'sale_price_effective_date');
  if (f['sale_price'] !== undefined && typeof window === 'string') {
    // "2024-02-24T11:07+0100/2024-02-29T23:07+0100": outside it the regular price applies.
    const [from, to] = window.split('/');
    const applies = saleApplies(from, to, options.now ?? Date.now());
    if (typeof applies === 'string') return `product ${id}: unreadable sale_price_effective_date "${window}"; expected start/end in ISO 8601, e.g. 2024-02-24T11:07+0100/2024-02-29T23:07+0100`;
    if (!applies) rawPrice = pick(f, 'price');
  }
  const price = parsePrice(rawPrice);
  if (!price) return `product ${id}: ${rawPrice === undefined ? `missing price: ${readExpected(f, ['price'])}` : `unreadable price "${String(rawPrice)}" in field ${PRICE_FIELDS.find((name) => f[name] === rawPrice) ?? 'price'}; expected a number with an optional ISO 4217 code, e.g. 12.99 EUR`}`;
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
  const shopify = SHOPIFY_FEED_ID.exec(String(id));
  const listedAliases = f['aliases'];
  const aliases = [...(Array.isArray(listedAliases) ? listedAliases : []), shopify?.[2], shopify?.[1], pick(f, 'gtin')]
    .filter((a): a is string | number => (typeof a === 'string' && a.trim() !== '') || typeof a === 'number')
    .map((a) => String(a).trim())
    .filter((a) => a !== product.id);
  if (aliases.length > 0) product.aliases = [...new Set(aliases)];
  return product;
}
