/**
 * BigCommerce product export (Products → Export, the "Default" or "Bulk Edit" template of the v2
 * import/export). Column names as in BigCommerce's "Importing and Exporting Products (v2)" guide
 * and its bulk-edit-product-import.csv template: `Item Type` (`Product`, then one `SKU` row per
 * variant), `Product ID`, `Product Name`, `Product Code/SKU`, `Brand Name`, `Price`,
 * `Sale Price`, `Category` ("Shop All/Bath;Kitchen": paths joined by `;`, `\/` for a slash in a
 * name), `Product Image File - 1`, `Product URL`, `Product Visible?`, `Allow Purchases?`,
 * `Track Inventory`, `Current Stock Level`, `Product UPC/EAN`, `Global Trade Item Number`.
 *
 * A `SKU` row names its options in `Product Name` ("[S]Size=Small,[RB]Color=Red") and may price
 * them in `Price` as a number or an adjustment (`[FIXED]25`, `[ADD]5`, `[REMOVE]2`); Products v3
 * exports put that price in a `Rule` row naming the SKU in `Product Code/SKU` ("Importing Product
 * Options (v3)"). A product with SKU rows becomes one catalog product per SKU, grouped under the
 * product (`group` = its Product ID).
 */
import type { CatalogProduct } from '@curio/core/internal';
import { deepestPath, parsePrice, splitEscaped } from '../fieldValues.js';
import { ExportTable, issue, type ExportRow, type LinedProduct, type PlatformFeed, type PlatformOptions } from './exportTable.js';
import { currentPrice, groupVariants, requiredText, setAliases } from './variantProducts.js';

const PRICES = { regular: ['Price'], sale: ['Sale Price'] };
const GTIN = ['Global Trade Item Number', 'Product UPC/EAN'];

/** Columns that tell a BigCommerce product export from other CSV files. */
export const BIGCOMMERCE_PRODUCT_SIGNATURE = [['Item Type'], ['Product Name'], ['Product Code/SKU'], ['Price']];

/** `[S]Size=Small,[RB]Color=Red` → `{ Size: 'Small', Color: 'Red' }` (the bracketed option display type dropped). */
function skuOptions(text: string | undefined): Record<string, string> {
  const options: Record<string, string> = {};
  for (const part of (text ?? '').split(/,(?=\s*\[)/)) {
    const match = /^\s*\[[^\]]*\]\s*([^=]+)=(.*)$/.exec(part);
    if (match) options[match[1]!.trim()] = match[2]!.trim();
  }
  return options;
}

/** A SKU row's price: a number, an adjustment of the product's price, or the product's price. */
function skuPrice(row: ExportRow, base: number, subject: string): number | ReturnType<typeof issue> {
  const cell = row.cell('Price');
  if (!cell) return base;
  const match = /^\[(FIXED|ADD|REMOVE)\]\s*(.*)$/i.exec(cell.value);
  const amount = parsePrice(match ? match[2] : cell.value)?.amount;
  if (amount === undefined) return issue(row.line, subject, `unreadable price "${cell.value}" in column "Price"`, ['Price']);
  const kind = match?.[1]!.toUpperCase();
  return kind === 'ADD' ? base + amount : kind === 'REMOVE' ? Math.max(0, base - amount) : amount;
}

/** In stock unless purchases are off or a tracked stock level is 0. */
function inStock(row: ExportRow, product: ExportRow): boolean | undefined {
  if (product.get('Allow Purchases?') === 'N') return false;
  const tracking = product.get('Track Inventory')?.toLowerCase();
  if (!tracking || tracking === 'none' || tracking === 'n') return undefined;
  const level = row.get('Current Stock Level');
  return level === undefined ? undefined : Number(level) > 0;
}

/** An image file name (served from /product_images/) or a full URL. */
function imageUrl(row: ExportRow): string | undefined {
  const file = row.get('Product Image URL - 1', 'Product Image File - 1');
  if (!file) return undefined;
  return /^(https?:)?\/\//.test(file) || file.startsWith('/') ? file : `/product_images/${file}`;
}

