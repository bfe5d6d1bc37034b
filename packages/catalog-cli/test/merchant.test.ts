import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBuildArguments, parseProductFeed, runBuild, silentProgress } from '../src/index.js';

const feed = (dir: string) => {
  const path = join(dir, 'products.json');
  writeFileSync(
    path,
    JSON.stringify([
      { id: 'a', title: 'Rain Shell', price: 120, link: '/a', product_type: 'Jackets', tags: ['rainy-day', 'staff-pick'] },
      { id: 'b', title: 'Sun Hat', price: 20, link: '/b', product_type: 'Hats', tags: 'summer, staff-pick', custom_label_0: 'clearance' },
    ]),
  );
  return path;
};

describe('rules and collections in the catalog', () => {
  it('reads tags from a list, comma-separated text and Merchant Center custom labels', () => {
    const { products } = parseProductFeed('[{"id":"b","title":"Sun Hat","price":20,"link":"/b","product_type":"Hats","tags":"summer, staff-pick","custom_label_0":"clearance","custom_label_1":""}]');
    expect(products[0]!.tags).toEqual(['summer', 'staff-pick', 'clearance']);
  });

  it('--rules copies checked rules and collections into catalog.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curio-rules-'));
    const rules = join(dir, 'merchant.json');
    const merchant = {
      rules: [{ id: 'rainy-day', when: { context: { weather: 'rain' } }, then: { boost: { tag: 'rainy-day' }, label: 'Staff pick for rainy days' } }],
      collections: [{ id: 'picks', name: 'Staff picks', filter: { tag: 'staff-pick' } }],
    };
    writeFileSync(rules, JSON.stringify(merchant));
    await runBuild(parseBuildArguments(['build', '--products', feed(dir), '--out', dir, '--rules', rules]), silentProgress);
    const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
    expect(catalog.rules).toEqual(merchant.rules);
    expect(catalog.collections).toEqual(merchant.collections);
    expect(catalog.products[0].tags).toEqual(['rainy-day', 'staff-pick']);
  });

  it('a bad rule fails the build with every problem named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curio-rules-'));
    const rules = join(dir, 'merchant.json');
    writeFileSync(rules, JSON.stringify({ rules: [{ id: 'x', then: { pin: { tag: 'a' } }, when: { device: 'phone' } }], collections: [{ id: 'c', name: 'C' }] }));
    const run = () => runBuild(parseBuildArguments(['build', '--products', feed(dir), '--out', dir, '--rules', rules]), silentProgress);
    await expect(run()).rejects.toThrow(/2 problem\(s\):\n {2}rule "x": "when.device" must be one of mobile, tablet, desktop.*\n {2}collection "c": needs either "items"/s);
    writeFileSync(rules, '{"rulez": []}');
    await expect(run()).rejects.toThrow('unknown field(s) rulez');
  });
});
