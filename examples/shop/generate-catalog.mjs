// Generates the demo shop's data with a seeded PRNG (same seed → same files):
//   public/products.json  a product feed (≥ 1,000 products, 12 categories, brands, attributes, reviews)
//   public/sessions.txt   synthetic browsing sessions, one per line, item ids separated by spaces
//   public/catalog.json   the catalog file v1 the SDK loads (popularity + "viewed together" neighbours)
// The catalog is built with the catalog CLI (node packages/catalog-cli/dist/cli.js build
// --products … --interactions … --rules merchant.json --out …: neighbour lists and weights tuned on
// the sessions, plus the shop's hand-written rules and collections from merchant.json);
// `--inline` writes a simpler co-occurrence catalog without it (no build needed, seconds faster).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SEED = 20240611;
const PRODUCTS = 1200;
const SESSIONS = 6000;
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = [
  { path: ['Women', 'Dresses'], nouns: ['Wrap Dress', 'Midi Dress', 'Shirt Dress', 'Slip Dress'], sizes: 'XS S M L XL', price: 70, materials: ['linen', 'cotton', 'viscose', 'silk'] },
  { path: ['Women', 'Knitwear'], nouns: ['Crew Jumper', 'Cardigan', 'Roll Neck', 'Knit Vest'], sizes: 'XS S M L XL', price: 80, materials: ['merino', 'cashmere', 'cotton', 'alpaca'] },
  { path: ['Men', 'Shirts'], nouns: ['Oxford Shirt', 'Linen Overshirt', 'Flannel Shirt', 'Poplin Shirt'], sizes: 'S M L XL XXL', price: 55, materials: ['linen', 'cotton', 'flannel'] },
  { path: ['Men', 'Jackets'], nouns: ['Field Jacket', 'Rain Shell', 'Down Jacket', 'Chore Coat'], sizes: 'S M L XL XXL', price: 160, materials: ['nylon', 'waxed cotton', 'wool', 'recycled polyester'] },
  { path: ['Shoes', 'Running'], nouns: ['Trail Runner', 'Road Runner', 'Tempo Trainer', 'Racer'], sizes: '38 39 40 41 42 43 44 45', price: 120, materials: ['mesh', 'knit'] },
  { path: ['Shoes', 'Boots'], nouns: ['Chelsea Boot', 'Hiking Boot', 'Work Boot', 'Desert Boot'], sizes: '38 39 40 41 42 43 44 45', price: 150, materials: ['leather', 'suede', 'nubuck'] },
  { path: ['Outdoor', 'Tents'], nouns: ['Dome Tent', 'Tunnel Tent', 'Ultralight Tent', 'Family Tent'], sizes: '', price: 260, materials: ['nylon', 'polyester'] },
  { path: ['Outdoor', 'Backpacks'], nouns: ['Daypack', 'Trek Pack', 'Roll-top Pack', 'Hip Pack'], sizes: '', price: 90, materials: ['nylon', 'canvas', 'recycled polyester'] },
  { path: ['Home', 'Lamps'], nouns: ['Table Lamp', 'Floor Lamp', 'Pendant', 'Desk Lamp'], sizes: '', price: 110, materials: ['brass', 'ceramic', 'oak', 'glass'] },
  { path: ['Home', 'Textiles'], nouns: ['Throw', 'Cushion Cover', 'Duvet Set', 'Table Runner'], sizes: '', price: 60, materials: ['linen', 'wool', 'cotton'] },
  { path: ['Kitchen', 'Cookware'], nouns: ['Skillet', 'Dutch Oven', 'Saucepan', 'Wok'], sizes: '', price: 95, materials: ['cast iron', 'stainless steel', 'carbon steel'] },
  { path: ['Kitchen', 'Tableware'], nouns: ['Plate Set', 'Bowl Set', 'Mug', 'Carafe'], sizes: '', price: 40, materials: ['stoneware', 'porcelain', 'glass'] },
];
const BRANDS = ['Northwind', 'Alpine Co', 'Cove & Pine', 'Fjell', 'Marlow', 'Oaken', 'Saltwater', 'Kestrel', 'Bramble', 'Lumen', 'Harbor', 'Tidewell', 'Ember', 'Wren', 'Atlas'];
const COLOURS = ['black', 'navy', 'olive', 'sand', 'rust', 'grey', 'white', 'forest'];
const ADJECTIVES = ['Classic', 'Everyday', 'Heritage', 'Light', 'Coastal', 'Alpine', 'Urban', 'Studio', 'Nordic', 'Field'];
/** Merchant tags for rules and collections (docs/rules.md), derived from what a product is: no random draws. */
const RAINY = new Set(['Rain Shell', 'Field Jacket', 'Chelsea Boot', 'Hiking Boot', 'Work Boot', 'Roll-top Pack', 'Tunnel Tent']);
const LUXURY = new Set(['cashmere', 'silk', 'alpaca', 'brass']);
const tagsOf = (noun, material) => [...(RAINY.has(noun) ? ['rainy-day'] : []), ...(LUXURY.has(material) ? ['quiet-luxury'] : [])];
const QUOTES = ['light and warm', 'fits true to size', 'great quality for the price', 'beautiful colour', 'well made', 'exactly as pictured', 'comfortable all day', 'sturdy and simple', 'my second one', 'looks even better in person'];

