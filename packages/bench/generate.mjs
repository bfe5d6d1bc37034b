// A seeded synthetic catalog of any size for benchmarks: categories, brands, attributes,
// Zipf-like popularity and one "viewed together" list (K = 20, mostly within the category).

/** Small seeded PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A catalog file (format v1) with `n` products. */
export function generateCatalog(n, seed = 1) {
  const rnd = prng(seed);
  const categories = Array.from({ length: 60 }, (_, c) => [`Dept ${c % 8}`, `Category ${c}`]);
  const colors = ['black', 'white', 'grey', 'navy', 'green', 'red', 'sand', 'olive'];
  const sizes = ['XS', 'S', 'M', 'L', 'XL'];
  const products = [];
  const byCategory = categories.map(() => []);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rnd() ** 1.5 * categories.length);
    byCategory[c].push(i);
    products.push({
      id: `sku-${i}`,
      title: `Product ${i}`,
      url: `/p/sku-${i}`,
      price: Math.round(5 + rnd() * 300),
      categories: categories[c],
      brand: `Brand ${Math.floor(rnd() * 40)}`,
      attributes: { color: colors[Math.floor(rnd() * colors.length)], size: sizes.filter(() => rnd() < 0.5) },
      rating: Math.round((3 + rnd() * 2) * 10) / 10,
      reviewCount: Math.floor(rnd() * 300),
    });
  }
  const popularity = {};
  for (let i = 0; i < n; i++) popularity[`sku-${i}`] = Math.round(1000 / (1 + i * rnd()));
  const rows = {};
  for (let i = 0; i < n; i++) {
    const members = byCategory[categories.indexOf(products[i].categories)];
    const row = new Map();
    for (let k = 0; k < 20; k++) {
      const pool = rnd() < 0.8 && members.length > 1 ? members : null;
      const j = pool ? pool[Math.floor(rnd() * pool.length)] : Math.floor(rnd() * n);
      if (j !== i) row.set(`sku-${j}`, Math.round(rnd() * 100) / 10 + 0.1);
    }
    rows[`sku-${i}`] = [...row];
  }
  return { version: 1, currency: 'EUR', products, popularity, neighbors: [{ id: 'viewed', kind: 'viewed_together', rows }], meta: { generated: true } };
}
