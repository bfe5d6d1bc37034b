/**
 * WooCommerce's product CSV export (Products → Export, `WC_Product_CSV_Exporter`). Column names
 * as in `get_default_column_names()` of woocommerce/includes/export/class-wc-product-csv-exporter.php
 * (`ID`, `Type`, `SKU`, `GTIN, UPC, EAN, or ISBN`, `Name`, `Published`, `Visibility in catalog`,
 * `Date sale price starts`/`ends`, `In stock?`, `Sale price`, `Regular price`, `Categories`,
 * `Tags`, `Images`, `Parent`, `Attribute N name`, `Attribute N value(s)`, and `Brands` since 9.6).
 *
 * Simple and external products become catalog products; a variable product's variations become
 * catalog products grouped under the variable product (`group` = its id), inheriting its name,
 * categories, images and brand where the variation leaves them empty. `Parent` names the variable
 * product as `id:123` or by its SKU.
 */
import type { CatalogProduct } from '@curio/core/internal';
import { deepestPath, parseInStock, splitEscaped } from '../fieldValues.js';
import { ExportTable, issue, type ExportRow, type LinedProduct, type PlatformFeed, type PlatformOptions } from './exportTable.js';
import { currentPrice, groupVariants, requiredText, setAliases, variantOptions } from './variantProducts.js';

const PRICES = { regular: ['Regular price'], sale: ['Sale price'], saleFrom: ['Date sale price starts'], saleTo: ['Date sale price ends'] };
const GTIN = ['GTIN, UPC, EAN, or ISBN'];

/** Columns that tell a WooCommerce product export from other CSV files. */
export const WOOCOMMERCE_PRODUCT_SIGNATURE = [['ID'], ['Type'], ['SKU'], ['Name'], ['Regular price'], ['Parent']];

/** `Categories` "Clothing > Hoodies, Clothing": several paths; the deepest is kept. */
function categoriesOf(row: ExportRow): string[] | undefined {
  const text = row.get('Categories');
  return text ? deepestPath(splitEscaped(text, ',').map((path) => path.split('>').map((s) => s.trim()).filter(Boolean))) : undefined;
}

/** `Attribute N name` → `Attribute N value(s)` (several values separated by commas). */
function attributesOf(row: ExportRow): Array<[string, string[]]> {
  return row
    .numbered('Attribute N name')
    .filter((a) => a.value)
    .map(({ n, value }): [string, string[]] => [value!, splitEscaped(row.get(`Attribute ${n} value(s)`) ?? '', ',')])
    .filter(([, values]) => values.length > 0);
}

/** Published 1 (not 0 draft, -1 private) and visible in the shop (not "hidden"). */
function forSale(row: ExportRow): string | undefined {
  const published = row.get('Published');
  if (published !== undefined && published !== '1') return `Published ${published}`;
  const visibility = row.get('Visibility in catalog');
  if (visibility === 'hidden') return 'Visibility in catalog "hidden"';
  return undefined;
}

/**
 * Reads a WooCommerce product CSV export.
 * @param table the parsed export
 */
