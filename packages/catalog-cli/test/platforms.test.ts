/**
 * Product exports of Shopify, WooCommerce, Magento 2 and BigCommerce (fixtures in
 * test/fixtures/platforms, written with each platform's real column names: see the sources named
 * at the top of each reader in src/feeds/platforms/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCatalog } from '@curio/core/internal';
import { describe, expect, it } from 'vitest';
import { parseProductFeed, type ParsedFeed } from '../src/index.js';

/** Vitest runs in the package directory. */
const FIXTURES = join(process.cwd(), 'test/fixtures/platforms');
const NOW = Date.parse('2024-01-15T12:00:00Z');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const read = (name: string): ParsedFeed => parseProductFeed(fixture(name), undefined, { now: NOW });
const byId = (feed: ParsedFeed): Record<string, (typeof feed.products)[number]> => Object.fromEntries(feed.products.map((p) => [p.id, p]));

/** Whether the SDK's own validation keeps a product (products without a category are its call). */
const sdkAccepts = (product: object): boolean => {
  try {
    return validateCatalog({ version: 1, currency: 'USD', products: [product] }).products.length === 1;
  } catch {
    return false;
  }
};

describe('Shopify product CSV export', () => {
  const feed = read('shopify-products.csv');

  it('is recognised by its header and makes one product per variant, grouped by handle', () => {
    expect(feed.platform).toBe('shopify');
    const products = byId(feed);
    expect(products['OBS-1']).toEqual({
      id: 'OBS-1', title: 'Ocean Blue Shirt', url: '/products/ocean-blue-shirt', price: 50,
      categories: ['Apparel & Accessories', 'Clothing', 'Shirts & Tops'], image: 'https://cdn.shopify.com/s/files/1/0001/products/ocean-blue-shirt.jpg',
      brand: 'partners-demo', inStock: true, tags: ['men', 'summer'], aliases: ['0123456789012', 'ocean-blue-shirt'],
    });
    // Continuation rows without a title are variants of the handle above; image-only rows add no product.
    const varsity = feed.products.filter((p) => p.group === 'classic-varsity-top-womens');
    expect(varsity.map((p) => [p.id, p.price, p.inStock, p.variant])).toEqual([
      ['CVT-XS-G', 60, false, { Size: 'XS', Color: 'Grey' }],
      ['CVT-S-G', 60, true, { Size: 'S', Color: 'Grey' }], // 0 in stock but "continue" selling
      ['CVT-M-B', 55, true, { Size: 'M', Color: 'Black' }],
    ]);
    expect(varsity.every((p) => p.title === 'Classic Varsity Top' && p.categories.join() === 'Tops')).toBe(true);
    expect(products['CVT-M-B']!.image).toBe('https://cdn.shopify.com/s/files/1/0001/products/varsity-black.jpg');
    expect(products['CVT-XS-G']!.aliases).toEqual(['classic-varsity-top-womens']);
  });

  it('leaves out drafts and reports unreadable prices with the column read and the columns expected', () => {
    expect(feed.products.some((p) => p.id === 'DH-1')).toBe(false);
    expect(feed.skipped).toContainEqual({ line: 8, message: 'product "draft-hoodie": not for sale (Status "draft"), left out' });
    expect(feed.skipped).toContainEqual({
      line: 10,
      message: 'product "gift-card", variant gift-card:$50: unreadable price "abc" in column "Variant Price"; expected one of the columns "Variant Price" or "Price"',
    });
  });

  it('keeps a product without a category exactly when the SDK accepts it', () => {
    const giftCard = { id: 'gift-card:$25', title: 'Gift Card', url: '/products/gift-card', price: 25, categories: [], brand: 'partners-demo', variant: { Denominations: '$25' } };
    const kept = feed.products.some((p) => p.id === 'gift-card:$25');
    expect(kept).toBe(sdkAccepts(giftCard));
    if (!kept) expect(feed.skipped).toContainEqual({ line: 9, message: expect.stringMatching(/^product "gift-card:\$25": invalid "categories", rejected by the SDK's catalog validation/) });
  });
});

describe('WooCommerce product CSV export', () => {
  const feed = read('woocommerce-products.csv');
  const products = byId(feed);

  it('groups variations under their variable product, found by SKU or id:N', () => {
    expect(feed.platform).toBe('woocommerce');
    const hoodie = feed.products.filter((p) => p.group === 'woo-hoodie');
    expect(hoodie.map((p) => [p.id, p.price, p.inStock, p.variant])).toEqual([
      ['woo-hoodie-blue-logo', 45, true, { Color: 'Blue', Logo: 'Yes' }],
      ['woo-hoodie-red', 35, false, { Color: 'Red', Logo: 'No' }], // sale 2024-01-01 … 01-31 includes NOW
      ['33', 40, true, { Color: 'Green', Logo: 'No' }], // no SKU: the WordPress id; Parent "id:12"
    ]);
    // Name, categories (the deepest of "Clothing > Hoodies, Clothing"), brand, tags from the parent.
    expect(products['woo-hoodie-red']).toMatchObject({ title: 'Hoodie', categories: ['Clothing', 'Hoodies'], brand: 'Woo', tags: ['warm', 'cotton'], url: '/?post_type=product&p=12' });
    // The first variation answers to the variable product's ids.
    expect(products['woo-hoodie-blue-logo']!.aliases).toEqual(['31', 'gla_31', 'woo-hoodie', '12', 'gla_12']);
  });

  it('reads simple products: sale price, GTIN, escaped commas, backorders', () => {
    expect(products['woo-beanie']).toMatchObject({ price: 18, categories: ['Clothing', 'Accessories'], aliases: ['15', 'gla_15', '4006381333931'], attributes: { Color: 'Red' } });
    expect(products['woo-cap']).toMatchObject({ categories: ['Clothing', 'Accessories, Hats'], inStock: true });
  });

  it('reports each skipped row with its line and columns', () => {
    expect(feed.skipped).toEqual([
      { line: 7, message: 'product SKU "woo-belt": not for sale (Published 0), left out' },
      { line: 9, message: 'product SKU "woo-album": no price ("Regular price" is empty); expected the column "Regular price"' },
      { line: 10, message: 'product SKU "woo-orphan": variation of "id:99", which is not a variable product of this file; expected the column "Parent"' },
    ]);
  });

  it('applies a sale price only within its dates', () => {
    const later = parseProductFeed(fixture('woocommerce-products.csv'), undefined, { now: Date.parse('2024-02-01T00:00:00Z') });
    expect(byId(later)['woo-hoodie-red']!.price).toBe(42);
  });
});

describe('Magento 2 catalog product export', () => {
  const feed = read('magento-products.csv');
  const products = byId(feed);

  it("makes a configurable product's children one group with the parent's name, page and categories", () => {
    expect(feed.platform).toBe('magento');
    expect(feed.products.filter((p) => p.group === 'MH01').map((p) => [p.id, p.price, p.inStock, p.variant])).toEqual([
      ['MH01-XS-Black', 52, true, { color: 'Black', size: 'XS' }],
      ['MH01-S-Gray', 41.6, false, { color: 'Gray', size: 'S' }], // special_price from 1/1/20, no end
    ]);
    expect(products['MH01-S-Gray']).toMatchObject({
      title: 'Chaz Kangeroo Hoodie', url: '/chaz-kangeroo-hoodie.html', categories: ['Men', 'Tops', 'Hoodies & Sweatshirts'],
      image: '/media/catalog/product/m/h/mh01-gray_main_1.jpg', brand: 'Luma', attributes: { material: ['Fleece', 'Polyester'], color: 'Gray', size: 'S' },
    });
    expect(products['MH01-XS-Black']!.aliases).toEqual(['MH01']);
    // The store view row (fr) is a translation, not a product.
    expect(feed.products.some((p) => p.title.startsWith('Sweat'))).toBe(false);
  });

  it('ignores a special price that has not started, and leaves out disabled products', () => {
    expect(products['24-MB01']).toMatchObject({ price: 34, categories: ['Gear', 'Bags'] });
    expect(feed.skipped).toContainEqual({ line: 7, message: 'product sku "24-MB02": disabled (product_online 2), left out' });
  });
});

describe('BigCommerce product export', () => {
  const feed = read('bigcommerce-products.csv');
  const products = byId(feed);

  it('makes SKU rows the variants of the product above them', () => {
    expect(feed.platform).toBe('bigcommerce');
    expect(feed.products.filter((p) => p.group === '77').map((p) => [p.id, p.price, p.inStock, p.variant])).toEqual([
      ['SLCTBS-S-BE', 45, true, { Size: 'Small', Color: 'Beige' }], // priced by the Rule row naming the SKU
      ['SLCTBS-L-BE', 59, false, { Size: 'Large', Color: 'Beige' }], // [ADD]10, stock 0
    ]);
    expect(products['SLCTBS-S-BE']).toMatchObject({
      categories: ['Bath', 'Towels'], brand: 'Common Good', url: '/fog-linen-chambray-towel-beige-stripe/',
      image: '/product_images/k/533/foglinenbeigestripetowel1b__72054.1534344617.jpg', aliases: ['SLCTBS', '77'],
    });
  });

  it('reads sale prices, escaped slashes in categories and GTINs, and leaves out hidden products', () => {
    expect(products['ABS']).toMatchObject({ price: 199, categories: ['Kitchen', 'Coffee/Tea'], aliases: ['86', '0850000013516'], inStock: true });
    expect(feed.skipped).toEqual([{ line: 8, message: 'product "HJ": not visible (Product Visible? N), left out' }]);
  });
});

describe('every platform', () => {
  it('writes only products the SDK validation accepts', () => {
    for (const name of ['shopify-products.csv', 'woocommerce-products.csv', 'magento-products.csv', 'bigcommerce-products.csv']) {
      const { products } = read(name);
      expect(validateCatalog({ version: 1, currency: 'USD', products }).problems).toEqual([]);
    }
  });
});
