/** Orders exports of Shopify and WooCommerce as interaction logs, and builds that refuse files they cannot use. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBuildArguments, parseProductFeed, readInteractions, runBuild, silentProgress, type Progress } from '../src/index.js';

const FIXTURES = join(process.cwd(), 'test/fixtures/platforms');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** Id and aliases → position, as the build resolves interaction ids. */
function indexOf(file: string): Map<string, number> {
  const { products } = parseProductFeed(fixture(file), undefined, { now: Date.parse('2024-01-15T12:00:00Z') });
  const index = new Map<string, number>();
  products.forEach((p, i) => index.set(p.id, i));
  products.forEach((p, i) => p.aliases?.forEach((a) => index.has(a) || index.set(a, i)));
  return index;
}

describe('orders exports', () => {
  it('reads a Shopify orders export: order Name, Lineitem sku, Created at (orders sorted by time)', () => {
    const index = indexOf('shopify-products.csv');
    const read = readInteractions(fixture('shopify-orders.csv'), index);
    expect(read.readAs).toBe('Shopify orders export: order "Name", item "Lineitem sku", time "Created at"; 1 cancelled or refunded orders left out');
    // #1001 (1 March) before #1002 (2 March); the custom line item has no SKU; #1003 was cancelled.
    expect(read.log).toEqual({ kind: 'orders', sequences: [[index.get('CVT-XS-G'), index.get('OBS-1')], [index.get('OBS-1'), index.get('CVT-M-B')]] });
    expect(read.badLines).toEqual([{ line: 6, message: 'no item id: columns "Lineitem sku" are empty' }]);
  });

  it('reads a WooCommerce orders export, taking the first of SKU, Variation Id, Product Id the catalog knows', () => {
    const index = indexOf('woocommerce-products.csv');
    const read = readInteractions(fixture('woocommerce-orders.csv'), index);
    expect(read.readAs).toBe('WooCommerce orders export: order "Order Number", item "SKU" or "Variation Id" or "Product Id", time "Order Date"; 1 cancelled or refunded orders left out');
    expect(read.log.sequences).toEqual([
      [index.get('woo-beanie'), index.get('33')], // the green hoodie has no SKU: its variation id
      [index.get('woo-hoodie-blue-logo'), index.get('woo-cap')],
    ]);
    expect(read.unknownItems).toBe(0);
  });

  it("refuses WooCommerce's Analytics orders report, which names products but no ids", () => {
    const report = 'Date,Order #,Status,Customer,Customer type,Product(s),Items sold,Coupon(s),Net Sales\n2024-02-03,4101,Completed,Ana,new,"Beanie, Hoodie - Green",2,,58\n';
    expect(() => readInteractions(report, new Map())).toThrow(/Analytics orders report .* names products, not ids/);
  });
});

describe('a build whose interactions name no known item', () => {
  const dir = mkdtempSync(join(tmpdir(), 'curio-orders-'));
  const notes: string[] = [];
  const progress: Progress = { note: (m) => notes.push(m), tick: () => {}, done: () => {} };
  const feed = join(dir, 'feed.csv');
  writeFileSync(feed, 'id,title,price,link,product_type\np1,One,1,/1,A\np2,Two,2,/2,A\n');

  it('fails on a Shopify orders export whose SKUs are not the feed ids, saying how it read the file', async () => {
    const orders = join(dir, 'orders.csv');
    writeFileSync(orders, fixture('shopify-orders.csv'));
    await expect(runBuild(parseBuildArguments(['build', '--products', feed, '--interactions', orders, '--out', join(dir, 'out')]), progress)).rejects.toThrow(
      /no item of the file is a product of the feed \(4 unknown item references, 1 bad lines\)\.\n {2}read as Shopify orders export: order "Name", item "Lineitem sku", time "Created at"; 1 cancelled/,
    );
  });

  it('fails on a file whose columns fit no layout (the email read as an item id)', async () => {
    const other = join(dir, 'customers.csv');
    writeFileSync(other, 'Customer,Email,Total\nAna,ana@example.com,10\n');
    await expect(runBuild(parseBuildArguments(['build', '--products', feed, '--interactions', other, '--out', join(dir, 'out2')]), progress)).rejects.toThrow(
      /read as order history by position: order_id,item_id\[,timestamp\]; its first line is "Customer,Email,Total"\.\n {2}Expected: sessions/,
    );
  });

  it('builds from a Shopify product export and its orders export, variants resolved by SKU', async () => {
    const products = join(dir, 'products_export.csv');
    const orders = join(dir, 'orders_export.csv');
    writeFileSync(products, fixture('shopify-products.csv'));
    writeFileSync(orders, fixture('shopify-orders.csv'));
    const out = join(dir, 'shopify');
    await runBuild(parseBuildArguments(['build', '--products', products, '--interactions', orders, '--out', out, '--no-tune']), silentProgress);
    const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
    expect(catalog.products.filter((p: { group?: string }) => p.group === 'classic-varsity-top-womens')).toHaveLength(3);
    expect(catalog.neighbors[0].rows['OBS-1']).toEqual(expect.arrayContaining([['CVT-XS-G', expect.any(Number)], ['CVT-M-B', expect.any(Number)]]));
  });
});
