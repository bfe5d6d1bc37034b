/**
 * Magento 2 / Adobe Commerce catalog product export (System → Data Transfer → Export, entity
 * "Products", CSV). Column names as written by Magento\CatalogImportExport\Model\Export\Product
 * and read back by its import (see magento/magento2
 * dev/tests/integration/testsuite/Magento/ConfigurableImportExport/Model/Import/_files/import_configurable.csv):
 * `sku`, `store_view_code`, `product_type`, `categories` ("Default Category/Men/Tops", several
 * joined by commas), `name`, `product_online` (1, or 2 for disabled), `visibility`, `price`,
 * `special_price`, `special_price_from_date`, `special_price_to_date`, `url_key`, `base_image`,
 * `additional_attributes` ("color=Black,size=XS"), `is_in_stock`, `configurable_variations`
 * ("sku=MH01-XS-Black,color=Black,size=XS|sku=…").
 *
 * Rows with a `store_view_code` are translations of the default row and are skipped. A
 * configurable product's children become catalog products grouped under it (`group` = its sku),
 * with its name, URL and categories; a simple product that is "Not Visible Individually" and no
 * configurable's child is left out (it has no page).
 */
import type { CatalogProduct } from '@curio/core/internal';
import { deepestPath, parseInStock } from '../fieldValues.js';
import { ExportTable, issue, type ExportRow, type LinedProduct, type PlatformFeed, type PlatformOptions } from './exportTable.js';
import { currentPrice, groupVariants, requiredText, variantOptions } from './variantProducts.js';

const PRICES = { regular: ['price'], sale: ['special_price'], saleFrom: ['special_price_from_date'], saleTo: ['special_price_to_date'] };

/** Columns that tell a Magento 2 product export from other CSV files. */
export const MAGENTO_PRODUCT_SIGNATURE = [['sku'], ['store_view_code'], ['product_type'], ['name'], ['price'], ['url_key']];

/** `additional_attributes` "color=Black,size=XS": pairs separated by commas (a value's own commas stay with it). */
function additionalAttributes(text: string | undefined): Record<string, string> {
  const attributes: Record<string, string> = {};
  let last: string | undefined;
  for (const part of (text ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      last = part.slice(0, eq).trim();
      attributes[last] = part.slice(eq + 1).trim();
    } else if (last) attributes[last] += `,${part}`;
  }
  return attributes;
}

/** Attributes that describe the product (Magento's bookkeeping flags left out), multi-select values ("a|b") as lists. */
function shownAttributes(attributes: Record<string, string>): Record<string, string | string[]> {
  const shown: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (/^(has_options|required_options|quantity_and_stock_status|gift_message_available|tax_class_id|manufacturer|brand)$/.test(name) || !value) continue;
    shown[name] = value.includes('|') ? value.split('|').map((v) => v.trim()).filter(Boolean) : value;
  }
  return shown;
}

/** `categories`: paths "Default Category/Men/Tops" joined by commas; the root category is dropped and the deepest path kept. */
function categoriesOf(row: ExportRow): string[] {
  const paths = (row.get('categories') ?? '').split(',').map((path) => path.split('/').map((s) => s.trim()).filter(Boolean).slice(1));
  return deepestPath(paths);
}

/** A media path "/m/h/mh01-black_main.jpg" as served by Magento (pub/media/catalog/product), or a full URL as is. */
function imageUrl(path: string | undefined): string | undefined {
  if (!path || path === 'no_selection') return undefined;
  return /^https?:\/\//.test(path) ? path : `/media/catalog/product${path.startsWith('/') ? '' : '/'}${path}`;
}

/**
 * Reads a Magento 2 catalog product export.
 * @param table the parsed export
 */
export function readMagentoProducts(table: ExportTable, { now }: PlatformOptions): PlatformFeed {
  const feed: PlatformFeed = { products: [], issues: [...table.issues] };
  const rows = table.rows.filter((row) => !row.get('store_view_code'));
  // Child sku → its configurable parent and the options that pick it.
  const children = new Map<string, { parent: ExportRow; options: Record<string, string> }>();
  for (const row of rows) {
    if (row.get('product_type') !== 'configurable') continue;
    for (const entry of (row.get('configurable_variations') ?? '').split('|')) {
      const { sku, ...options } = additionalAttributes(entry);
      if (sku) children.set(sku, { parent: row, options });
    }
  }
  const groups = new Map<ExportRow, LinedProduct[]>(rows.filter((r) => r.get('product_type') === 'configurable').map((r) => [r, []]));
  for (const row of rows) {
    const sku = row.get('sku');
    const subject = `product ${sku ? `sku "${sku}"` : '(no sku)'}`;
    if (!sku) {
      feed.issues.push(issue(row.line, subject, 'no sku', ['sku']));
      continue;
    }
    const type = row.get('product_type');
    if (type === 'configurable') continue;
    if (row.get('product_online') === '2') {
      feed.issues.push({ line: row.line, message: `${subject}: disabled (product_online 2), left out` });
      continue;
    }
    const child = children.get(sku);
    if (!child && row.get('visibility') === 'Not Visible Individually') {
      feed.issues.push({ line: row.line, message: `${subject}: "Not Visible Individually" and no configurable product's variation, left out` });
      continue;
    }
    const page = child?.parent ?? row;
    const name = requiredText(page, ['name'], subject, 'name', feed.issues);
    if (!name) continue;
    const price = currentPrice(row, PRICES, subject, now, feed.issues);
    if (price === undefined) continue;
    const urlKey = page.get('url_key');
    const product: CatalogProduct = {
      id: sku,
      title: name.replace(/\s+/g, ' ').trim(),
      // Magento's default product URL suffix is ".html" (Stores → Configuration → Catalog → SEO).
      url: urlKey ? `/${urlKey}.html` : '#',
      price,
      categories: categoriesOf(row).length ? categoriesOf(row) : categoriesOf(page),
    };
    const image = imageUrl(row.get('base_image')) ?? imageUrl(page.get('base_image'));
    if (image) product.image = image;
    const extra = { ...additionalAttributes(page.get('additional_attributes')), ...additionalAttributes(row.get('additional_attributes')) };
    const brand = extra['brand'] ?? extra['manufacturer'];
    if (brand) product.brand = brand;
    const attributes = shownAttributes(extra);
    if (Object.keys(attributes).length) product.attributes = attributes;
    const stock = parseInStock(row.get('is_in_stock'));
    if (stock !== undefined) product.inStock = stock;
    if (child) {
      const variant = variantOptions(Object.entries(child.options));
      if (variant) product.variant = variant;
      groups.get(child.parent)?.push({ line: row.line, product });
    } else feed.products.push({ line: row.line, product });
  }
  for (const [parent, variants] of groups) {
    const sku = parent.get('sku')!;
    if (variants.length === 0) {
      feed.issues.push({ line: parent.line, message: `configurable product sku "${sku}": none of its configurable_variations is a sellable product of this file, left out` });
      continue;
    }
    feed.products.push(...groupVariants(variants, sku, [sku]));
  }
  feed.products.sort((a, b) => a.line - b.line);
  return feed;
}
