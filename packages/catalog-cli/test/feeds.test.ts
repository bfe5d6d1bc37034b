import { describe, expect, it } from 'vitest';
import { detectFeedFormat, parseDelimited, parseProductFeed } from '../src/index.js';

describe('JSON feeds', () => {
  it('reads an array and JSON lines, with Merchant Center style fields', () => {
    const array = parseProductFeed('[\n{"id":"a","title":"A","url":"/a","price":"12.99 EUR","product_type":"Men > Shirts"},\n{"id":"b","title":"B","link":"/b","price":3,"categories":["X"]}\n]');
    expect(array.format).toBe('json');
    expect(array.products).toEqual([
      { id: 'a', title: 'A', url: '/a', price: 12.99, currency: 'EUR', categories: ['Men', 'Shirts'] },
      { id: 'b', title: 'B', url: '/b', price: 3, categories: ['X'] },
    ]);
    const lines = parseProductFeed('{"id":"a","title":"A","price":1,"categories":["X"]}\n\n{"id":"b","title":"B"}\n{oops\n');
    expect(lines.products.map((p) => p.id)).toEqual(['a']);
    expect(lines.skipped).toEqual([
      { line: 3, message: 'product b: missing price: read fields id, title; expected price' },
      { line: 4, message: expect.stringMatching(/^invalid JSON/) },
    ]);
  });

  it('numbers array entries by their line and reports invalid JSON with its line', () => {
    const feed = parseProductFeed('[\n  {"id":"a","title":"A","price":1,"categories":["X"]},\n  {"title":"no id","price":1}\n]');
    expect(feed.skipped).toEqual([{ line: 3, message: 'missing id: read fields title, price; expected one of id, item_id, sku, offer_id' }]);
    const broken = parseProductFeed('[\n{"id":"a","title":"A","price":1,"categories":["X"]},\n{"id":"b",\n"title": }\n]');
    expect(broken.products.map((p) => p.id)).toEqual(['a']);
    expect(broken.skipped).toEqual([{ line: 3, message: expect.stringMatching(/^invalid JSON/) }]);
    expect(parseProductFeed('[\n{"id":"a"').skipped).toEqual([{ line: 2, message: 'invalid JSON: the array is never closed' }]);
  });
});

describe('CSV and Merchant Center TSV feeds', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseDelimited('a,b\n"x, ""y""","multi\nline"\n', ',')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', 'multi\nline'] },
    ]);
    expect(() => parseDelimited('a\n"open', ',')).toThrow(/line 2/);
  });

  it('maps columns, skips bad rows with their line numbers, and skips repeated ids', () => {
    const csv = 'id,title,price,link,brand,availability,rating,product_type\n1,"Shirt, blue",19.90,/1,Acme,in stock,4.5,Tops\n2,Hat,free,/2,,,,\n3,Scarf\n1,Again,1,/1,,,,\n';
    const feed = parseProductFeed(csv);
    expect(feed.format).toBe('csv');
    expect(feed.products).toEqual([{ id: '1', title: 'Shirt, blue', url: '/1', price: 19.9, categories: ['Tops'], brand: 'Acme', inStock: true, rating: 4.5 }]);
    expect(feed.skipped).toEqual([
      { line: 3, message: 'product 2: unreadable price "free" in field price; expected a number with an optional ISO 4217 code, e.g. 12.99 EUR' },
      { line: 4, message: 'expected 8 fields as in the header, found 2' },
      { line: 5, message: 'product 1: repeats the id of line 2' },
    ]);
  });

  it('reads a Google Merchant Center TSV', () => {
    const tsv = 'id\ttitle\tlink\timage_link\tprice\tsale_price\tproduct_type\tgoogle_product_category\tbrand\tavailability\tcolor\n' +
      'SKU1\tTrail Runner 2\thttps://shop/sku1\thttps://shop/sku1.jpg\t120.00 USD\t99.00 USD\tShoes > Running\t187\tNorth\tout of stock\tred\n';
    const feed = parseProductFeed(tsv);
    expect(feed.format).toBe('tsv');
    expect(feed.products).toEqual([
      {
        id: 'SKU1', title: 'Trail Runner 2', url: 'https://shop/sku1', image: 'https://shop/sku1.jpg', price: 99, currency: 'USD',
        categories: ['Shoes', 'Running'], brand: 'North', inStock: false, attributes: { color: 'red' },
      },
    ]);
  });

  it('makes one group of the variants of an item_group_id, each with its colour and size as `variant`', () => {
    // Merchant Center: one row per variant, sharing item_group_id (support.google.com/merchants/answer/6324507).
    const tsv = 'id\ttitle\tlink\tprice\tproduct_type\titem_group_id\tcolor\tsize\tmaterial\n' +
      'CC-NAVY-M\tChore Coat\t/cc\t89.00 EUR\tMen > Jackets\tCC\tnavy\tM\tcotton\n' +
      'CC-BLACK-L\tChore Coat\t/cc\t89.00 EUR\tMen > Jackets\tCC\tblack\tL\tcotton\n' +
      'MUG\tMug\t/mug\t9.00 EUR\tHome\t\t\t\t\n';
    const [navy, black, mug] = parseProductFeed(tsv).products;
    expect(navy).toMatchObject({ group: 'CC', variant: { color: 'navy', size: 'M', material: 'cotton' }, attributes: { color: 'navy', size: 'M', material: 'cotton' } });
    expect(black).toMatchObject({ group: 'CC', variant: { color: 'black', size: 'L', material: 'cotton' } });
    expect(mug!.group).toBeUndefined();
    expect(mug!.variant).toBeUndefined();
  });
});

