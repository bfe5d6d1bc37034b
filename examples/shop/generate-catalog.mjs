// Generates the demo shop's data with a seeded PRNG (same seed → same files):
//   public/products.json  a product feed (≥ 1,000 products, 12 categories, brands, attributes, reviews)
//   public/sessions.txt   synthetic browsing sessions, one per line, item ids separated by spaces
//   public/catalog.json   the catalog file v1 the SDK loads (popularity, "viewed together" neighbours
//                         from the sessions, "bought together" from synthetic orders)
//   public/neighbors/     the neighbour rows in shards (one per product page), as the CLI writes a
//                         catalog this size by default
// Products come in variant groups (colours × sizes), as real feeds list them.
// The catalog is built with the catalog CLI (node packages/catalog-cli/dist/cli.js build
// --products … --interactions … --rules merchant.json --out …: neighbour lists and weights tuned on
// the sessions, plus the shop's hand-written rules and collections from merchant.json);
// `--inline` writes a simpler co-occurrence catalog without it (no build needed, seconds faster).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SEED = 20240611;
const PRODUCTS = 1200;
const SESSIONS = 6000;
const ORDERS = 1500;
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

/** Categories whose products are often bought together with a category's (by index in CATEGORIES). */
const COMPLEMENTS = [[1, 5], [0, 2], [3, 5], [5, 7, 2], [7], [3, 6], [7], [6, 4], [9], [8], [11], [10]];

/**
 * The feed, the sessions and the orders, fully determined by the seed. Products come in variant
 * groups as a real feed has them (Merchant Center `item_group_id`, a Shopify export's one row per
 * variant): 1–3 colours, and for clothes and shoes 3 neighbouring sizes of each colour; every
 * variant is a product with `group` (the group's first variant's id) and `variant` values.
 */
export function generate(seed = SEED) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const products = [];
  const groups = [];
  const named = new Set();
  for (let g = 0; products.length < PRODUCTS; g++) {
    const category = CATEGORIES[g % CATEGORIES.length];
    const brand = BRANDS[Math.floor(random() ** 1.3 * BRANDS.length)];
    const noun = category.nouns[Math.floor(g / CATEGORIES.length) % category.nouns.length];
    // One name per group: a second "Everyday Chore Coat" of another brand would look like a duplicate.
    let name = `${pick(ADJECTIVES)} ${noun}`;
    for (let tries = 0; named.has(name) && tries < 20; tries++) name = `${pick(ADJECTIVES)} ${noun}`;
    if (named.has(name)) name = `${brand} ${name}`;
    named.add(name);
    const colours = [...new Set([pick(COLOURS), pick(COLOURS), pick(COLOURS)].slice(0, 1 + Math.floor(random() * 3)))];
    const allSizes = category.sizes ? category.sizes.split(' ') : [];
    const from = Math.floor(random() * Math.max(1, allSizes.length - 2));
    const sizes = allSizes.length ? allSizes.slice(from, from + 3) : [undefined];
    const material = pick(category.materials);
    const price = Math.round(category.price * (0.5 + random() * 1.2)) - 0.05;
    const rating = Math.round((3.4 + random() * 1.6) * 10) / 10;
    const reviewCount = Math.floor(random() ** 2 * 400);
    const reviews = [pick(QUOTES), pick(QUOTES)].filter((quote, index, all) => all.indexOf(quote) === index);
    const lead = `sku-${String(1000 + g)}`;
    const members = [];
    const values = [];
    for (const colour of colours) {
      for (const size of sizes) {
        const id = members.length ? `${lead}-${colour}${size ? `-${size.toLowerCase()}` : ''}` : lead;
        const variant = size ? { colour, size } : { colour };
        values.push(variant);
        members.push({
          id,
          title: `${name} — ${colour}`,
          url: `/p/${id}.html`,
          image: `/img/${id}.svg`,
          price,
          currency: 'EUR',
          categories: category.path,
          brand,
          attributes: { ...variant, material },
          inStock: random() > 0.08,
          rating,
          reviewCount,
          reviews,
          tags: tagsOf(noun, material),
        });
      }
    }
    if (members.length > 1) members.forEach((p, k) => Object.assign(p, { group: lead, variant: values[k] }));
    products.push(...members);
    groups.push({ category: g % CATEGORIES.length, brand, members });
  }
  // Shoppers browse products within a category, with a soft preference for one brand, sometimes
  // crossing over; a product page opens on its first variant, sometimes on another.
  const byCategory = CATEGORIES.map((_, c) => groups.filter((group) => group.category === c));
  const variantOf = (group) => (random() < 0.7 ? group.members[0] : pick(group.members)).id;
  const popularGroup = (c) => byCategory[c][Math.floor(random() ** 2 * byCategory[c].length)];
  const sessions = [];
  for (let s = 0; s < SESSIONS; s++) {
    let category = Math.floor(random() ** 1.5 * CATEGORIES.length);
    const brand = pick(BRANDS);
    const length = 2 + Math.floor(random() * 8);
    const session = [];
    for (let k = 0; k < length; k++) {
      if (random() < 0.12) category = (category + (random() < 0.5 ? 1 : CATEGORIES.length - 1)) % CATEGORIES.length;
      const sameBrand = byCategory[category].filter((group) => group.brand === brand);
      const id = variantOf(sameBrand.length && random() < 0.5 ? pick(sameBrand) : popularGroup(category));
      if (session.at(-1) !== id) session.push(id);
    }
    sessions.push(session);
  }
  // Orders: one product and one or two of what goes with it (boots with a jacket, a throw with a lamp).
  const orders = [];
  for (let o = 0; o < ORDERS; o++) {
    const category = Math.floor(random() ** 1.5 * CATEGORIES.length);
    const order = [variantOf(popularGroup(category))];
    const extra = 1 + Math.floor(random() * 2);
    for (let k = 0; k < extra; k++) order.push(variantOf(popularGroup(pick(COMPLEMENTS[category]))));
    orders.push(order);
  }
  return { products, sessions, orders };
}

