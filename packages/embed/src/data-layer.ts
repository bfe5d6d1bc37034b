/**
 * Mirrors the shop's analytics ecommerce events into Curio, without changing what `dataLayer`
 * does. Read shapes (see docs/script-tag.md for the table):
 * - GA4 through Google Tag Manager: `{ event: 'view_item', ecommerce: { items: [{ item_id }] } }`
 *   (https://developers.google.com/analytics/devguides/collection/ga4/ecommerce);
 * - GA4 through gtag.js: `gtag('event', 'add_to_cart', { items: [...] })`, which pushes its
 *   `arguments` object; items with `item_id` or, as older plugins send them, `id`;
 * - Universal Analytics enhanced ecommerce: `{ ecommerce: { detail | add | remove | purchase: { products: [{ id }] } } }`,
 *   with or without an `event` key (still pushed by Magento's and many WooCommerce plugins).
 */
import { idText, type IdKind, type Sighting } from './product-ids.js';
import { guard } from './guard.js';

/** What one dataLayer entry means for Curio; items are sightings, resolved to catalog ids later. */
export type Capture =
  | { type: 'view_item' | 'add_to_cart' | 'remove_from_cart' | 'pick_click'; item: Sighting }
  | { type: 'purchase'; items: Sighting[] }
  | { type: 'search'; query: string };

type Item = Record<string, unknown>;
type Payload = { items?: unknown; search_term?: unknown; item_list_id?: unknown; item_list_name?: unknown } & Record<string, unknown>;

/** A GA4 or UA item → its ids: `item_id` (or `id`), then `sku` and a group id where plugins add them. */
function itemSighting(raw: unknown): Sighting | undefined {
  if (!raw || typeof raw != 'object') return undefined;
  const item = raw as Item;
  const ids: Array<[IdKind, string]> = [];
  const add = (kind: IdKind, value: unknown) => {
    const id = idText(value);
    if (id && !ids.some(([, known]) => known === id)) ids.push([kind, id]);
  };
  add('item_id', item.item_id ?? item.id);
  add('sku', item.sku ?? item.item_sku);
  const group = idText(item.item_group_id);
  if (group) add('group', group);
  if (!ids.length) return undefined;
  return group ? { ids, group } : { ids };
}

const sightings = (items: unknown): Sighting[] => (Array.isArray(items) ? items.map(itemSighting).filter((s): s is Sighting => !!s) : []);

/** A list of picks shown by Curio: `item_list_id` or `item_list_name` starting with "curio" (as a custom UI names its lists). */
const fromCurioList = (payload: Payload, item: unknown): boolean =>
  [payload.item_list_id, payload.item_list_name, (item as Item | undefined)?.item_list_id, (item as Item | undefined)?.item_list_name].some((v) => typeof v == 'string' && /^curio/i.test(v));

/** GA4 event name + parameters → captures. */
function ga4(name: unknown, payload: Payload | undefined): Capture[] {
  if (!payload || typeof payload != 'object') return [];
  if (name === 'search' || name === 'view_search_results') {
    const query = typeof payload.search_term == 'string' ? payload.search_term.trim() : '';
    return query ? [{ type: 'search', query }] : [];
  }
  const items = sightings(payload.items);
  if (!items.length) return [];
  switch (name) {
    case 'purchase':
      return [{ type: 'purchase', items }];
    case 'view_item':
    case 'add_to_cart':
    case 'remove_from_cart':
      return items.map((item) => ({ type: name, item }));
    case 'select_item':
      return fromCurioList(payload, (payload.items as unknown[])[0]) ? items.map((item) => ({ type: 'pick_click' as const, item })) : [];
  }
  return [];
}

/** Universal Analytics enhanced ecommerce actions → captures (the `event` key, if any, is not needed). */
function universal(ecommerce: Record<string, unknown>): Capture[] {
  const products = (action: string) => sightings((ecommerce[action] as { products?: unknown } | undefined)?.products);
  const out: Capture[] = [];
  for (const item of products('detail')) out.push({ type: 'view_item', item });
  for (const item of products('add')) out.push({ type: 'add_to_cart', item });
  for (const item of products('remove')) out.push({ type: 'remove_from_cart', item });
  const bought = products('purchase');
  if (bought.length) out.push({ type: 'purchase', items: bought });
  return out;
}

/** The captures of one dataLayer entry (GTM object, gtag `arguments`, or UA enhanced ecommerce). */
export function ecommerceEvents(entry: unknown): Capture[] {
  if (!entry || typeof entry != 'object') return [];
  // gtag.js pushes its `arguments` object: ['event', name, params].
  if ('length' in entry && (entry as ArrayLike<unknown>)[0] === 'event') {
    const args = entry as ArrayLike<unknown>;
    return ga4(args[1], args[2] as Payload);
  }
  const { event, ecommerce } = entry as { event?: unknown; ecommerce?: Record<string, unknown> | null };
  if (!ecommerce || typeof ecommerce != 'object') return event === 'search' || event === 'view_search_results' ? ga4(event, entry as Payload) : [];
  return 'items' in ecommerce || typeof event == 'string' && ['search', 'view_search_results'].includes(event) ? ga4(event, ecommerce as Payload) : universal(ecommerce);
}

/**
 * Mirrors the entries already in `host.dataLayer` and those pushed later (its `push` is wrapped,
 * not changed in behaviour). A page that later assigns a new array to `dataLayer` is followed:
 * the new array is mirrored too. Each entry object is read once, even if it moves between arrays.
 * With `skipPresent` (curio.js after curio.recorder.js handed over), the entries already there are not mirrored.
 */
export function mirrorDataLayer(host: { dataLayer?: unknown }, capture: (event: Capture) => void, skipPresent = false): void {
  const read = new WeakSet<object>();
  // After curio.recorder.js handed over: what the dataLayer holds now was mirrored by the recorder.
  if (skipPresent && Array.isArray(host.dataLayer)) for (const entry of host.dataLayer) if (entry && typeof entry == 'object') read.add(entry);
  const mirror = guard((entry: unknown) => {
    if (entry && typeof entry == 'object') {
      if (read.has(entry)) return;
      read.add(entry);
    }
    ecommerceEvents(entry).forEach(capture);
  });
  const follow = (dataLayer: unknown): void => {
    if (!Array.isArray(dataLayer)) return;
    dataLayer.forEach(mirror);
    const push = dataLayer.push;
    dataLayer.push = function (this: unknown[], ...entries: unknown[]) {
      const result = push.apply(this, entries);
      entries.forEach(mirror);
      return result;
    };
  };
  let current: unknown = (host.dataLayer ??= []);
  follow(current);
  try {
    // A later `window.dataLayer = [...]` (a tag manager re-initialising, an SPA resetting it) is followed.
    Object.defineProperty(host, 'dataLayer', {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (value: unknown) => {
        if (value !== current) follow(value);
        current = value;
      },
    });
  } catch {
    // A page that froze `dataLayer`: its array is still mirrored.
  }
}