describe('Merchant Center XML feeds', () => {
  const xml = `<?xml version="1.0"?>
<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0">
<channel>
<title>Shop</title>
<item>
  <g:id>A1</g:id>
  <title><![CDATA[Linen Overshirt & Co]]></title>
  <link>https://shop/a1</link>
  <g:price>49.00 EUR</g:price>
  <g:product_type>Men &gt; Shirts</g:product_type>
  <g:shipping><g:country>DE</g:country></g:shipping>
</item>
<item>
  <g:id>A2</g:id>
  <title>No price</title>
</item>
</channel>
</rss>`;

  it('reads <item> elements with g: fields and reports bad items by line', () => {
    const feed = parseProductFeed(xml);
    expect(feed.format).toBe('xml');
    expect(feed.products).toEqual([
      { id: 'A1', title: 'Linen Overshirt & Co', url: 'https://shop/a1', price: 49, currency: 'EUR', categories: ['Men', 'Shirts'] },
    ]);
    expect(feed.skipped).toEqual([{ line: 13, message: 'product A2: missing price: read fields id, title; expected price' }]);
  });

  it('detects formats from content', () => {
    expect(detectFeedFormat(xml)).toBe('xml');
    expect(detectFeedFormat(' [{}]')).toBe('json');
    expect(detectFeedFormat('id\ttitle\n')).toBe('tsv');
    expect(detectFeedFormat('id,title\n')).toBe('csv');
  });
});

describe('Merchant Center variants, ids and sale dates', () => {
  const tsv =
    'id\titem_group_id\ttitle\tlink\tprice\tsale_price\tsale_price_effective_date\tproduct_type\tgtin\tsize\n' +
    'shopify_US_8011_4401\tshopify_US_8011\tTrail Tee\t/products/trail-tee?variant=4401\t30.00 USD\t20.00 USD\t2024-02-24T11:07+0100/2024-02-29T23:07+0100\tTops\t00012345600012\tS\n' +
    'shopify_US_8011_4402\tshopify_US_8011\tTrail Tee\t/products/trail-tee?variant=4402\t30.00 USD\t20.00 USD\t2024-03-01T00:00Z/2024-03-10T00:00Z\tTops\t\tM\n' +
    'bad-link\t\tBad\tjavascript:alert(1)\t5 USD\t\t\tTops\t\t\n';
  const at = (iso: string) => parseProductFeed(tsv, undefined, { now: Date.parse(iso) });

  it('uses a sale price only inside sale_price_effective_date', () => {
    expect(at('2024-02-25T12:00Z').products.map((p) => p.price)).toEqual([20, 30]);
    expect(at('2024-03-05T12:00Z').products.map((p) => p.price)).toEqual([30, 20]);
  });

  it('groups by item_group_id and lets Shopify feed ids answer to the variant and product ids', () => {
    const [s, m] = at('2024-01-01T00:00Z').products;
    expect(s).toMatchObject({ id: 'shopify_US_8011_4401', group: 'shopify_US_8011', aliases: ['4401', '8011', '00012345600012'], attributes: { size: 'S' } });
    // "8011" already names the first variant: an alias means one product.
    expect(m).toMatchObject({ id: 'shopify_US_8011_4402', group: 'shopify_US_8011', aliases: ['4402'] });
  });

  it("leaves out what the SDK's validation would reject, naming the line and the field", () => {
    const feed = at('2024-01-01T00:00Z');
    expect(feed.products.map((p) => p.id)).not.toContain('bad-link');
    expect(feed.skipped).toEqual([{ line: 4, message: `product "bad-link": invalid "url", rejected by the SDK's catalog validation (docs/catalog-format.md)` }]);
  });

  it('says which columns a CSV without an id column has, and which it expected', () => {
    const feed = parseProductFeed('Produkt,Preis\nHemd,10\n');
    expect(feed.products).toEqual([]);
    expect(feed.skipped).toEqual([
      {
        line: 1,
        message: expect.stringMatching(/^the header has no id column: read columns "Produkt", "Preis"; expected one of id, item_id, sku, offer_id .*shopify: Handle, Title, Variant Price, Option1 Name; woocommerce: ID, Type, SKU, Name, Regular price, Parent/),
      },
    ]);
  });
});

describe('sale dates', () => {
  it('count an end date without a time as the whole day, and name a date that cannot be read', async () => {
    const { saleApplies } = await import('../src/feeds/fieldValues.js');
    const day = Date.parse('2024-02-29T18:00:00Z');
    expect(saleApplies('2024-02-01', '2024-02-29', day)).toBe(true);
    expect(saleApplies(undefined, '2024-02-29T12:00:00Z', day)).toBe(false);
    expect(saleApplies('2024-03-01', undefined, day)).toBe(false);
    expect(saleApplies('soon', undefined, day)).toBe('soon');
  });
});
