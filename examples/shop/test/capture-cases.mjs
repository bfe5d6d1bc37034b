// The data-driven table of real-shaped capture cases: a platform page (examples/shop/platforms/,
// each modelled on the platform's real markup and events, sources in its header) plus steps run
// in the page → the events Curio records, in order. Driven in Chromium by capture.test.mjs; the
// table of shapes in docs/script-tag.md names these cases.
//
// A case: `page` (a fixture file, with an optional query), optional `attributes` replacing the
// curio.js tag's data-* attributes, `steps` run after Curio started, and `expect`: the events
// ({ type, item } / { type: 'purchase', items } / { type: 'search', query }); `warns`: text a console
// warning must contain.
// Steps: { push: entry } (dataLayer.push), { gtag: [...] }, { replaceState | pushState: url },
// { html: markup, into: selector } (replaces the element's content), { remove: selector },
// { hide: selector }, { wait: ms }, { resetDataLayer: true } (window.dataLayer = []).

const ga4 = (event, items, extra = {}) => ({ push: { event, ecommerce: { currency: 'USD', items, ...extra } } });
const coatGroupPage = (sku, url) => `<script type="application/ld+json">{"@context":"https://schema.org/","@type":"Product","isVariantOf":{"@type":"ProductGroup","productGroupID":"44E01"},"sku":"${sku}","offers":{"@type":"Offer","url":"${url}","price":39.99,"priceCurrency":"USD"}}</script>`;