/**
 * The "bought together" list of the orders, per product group (orders name variants; what goes
 * with a coat goes with each of its sizes): each variant's row lists the first variant of the
 * groups most often in the same order, top 10.
 */
export function boughtTogether(products, orders) {
  const leadOf = new Map(products.map((p) => [p.id, p.group ?? p.id]));
  const counts = new Map();
  for (const order of orders) {
    const leads = [...new Set(order.map((id) => leadOf.get(id)))];
    for (const a of leads) {
      const row = counts.get(a) ?? new Map();
      counts.set(a, row);
      for (const b of leads) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const rows = {};
  for (const p of products) {
    const row = counts.get(leadOf.get(p.id));
    if (row) rows[p.id] = [...row].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 10);
  }
  return { id: 'bought', kind: 'bought_together', rows };
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
  const { products, sessions, orders } = generate();
  const feed = `${out}/products.json`;
  const log = `${out}/sessions.txt`;
  writeFileSync(feed, JSON.stringify(products));
  writeFileSync(log, sessions.map((session) => session.join(' ')).join('\n') + '\n');
  const meta = { generated: true, generator: 'examples/shop/generate-catalog.mjs', seed: SEED, products: products.length, sessions: sessions.length };
  if (useCli) {
    // Rows inline first: the CLI builds from one log (the sessions), and the orders' bought-together
    // list is added here; then the rows go to shards as the CLI would write them (shard-catalog.mjs).
    console.log('Building the demo catalog with the catalog CLI (lists and tuned weights; first run only, about 10 s)…');
    const cli = spawnSync(process.execPath, [here('../../packages/catalog-cli/dist/cli.js'), 'build', '--products', feed, '--interactions', log, '--out', out, '--currency', 'EUR', '--rules', here('./merchant.json'), '--shards', '0'], { encoding: 'utf8' });
    // A quiet first run: the CLI's summary (held-out quality, what it wrote); all of its log if it fails.
    const cliLog = `${cli.stdout ?? ''}${cli.stderr ?? ''}`;
    if (cli.status !== 0) {
      process.stderr.write(cliLog);
      throw new Error(`The catalog CLI failed (${cli.error?.message ?? `exit code ${cli.status}`}).`);
    }
    for (const line of cliLog.split('\n')) if (/^(tuning: held-out|wrote )/.test(line)) console.log(`  ${line}`);
    const catalog = JSON.parse(readFileSync(`${out}/catalog.json`, 'utf8'));
    catalog.neighbors = [...(catalog.neighbors ?? []), boughtTogether(products, orders)];
    writeFileSync(`${out}/catalog.json`, JSON.stringify({ ...catalog, meta: { ...meta, orders: orders.length, builtWith: catalog.meta?.generator } }));
    execFileSync(process.execPath, [here('./shard-catalog.mjs'), out], { stdio: 'inherit' });
  } else {
    const catalog = inlineCatalog(products, sessions, meta);
    catalog.neighbors.push(boughtTogether(products, orders));
    writeFileSync(`${out}/catalog.json`, JSON.stringify(catalog));
  }
  return { products: products.length, sessions: sessions.length };
}

/** Whether the shop's data is missing or older than what it is made from (this generator, the shop's rules). */
export function shopDataIsStale() {
  const mtime = (path) => (existsSync(here(path)) ? statSync(here(path)).mtimeMs : 0);
  return mtime('./public/catalog.json') < Math.max(mtime('./generate-catalog.mjs'), mtime('./merchant.json'));
}

/** Generates the shop's data (with the CLI) when {@link shopDataIsStale}. */
export function ensureShopData() {
  if (shopDataIsStale()) writeShopData();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = writeShopData({ useCli: !process.argv.includes('--inline') });
  console.log(`generated ${written.products} products and ${written.sessions} sessions into examples/shop/public/`);
}