/** The feed and the sessions, fully determined by the seed. */
export function generate(seed = SEED) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const products = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const category = CATEGORIES[i % CATEGORIES.length];
    const brand = BRANDS[Math.floor(random() ** 1.3 * BRANDS.length)];
    const colour = pick(COLOURS);
    const id = `sku-${String(1000 + i)}`;
    const attributes = { colour, material: pick(category.materials) };
    const noun = category.nouns[i % category.nouns.length];
    if (category.sizes) attributes.size = category.sizes.split(' ');
    const rating = Math.round((3.4 + random() * 1.6) * 10) / 10;
    products.push({
      id,
      title: `${pick(ADJECTIVES)} ${noun} — ${colour}`,
      url: `/p/${id}.html`,
      image: `/img/${id}.svg`,
      price: Math.round(category.price * (0.5 + random() * 1.2)) - 0.05,
      currency: 'EUR',
      categories: category.path,
      brand,
      attributes,
      inStock: random() > 0.05,
      rating,
      reviewCount: Math.floor(random() ** 2 * 400),
      reviews: [pick(QUOTES), pick(QUOTES)].filter((quote, index, all) => all.indexOf(quote) === index),
      tags: tagsOf(noun, attributes.material),
    });
  }
  // Shoppers browse within a category, with a soft preference for one brand, sometimes crossing over.
  const byCategory = CATEGORIES.map((_, c) => products.filter((_, i) => i % CATEGORIES.length === c));
  const sessions = [];
  for (let s = 0; s < SESSIONS; s++) {
    let category = Math.floor(random() ** 1.5 * CATEGORIES.length);
    const brand = pick(BRANDS);
    const length = 2 + Math.floor(random() * 8);
    const session = [];
    for (let k = 0; k < length; k++) {
      if (random() < 0.12) category = (category + (random() < 0.5 ? 1 : CATEGORIES.length - 1)) % CATEGORIES.length;
      const pool = byCategory[category];
      const sameBrand = pool.filter((p) => p.brand === brand);
      const product = sameBrand.length && random() < 0.5 ? pick(sameBrand) : pool[Math.floor(random() ** 2 * pool.length)];
      if (session.at(-1) !== product.id) session.push(product.id);
    }
    sessions.push(session);
  }
  return { products, sessions };
}

/** The catalog file v1, built inline: popularity = views, neighbours = co-views within a session (top 20). */
export function inlineCatalog(products, sessions, meta) {
  const popularity = {};
  const pairs = new Map();
  for (const session of sessions) {
    for (const id of session) popularity[id] = (popularity[id] ?? 0) + 1;
    for (const a of new Set(session)) {
      const row = pairs.get(a) ?? new Map();
      pairs.set(a, row);
      for (const b of new Set(session)) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const rows = {};
  for (const [id, row] of pairs) rows[id] = [...row].sort((x, y) => y[1] - x[1]).slice(0, 20);
  const merchant = JSON.parse(readFileSync(here('./merchant.json'), 'utf8'));
  return { version: 1, currency: 'EUR', products, popularity, neighbors: [{ id: 'cooc', kind: 'viewed_together', rows }], ...merchant, meta };
}

/** Writes the feed, the sessions and catalog.json into `out` (default examples/shop/public/). */
export function writeShopData({ out = here('./public/'), useCli = true } = {}) {
  mkdirSync(out, { recursive: true });
  const { products, sessions } = generate();
  const feed = `${out}/products.json`;
  const log = `${out}/sessions.txt`;
  writeFileSync(feed, JSON.stringify(products));
  writeFileSync(log, sessions.map((session) => session.join(' ')).join('\n') + '\n');
  const meta = { generated: true, generator: 'examples/shop/generate-catalog.mjs', seed: SEED, products: products.length, sessions: sessions.length };
  if (useCli) {
    execFileSync(process.execPath, [here('../../packages/catalog-cli/dist/cli.js'), 'build', '--products', feed, '--interactions', log, '--out', out, '--currency', 'EUR', '--rules', here('./merchant.json')], { stdio: 'inherit' });
    const catalog = JSON.parse(readFileSync(`${out}/catalog.json`, 'utf8'));
    writeFileSync(`${out}/catalog.json`, JSON.stringify({ ...catalog, meta: { ...meta, builtWith: catalog.meta?.generator } }));
  } else {
    writeFileSync(`${out}/catalog.json`, JSON.stringify(inlineCatalog(products, sessions, meta)));
  }
  return { products: products.length, sessions: sessions.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = writeShopData({ useCli: !process.argv.includes('--inline') });
  console.log(`generated ${written.products} products and ${written.sessions} sessions into examples/shop/public/`);
}