export function readWooCommerceProducts(table: ExportTable, { now }: PlatformOptions): PlatformFeed {
  const feed: PlatformFeed = { products: [], issues: [...table.issues] };
  const parents = new Map<string, ExportRow>();
  const variations = new Map<ExportRow, ExportRow[]>();
  for (const row of table.rows) {
    if (row.get('Type')?.split(',').map((t) => t.trim()).includes('variable')) {
      const id = row.get('ID');
      if (id) parents.set(`id:${id}`, row);
      const sku = row.get('SKU');
      if (sku) parents.set(sku, row);
      variations.set(row, []);
    }
  }
  for (const row of table.rows) {
    const type = row.get('Type')?.split(',').map((t) => t.trim()) ?? [];
    const subject = `product ${row.get('SKU') ? `SKU "${row.get('SKU')}"` : `ID ${row.get('ID') ?? '(none)'}`}`;
    if (type.includes('variable')) continue;
    if (type.includes('grouped')) continue; // a grouped product has no price of its own: its children are listed on their own rows
    if (type.includes('variation')) {
      const parentRef = row.get('Parent');
      const parent = parentRef ? parents.get(parentRef) : undefined;
      if (!parent) {
        feed.issues.push(issue(row.line, subject, parentRef ? `variation of "${parentRef}", which is not a variable product of this file` : 'variation without a parent', ['Parent']));
        continue;
      }
      variations.get(parent)!.push(row);
      continue;
    }
    const product = productOf(row, undefined, subject, now, feed);
    if (product) feed.products.push(product);
  }
  for (const [parent, rows] of variations) {
    const parentId = parent.get('ID');
    const subject = `variable product ${parent.get('SKU') ? `SKU "${parent.get('SKU')}"` : `ID ${parentId ?? '(none)'}`}`;
    const hidden = forSale(parent);
    if (hidden) {
      feed.issues.push({ line: parent.line, message: `${subject}: not for sale (${hidden}), left out with its variations` });
      continue;
    }
    const variants = rows
      .map((row) => productOf(row, parent, `${subject}, variation ${row.get('SKU') ? `SKU "${row.get('SKU')}"` : `ID ${row.get('ID') ?? '(none)'}`}`, now, feed))
      .filter((p): p is LinedProduct => p !== undefined);
    if (variants.length === 0) {
      feed.issues.push({ line: parent.line, message: `${subject}: no variation with a price in the file, left out` });
      continue;
    }
    const group = parent.get('SKU') ?? parentId!;
    feed.products.push(...groupVariants(variants, group, [parent.get('SKU'), parentId, parentId && `gla_${parentId}`, parent.get(...GTIN)]));
  }
  return feed;
}

/** One simple product or variation (with its variable product as `parent`). */
function productOf(row: ExportRow, parent: ExportRow | undefined, subject: string, now: number, feed: PlatformFeed): LinedProduct | undefined {
  const hidden = forSale(row);
  if (hidden) {
    feed.issues.push({ line: row.line, message: `${subject}: not for sale (${hidden}), left out` });
    return undefined;
  }
  const id = row.get('SKU') ?? row.get('ID');
  if (!id) {
    feed.issues.push(issue(row.line, subject, 'no id', ['SKU', 'ID']));
    return undefined;
  }
  // A variation's name is "Parent name - Blue"; the group's name is the parent's.
  const name = requiredText(parent ?? row, ['Name'], subject, 'name', feed.issues);
  if (!name) return undefined;
  const price = currentPrice(row, PRICES, subject, now, feed.issues);
  if (price === undefined) return undefined;
  const wpId = row.get('ID');
  const pageId = parent?.get('ID') ?? wpId;
  const product: CatalogProduct = {
    id,
    title: name.replace(/\s+/g, ' ').trim(),
    // The export has no permalink: WordPress redirects ?post_type=product&p=<id> to the product's page.
    url: pageId ? `/?post_type=product&p=${pageId}` : '#',
    price,
    categories: categoriesOf(row) ?? (parent && categoriesOf(parent)) ?? [],
  };
  const image = (row.get('Images') ?? parent?.get('Images'))?.split(',')[0]?.trim();
  if (image) product.image = image;
  const brand = (row.get('Brands') ?? parent?.get('Brands'))?.split(',')[0]?.trim();
  if (brand) product.brand = brand;
  const stock = parseInStock(row.get('In stock?'));
  if (stock !== undefined) product.inStock = stock;
  const tags = splitEscaped(row.get('Tags') ?? parent?.get('Tags') ?? '', ',');
  if (tags.length) product.tags = tags;
  const own = attributesOf(row);
  const attributes = Object.fromEntries([...(parent ? attributesOf(parent) : []), ...own].map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
  if (Object.keys(attributes).length) product.attributes = attributes;
  if (parent) {
    // A variation's own attribute values pick one value each; an empty one means "any".
    const variant = variantOptions(own.map(([name, values]) => [name, values[0]]));
    if (variant) product.variant = variant;
  }
  // Ids a page may report: the WordPress post id (GA4 plugins), Google Listings & Ads' "gla_<id>" feed id, the GTIN.
  setAliases(product, [wpId, wpId && `gla_${wpId}`, row.get(...GTIN)]);
  return { line: row.line, product };
}