/** @type {Array<{ name: string, platform: string, shape: string, page: string, attributes?: Record<string, string>, steps?: object[], expect: object[], warns?: string }>} */
export const CASES = [
  // Shopify (Dawn 15 structured_data, Google & YouTube channel gtag)
  { name: 'shopify-product-group', platform: 'shopify', shape: 'JSON-LD ProductGroup with hasVariant, no variant in the URL', page: 'shopify-dawn.html', expect: [{ type: 'view_item', item: 'LO-S' }] },
  { name: 'shopify-variant-in-url', platform: 'shopify', shape: 'JSON-LD ProductGroup, ?variant= selects the variant', page: 'shopify-dawn.html?variant=44002', expect: [{ type: 'view_item', item: 'LO-M' }] },
  {
    name: 'shopify-variant-switch',
    platform: 'shopify',
    shape: 'variant picked: history.replaceState(?variant=) and the section re-rendered',
    page: 'shopify-dawn.html',
    steps: [{ replaceState: '?variant=44002' }, { html: '<h1>Linen Overshirt</h1><p>M selected</p>', into: '.product__info-container' }, { wait: 300 }],
    expect: [{ type: 'view_item', item: 'LO-S' }],
  },
  {
    name: 'shopify-gtag-feed-ids',
    platform: 'shopify',
    shape: 'gtag view_item / add_to_cart with shopify_US_<product>_<variant> ids (aliases)',
    page: 'shopify-dawn.html',
    steps: [{ gtag: ['event', 'view_item', { items: [{ id: 'shopify_US_8123_44001', name: 'Linen Overshirt' }] }] }, { gtag: ['event', 'add_to_cart', { items: [{ item_id: 'shopify_US_8123_44001' }] }] }],
    expect: [{ type: 'view_item', item: 'LO-S' }, { type: 'add_to_cart', item: 'LO-S' }],
  },
  {
    name: 'shopify-legacy-offers',
    platform: 'shopify',
    shape: 'JSON-LD Product whose offers are the variants (Debut, Dawn before 15): ?variant= names the offer; a variant switch is the same product',
    page: 'shopify-debut.html?variant=44002',
    steps: [{ replaceState: '?variant=44001' }, { wait: 200 }],
    expect: [{ type: 'view_item', item: 'LO-M' }],
  },
  // WooCommerce (core structured data, GTM4WP, Google Analytics for WooCommerce)
  { name: 'woocommerce-graph-and-plugin', platform: 'woocommerce', shape: 'JSON-LD @graph, AggregateOffer in an offers array + GTM4WP view_item with the numeric post id', page: 'woocommerce-storefront.html', expect: [{ type: 'view_item', item: 'woo-hoodie' }] },
  {
    name: 'woocommerce-cart',
    platform: 'woocommerce',
    shape: 'GA4 add_to_cart (numeric item_id), gtag items with id, remove_from_cart',
    page: 'woocommerce-storefront.html',
    steps: [{ push: { ecommerce: null } }, ga4('add_to_cart', [{ item_id: 1043, sku: 'woo-hoodie', quantity: 1 }]), { gtag: ['event', 'add_to_cart', { items: [{ id: 'woo-beanie', quantity: 1 }] }] }, ga4('remove_from_cart', [{ item_id: 1051 }])],
    expect: [{ type: 'view_item', item: 'woo-hoodie' }, { type: 'add_to_cart', item: 'woo-hoodie' }, { type: 'add_to_cart', item: 'woo-beanie' }, { type: 'remove_from_cart', item: 'woo-beanie' }],
  },
  {
    name: 'woocommerce-purchase',
    platform: 'woocommerce',
    shape: 'GA4 purchase on the order-received page (numeric item ids)',
    page: 'woocommerce-storefront.html',
    steps: [ga4('purchase', [{ item_id: 1043, quantity: 1 }, { item_id: 1052, quantity: 2 }], { transaction_id: 'WC-1001', value: 74 })],
    expect: [{ type: 'view_item', item: 'woo-hoodie' }, { type: 'purchase', items: ['woo-hoodie', 'woo-cap'] }],
  },
  // Magento 2 (Luma microdata, Magento_GoogleTagManager UA enhanced ecommerce)
  { name: 'magento-microdata', platform: 'magento', shape: 'microdata on <body itemscope>, itemprop="sku" as text; a related product nested inside is not a view; UA detail without event', page: 'magento-luma.html', expect: [{ type: 'view_item', item: '24-MB01' }] },
  {
    name: 'magento-ua-cart-purchase',
    platform: 'magento',
    shape: 'UA enhanced ecommerce add / remove (with event) and purchase (without)',
    page: 'magento-luma.html',
    steps: [
      { push: { event: 'addToCart', ecommerce: { currencyCode: 'USD', add: { products: [{ id: '24-MB01', quantity: 1 }] } } } },
      { push: { event: 'removeFromCart', ecommerce: { remove: { products: [{ id: '24-MB01' }] } } } },
      { push: { ecommerce: { purchase: { actionField: { id: '000000042', revenue: '92.00' }, products: [{ id: '24-WG02', quantity: 1 }] } } } },
    ],
    expect: [{ type: 'view_item', item: '24-MB01' }, { type: 'add_to_cart', item: '24-MB01' }, { type: 'remove_from_cart', item: '24-MB01' }, { type: 'purchase', items: ['24-WG02'] }],
  },
  // BigCommerce (Cornerstone JSON-LD, GA4 with entity ids)
  { name: 'bigcommerce-product', platform: 'bigcommerce', shape: 'JSON-LD Product with sku, mpn, gtin13, one Offer + gtag view_item with the entity id', page: 'bigcommerce-cornerstone.html', expect: [{ type: 'view_item', item: 'OTL' }] },
  {
    name: 'bigcommerce-data-id',
    platform: 'bigcommerce',
    shape: 'data-id="gtin": a page naming several ids, the shop says which to prefer',
    page: 'bigcommerce-cornerstone.html',
    attributes: { 'data-catalog': '/platforms/gtm.catalog.json', 'data-id': 'gtin', 'data-consent': 'pending' },
    expect: [{ type: 'view_item', item: '0012345678905' }],
  },
  // Any GA4 shop through GTM
  { name: 'gtm-variant-page', platform: 'gtm', shape: "Google's multi-page variant markup (isVariantOf, inProductGroupWithID, gtin14, offers array) + GA4 view_item", page: 'gtm-ga4.html', expect: [{ type: 'view_item', item: '44E01-M11000' }] },
  {
    name: 'gtm-search-and-select',
    platform: 'gtm',
    shape: 'GA4 search (search_term), select_item from a Curio list (pick_click) and from another list (ignored)',
    page: 'gtm-ga4.html',
    steps: [{ push: { event: 'search', search_term: 'wool scarf' } }, ga4('select_item', [{ item_id: 'SCARF-1' }], { item_list_id: 'curio-home', item_list_name: 'Picked for you' }), ga4('select_item', [{ item_id: 'HAT-1' }], { item_list_id: 'related_products' })],
    expect: [{ type: 'view_item', item: '44E01-M11000' }, { type: 'search', query: 'wool scarf' }, { type: 'pick_click', item: 'SCARF-1' }],
  },
  {
    name: 'gtm-replaced-datalayer',
    platform: 'gtm',
    shape: 'window.dataLayer replaced by a new array after Curio started',
    page: 'gtm-ga4.html',
    steps: [{ resetDataLayer: true }, ga4('add_to_cart', [{ item_id: 'HAT-1' }])],
    expect: [{ type: 'view_item', item: '44E01-M11000' }, { type: 'add_to_cart', item: 'HAT-1' }],
  },
  {
    name: 'gtm-unknown-id',
    platform: 'gtm',
    shape: 'an id the catalog does not know: kept (and warned about once)',
    page: 'gtm-ga4.html',
    warns: 'NOT-IN-CATALOG',
    steps: [ga4('add_to_cart', [{ item_id: 'NOT-IN-CATALOG' }])],
    expect: [{ type: 'view_item', item: '44E01-M11000' }, { type: 'add_to_cart', item: 'NOT-IN-CATALOG' }],
  },
  {
    name: 'gtm-spa-late-render',
    platform: 'gtm',
    shape: 'SPA: pushState to a variant of the same group (no second view), then to another product rendered after the URL changed while the old one stayed in the page',
    page: 'gtm-ga4.html',
    steps: [{ pushState: '/coat/green/medium' }, { hide: 'main h1' }, { wait: 250 }, { html: coatGroupPage('44E01-M11001', '/coat/green/medium') + '<h1>Coat – green, medium</h1>', into: '#app' }, { wait: 200 }, { pushState: '/scarf' }, { wait: 150 }, { html: '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","sku":"SCARF-1","offers":{"@type":"AggregateOffer","lowPrice":19,"highPrice":24,"priceCurrency":"USD"}}</script>', into: '#app' }],
    expect: [{ type: 'view_item', item: '44E01-M11000' }, { type: 'view_item', item: 'SCARF-1' }],
  },
  {
    name: 'gtm-spa-other-group',
    platform: 'gtm',
    shape: 'SPA: a product of another group after a navigation whose content is already rendered',
    page: 'gtm-ga4.html',
    steps: [{ html: '<script type="application/ld+json">[{"@context":"https://schema.org","@type":"Organization","name":"Shop"},{"@context":"https://schema.org","@type":["Product"],"productID":"HAT-1"}]</script>', into: '#app' }, { pushState: '/hat' }],
    expect: [{ type: 'view_item', item: '44E01-M11000' }, { type: 'view_item', item: 'HAT-1' }],
  },
];
