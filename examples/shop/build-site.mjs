// Builds the static demo shop into examples/shop/dist/ from public/catalog.json:
// home, one page per category and per product (with schema.org JSON-LD), cart, thank-you and
// "your data" pages, SVG product images, and the shop's own CSS and script. Curio comes in only
// through the script tag (packages/embed/dist/curio.js and its locale files, copied next to the pages;
// curio.recorder.js on the checkout, which shows no picks).
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ensureShopData } from './generate-catalog.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const slug = (path) => path.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-');
const price = (value) => `€${value.toFixed(2)}`;

/**
 * A page of the shop. `script`: `curio.js` on pages with picks (and the "your data" page),
 * `curio.recorder.js` on pages that only record (the checkout): same attributes, no catalog.
 * `preload`: the lazy files its first picks wait for (docs/script-tag.md): the shop's rules on
 * every page, neighbour shards on product pages too (the catalog CLI prints both).
 */
function layout(title, main, { head = '', script = 'curio.js', preload = 'rules' } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Fjord & Field</title>
<link rel="stylesheet" href="/shop.css">
<link rel="icon" href="/img/favicon.svg">
<script async src="/${script}" data-catalog="/catalog.json" data-locale="en"${preload ? ` data-preload="${preload}"` : ''}></script>
<script defer src="/shop.js"></script>
${head}</head>
<body>
<header><a class="logo" href="/">Fjord &amp; Field</a>
<nav aria-label="Categories">${CATEGORY_LINKS}</nav>
<a href="/cart.html">Cart (<span data-cart-count>0</span>)</a> <a href="/your-data.html" data-curio-open="preferences">Your data</a></header>
<main>
${main}
</main>
<footer><p>A demo shop with generated products. Personalization by Curio runs entirely in your browser.</p></footer>
</body>
</html>
`;
}

let CATEGORY_LINKS = '';

function card(product) {
  return `<li><a href="${product.url}"><img src="${product.image}" alt="" width="300" height="300" loading="lazy"><span>${escape(product.title)}</span></a><b>${price(product.price)}</b></li>`;
}

function productPage(product, categoryUrl, variants = [product]) {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    sku: product.id,
    name: product.title,
    brand: { '@type': 'Brand', name: product.brand },
    image: product.image,
    offers: { '@type': 'Offer', price: product.price, priceCurrency: product.currency },
    aggregateRating: { '@type': 'AggregateRating', ratingValue: product.rating, reviewCount: product.reviewCount },
  };
  const attributes = Object.entries(product.attributes)
    .map(([name, value]) => `<dt>${escape(name)}</dt><dd>${escape([value].flat().join(', '))}</dd>`)
    .join('');
  return layout(
    product.title,
    `<p><a href="${categoryUrl}">${escape(product.categories.join(' › '))}</a></p>
<article class="product">
<img src="${product.image}" alt="" width="480" height="480">
<div>
<h1>${escape(product.title)}</h1>
<p class="brand">${escape(product.brand)}</p>
<p class="price">${price(product.price)}</p>
<p>★ ${product.rating} (${product.reviewCount} reviews)</p>
<dl>${attributes}</dl>
${variants.length > 1 ? `<p class="variants">Also available: ${variants.filter((v) => v.id !== product.id).map((v) => `<a href="/p/${v.id}.html">${escape(Object.values(v.variant ?? {}).join(' '))}${v.inStock === false ? ' (sold out)' : ''}</a>`).join(', ')}</p>` : ''}
<button class="buy" data-curio-track="add_to_cart" data-curio-item="${product.id}" data-add-to-cart='${escape(JSON.stringify({ id: product.id, title: product.title, price: product.price }))}'>Add to cart</button>
${product.reviews.map((quote) => `<blockquote>“${escape(quote)}”</blockquote>`).join('')}
</div>
</article>
<div data-curio-picks="product" data-curio-item="${product.id}" data-curio-limit="6" data-curio-layout="carousel" data-curio-title="You may also like"></div>`,
    { head: `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>\n`, preload: 'rules shards' },
  );
}

/** Writes the whole site; returns the output directory. */
export function buildSite({ out = here('./dist/'), catalogFile = here('./public/catalog.json'), curioJs = here('../../packages/embed/dist/curio.js') } = {}) {
  const catalog = JSON.parse(readFileSync(catalogFile, 'utf8'));
  const products = catalog.products;
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['', 'p', 'c', 'img']) mkdirSync(`${out}/${dir}`, { recursive: true });
  const categories = new Map();
  for (const product of products) {
    const key = product.categories.join(' > ');
    if (!categories.has(key)) categories.set(key, { path: product.categories, url: `/c/${slug(product.categories)}.html`, products: [] });
    categories.get(key).products.push(product);
  }
  CATEGORY_LINKS = [...categories.values()].map((c) => `<a href="${c.url}">${escape(c.path.at(-1))}</a>`).join(' ');

  writeFileSync(
    `${out}/index.html`,
    layout(
      'Home',
      `<h1>Good things for outside and in</h1>
<section class="demo" aria-labelledby="try">
<h2 id="try">Try the four kinds of personalization</h2>
<ul>
<li><button type="button" data-weather-toggle aria-pressed="false">It's raining</button> The page tells Curio the weather; the shop's rainy-day rule lifts rain gear.</li>
<li><a href="/?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=trail-week">Open the Trail week newsletter link</a>: a campaign rule pins running shoes first.</li>
<li>Answer the taste quiz below: your answers become preferences the picks use at once.</li>
<li>Browse a few products: the picks follow what you look at, and a matching curated edit appears.</li>
</ul>
<p>Each pick's reason says which of these produced it.</p>
</section>
<div data-curio-picks="home" data-curio-limit="8"></div>
<section><h2>Shop by category</h2><ul class="grid categories">${[...categories.values()]
        .map((c) => `<li><a href="${c.url}">${escape(c.path.join(' › '))}</a></li>`)
        .join('')}</ul></section>
<div data-curio-quiz></div>
<div data-curio-collections="2" data-curio-limit="4"></div>`,
    ),
  );
  for (const category of categories.values()) {
    writeFileSync(
      `${out}${category.url}`,
      layout(
        category.path.join(' › '),
        `<h1>${escape(category.path.join(' › '))}</h1>
<div data-curio-picks="category" data-curio-category="${escape(category.path.join(' > '))}" data-curio-limit="4" data-curio-title="Picked for you in ${escape(category.path.at(-1))}"></div>
<ul class="grid">${category.products.slice(0, 48).map(card).join('')}</ul>`,
      ),
    );
  }
  // A product's variants (its group), linked from each variant's page.
  const groups = new Map();
  for (const product of products) groups.set(product.group ?? product.id, [...(groups.get(product.group ?? product.id) ?? []), product]);
  for (const product of products) {
    writeFileSync(`${out}/p/${product.id}.html`, productPage(product, categories.get(product.categories.join(' > ')).url, groups.get(product.group ?? product.id)));
    const hue = [...product.id].reduce((sum, c) => sum + c.charCodeAt(0) * 37, 0) % 360;
    writeFileSync(
      `${out}/img/${product.id}.svg`,
      `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300"><rect width="300" height="300" fill="hsl(${hue} 45% 80%)"/><text x="150" y="160" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#222">${escape(product.categories.at(-1))}</text></svg>`,
    );
  }
  writeFileSync(
    `${out}/cart.html`,
    layout(
      'Cart',
      `<h1>Your cart</h1>
<div id="cart"><p>Your cart is empty.</p></div>
<p><a href="/checkout.html">Go to checkout</a></p>
<div data-curio-picks="cart" data-curio-limit="4" data-curio-title="Goes well with your cart"></div>`,
    ),
  );
  // A page without picks: Curio only records there, with curio.recorder.js (no catalog). The bench
  // and the byte budgets measure what it costs.
  writeFileSync(`${out}/checkout.html`, layout('Checkout', `<h1>Checkout</h1>\n<p>Delivery to the address of your account; payment on delivery.</p>\n<div id="cart"><p>Your cart is empty.</p></div>`, { script: 'curio.recorder.js', preload: '' }));
  writeFileSync(`${out}/thanks.html`, layout('Thank you', `<h1>Thank you for your order!</h1>\n<p id="order"></p>\n<div data-curio-picks="order" data-curio-limit="4" data-curio-title="Goes well with your order"></div>`));
  writeFileSync(`${out}/your-data.html`, layout('Your data', `<h1>Your data</h1>\n<div data-curio-preferences></div>`));
  writeFileSync(`${out}/img/favicon.svg`, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1d5c4d"/></svg>');
  copyFileSync(here('./site/shop.css'), `${out}/shop.css`);
  copyFileSync(here('./site/shop.js'), `${out}/shop.js`);
  copyFileSync(catalogFile, `${out}/catalog.json`);
  // A sharded catalog's neighbour rows sit next to it.
  if (catalog.neighborShards) cpSync(join(dirname(catalogFile), 'neighbors'), `${out}/neighbors`, { recursive: true });
  if (existsSync(curioJs)) {
    // curio.js loads its French and German texts (curio.fr.js, curio.de.js) from next to itself.
    const dir = curioJs.slice(0, curioJs.lastIndexOf('/') + 1);
    for (const file of readdirSync(dir).filter((f) => /^curio[\w.]*\.js$/.test(f))) copyFileSync(dir + file, `${out}/${file}`);
  }
  else console.warn(`${curioJs} is missing: run \`pnpm build\` first (the shop works without personalization until then).`);
  return out;
}

// `pnpm --filter @curio/example-shop build`: the shop's data (when missing or stale) and its pages.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureShopData();
  console.log(`built ${buildSite()}`);
}