/**
 * Reads a BigCommerce product export.
 * @param table the parsed export
 */
export function readBigCommerceProducts(table: ExportTable, { now }: PlatformOptions): PlatformFeed {
  const feed: PlatformFeed = { products: [], issues: [...table.issues] };
  let product: { row: ExportRow; base: CatalogProduct; variants: LinedProduct[] } | undefined;
  const finish = (): void => {
    if (!product) return;
    const { row, base, variants } = product;
    const aliases = [row.get('Product Code/SKU'), row.get('Product ID'), row.get(...GTIN)];
    if (variants.length === 0) {
      setAliases(base, aliases);
      feed.products.push({ line: row.line, product: base });
    } else feed.products.push(...groupVariants(variants, row.get('Product ID') ?? base.id, aliases));
    product = undefined;
  };
  for (const row of table.rows) {
    const type = row.get('Item Type');
    if (type === 'Product') {
      finish();
      const id = row.get('Product Code/SKU', 'Product ID');
      const subject = `product ${id ? `"${id}"` : '(no id)'}`;
      if (!id) {
        feed.issues.push(issue(row.line, subject, 'no id', ['Product Code/SKU', 'Product ID']));
        continue;
      }
      if (row.get('Product Visible?') === 'N') {
        feed.issues.push({ line: row.line, message: `${subject}: not visible (Product Visible? N), left out` });
        continue;
      }
      const name = requiredText(row, ['Product Name'], subject, 'name', feed.issues);
      if (!name) continue;
      const price = currentPrice(row, PRICES, subject, now, feed.issues);
      if (price === undefined) continue;
      const base: CatalogProduct = {
        id,
        title: name.replace(/\s+/g, ' ').trim(),
        url: row.get('Product URL') ?? '#',
        price,
        categories: deepestPath((row.get('Category') ?? '').split(';').map((path) => splitEscaped(path, '/'))),
      };
      const image = imageUrl(row);
      if (image) base.image = image;
      const brand = row.get('Brand Name');
      if (brand) base.brand = brand;
      const stock = inStock(row, row);
      if (stock !== undefined) base.inStock = stock;
      const keywords = splitEscaped(row.get('Search Keywords') ?? '', ',');
      if (keywords.length) base.tags = keywords;
      product = { row, base, variants: [] };
    } else if (type === 'SKU') {
      const sku = row.get('Product Code/SKU');
      const subject = `SKU ${sku ? `"${sku}"` : '(none)'}`;
      if (!product) {
        feed.issues.push({ line: row.line, message: `${subject}: a SKU row must follow its product's row (Item Type "Product"), left out` });
        continue;
      }
      if (!sku) {
        feed.issues.push(issue(row.line, subject, 'no SKU', ['Product Code/SKU']));
        continue;
      }
      const price = skuPrice(row, product.base.price, `${subject} of product "${product.base.id}"`);
      if (typeof price !== 'number') {
        feed.issues.push(price);
        continue;
      }
      const options = skuOptions(row.get('Product Name'));
      const variant: CatalogProduct = { ...product.base, id: sku, price };
      const image = imageUrl(row);
      if (image) variant.image = image;
      const stock = inStock(row, product.row);
      if (stock !== undefined) variant.inStock = stock;
      if (Object.keys(options).length) {
        variant.variant = options;
        variant.attributes = { ...options };
      }
      setAliases(variant, [row.get('Product ID'), row.get(...GTIN)]);
      product.variants.push({ line: row.line, product: variant });
    } else if (type === 'Rule' && product) {
      // A rule naming one SKU (Products v3 "Bulk Edit" exports) prices it; rules on option values alone are not applied.
      const sku = row.get('Product Code/SKU');
      const target = sku && product.variants.find((v) => v.product.id === sku);
      if (!target) continue;
      const price = skuPrice(row, product.base.price, `rule for SKU "${sku}" of product "${product.base.id}"`);
      if (typeof price !== 'number') feed.issues.push(price);
      else target.product.price = price;
      if (row.get('Allow Purchases?') === 'N') target.product.inStock = false;
    }
  }
  finish();
  return feed;
}
