/**
 * Shopify's product CSV export (Admin → Products → Export). Columns as documented in Shopify's
 * help centre, "Using CSV files to import and export products"
 * (help.shopify.com/en/manual/products/import-export/using-csv), in both spellings Shopify has
 * used: the classic one (`Handle`, `Variant SKU`, `Variant Price`, `Image Src`) and the 2024 one
 * (`URL handle`, `SKU`, `Price`, `Product image URL`).
 *
 * One product spans several rows with the same handle: the first carries the product's fields,
 * the others only a variant (options, SKU, price) or only an image. Every variant becomes a
 * catalog product; variants of one handle share `group` = the handle.
 */
import type { CatalogProduct } from '@curio/core/internal';
import { parseCategories } from '../fieldValues.js';
import { ExportTable, issue, type ExportRow, type LinedProduct, type PlatformFeed, type PlatformOptions } from './exportTable.js';
import { currentPrice, groupVariants, setAliases, variantOptions } from './variantProducts.js';

const HANDLE = ['Handle', 'URL handle'];
const TITLE = ['Title'];
const SKU = ['Variant SKU', 'SKU'];
const PRICE = ['Variant Price', 'Price'];
const BARCODE = ['Variant Barcode', 'Barcode'];
const IMAGE = ['Image Src', 'Product image URL'];
const VARIANT_IMAGE = ['Variant Image', 'Variant image URL'];
const QUANTITY = ['Variant Inventory Qty', 'Inventory quantity'];
const TRACKER = ['Variant Inventory Tracker', 'Inventory tracker'];
const POLICY = ['Variant Inventory Policy', 'Continue selling when out of stock'];
const CATEGORY = ['Product Category', 'Product category'];
const PUBLISHED = ['Published', 'Published on online store'];

/** Columns that tell a Shopify product export from other CSV files. */
export const SHOPIFY_PRODUCT_SIGNATURE = [HANDLE, TITLE, PRICE, ['Option1 Name', 'Option1 name']];

/** Whether a variant can be bought: only a tracked variant at 0 or less that does not continue selling is out. */
function inStock(row: ExportRow): boolean | undefined {
  const quantity = row.get(...QUANTITY);
  if (quantity === undefined || !row.get(...TRACKER)) return undefined;
  const policy = row.get(...POLICY)?.toLowerCase();
  return Number(quantity) > 0 || policy === 'continue' || policy === 'true';
}

/**
 * Reads a Shopify product CSV export.
 * @param table the parsed export
 */
export function readShopifyProducts(table: ExportTable, { now }: PlatformOptions): PlatformFeed {
  const feed: PlatformFeed = { products: [], issues: [...table.issues] };
  // Rows by handle, in file order; a row without a handle continues the previous product.
  const products: ExportRow[][] = [];
  let current: ExportRow[] | undefined;
  let handle: string | undefined;
  for (const row of table.rows) {
    const own = row.get(...HANDLE);
    if (!own && !current) {
      feed.issues.push(issue(row.line, 'row', 'no handle', HANDLE));
      continue;
    }
    if (own && own !== handle) {
      current = [];
      products.push(current);
      handle = own;
    }
    current!.push(row);
  }
  for (const rows of products) feed.products.push(...productVariants(rows, feed, now));
  return feed;
}

/** The catalog products (one per variant) of one handle's rows. */
function productVariants(rows: ExportRow[], feed: PlatformFeed, now: number): LinedProduct[] {
  const [first] = rows as [ExportRow];
  const handle = first.get(...HANDLE)!;
  const subject = `product "${handle}"`;
  const title = first.get(...TITLE);
  if (!title) {
    feed.issues.push(issue(first.line, subject, 'no title on its first row (rows after it without a title are its variants and images)', TITLE));
    return [];
  }
  const status = first.get('Status')?.toLowerCase();
  const published = first.get(...PUBLISHED)?.toLowerCase();
  if ((status && status !== 'active') || published === 'false') {
    feed.issues.push({ line: first.line, message: `${subject}: not for sale (${status && status !== 'active' ? `Status "${status}"` : 'Published FALSE'}), left out` });
    return [];
  }
  const image = rows.map((r) => r.get(...IMAGE)).find(Boolean);
  const typePath = first.get('Type');
  const categories = parseCategories(first.get(...CATEGORY) ?? '');
  const tags = (first.get('Tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const optionNames = [1, 2, 3].map((n) => first.get(`Option${n} Name`));
  const variants: LinedProduct[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    // Image-only rows carry no price and no option value.
    const values = [1, 2, 3].map((n) => row.get(`Option${n} Value`));
    if (!row.get(...PRICE) && !row.get(...SKU) && values.every((v) => !v)) continue;
    const variant = variantOptions(optionNames.map((name, i) => [name, values[i]]));
    const sku = row.get(...SKU);
    const id = sku ?? (variant ? `${handle}:${Object.values(variant).join('/')}` : handle);
    const variantSubject = `${subject}, variant ${sku ? `SKU "${sku}"` : id}`;
    if (seen.has(id)) {
      feed.issues.push({ line: row.line, message: `${variantSubject}: repeats a variant of the same product, left out` });
      continue;
    }
    seen.add(id);
    const price = currentPrice(row, { regular: PRICE }, variantSubject, now, feed.issues);
    if (price === undefined) continue;
    const product: CatalogProduct = {
      id,
      title: title.replace(/\s+/g, ' ').trim(),
      url: `/products/${encodeURIComponent(handle)}`,
      price,
      categories: categories.length ? categories : typePath ? [typePath] : [],
    };
    const picture = row.get(...VARIANT_IMAGE) ?? image;
    if (picture) product.image = picture;
    const vendor = first.get('Vendor');
    if (vendor) product.brand = vendor;
    const stock = inStock(row);
    if (stock !== undefined) product.inStock = stock;
    if (variant) {
      product.variant = variant;
      product.attributes = { ...variant };
    }
    if (tags.length) product.tags = tags;
    setAliases(product, [row.get(...BARCODE)]);
    variants.push({ line: row.line, product });
  }
  if (variants.length === 0) feed.issues.push(issue(first.line, subject, 'no variant with a price', PRICE));
  return groupVariants(variants, handle, [handle]);
}
