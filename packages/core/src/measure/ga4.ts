/**
 * Pushing GA4 ecommerce events to the shop's own analytics (docs/measurement.md). Shapes from
 * Google's "Measure ecommerce" guide for GA4 (developers.google.com/analytics/devguides/collection/ga4/ecommerce):
 * with gtag.js, `gtag('event', name, params)`; with Tag Manager, `dataLayer.push({ ecommerce: null })`
 * (clearing the previous ecommerce object) then `dataLayer.push({ event: name, ecommerce: {…} })`.
 */
import type { Pick, Placement, Product } from '../types.js';

/** A GA4 `items[]` entry. */
export interface Ga4Item {
  item_id: string;
  item_name?: string;
  item_brand?: string;
  item_category?: string;
  price?: number;
  index?: number;
  item_list_id?: string;
  item_list_name?: string;
}

/** The GA4 list id and name of a placement: `curio_product`, "Curio product". */
export const listOf = (placement: Placement) => ({ item_list_id: `curio_${placement}`, item_list_name: `Curio ${placement}` });

/** A product as a GA4 item of the list of `placement`. */
export function ga4Item(id: string, product: Product | undefined, placement?: Placement, index?: number): Ga4Item {
  const item: Ga4Item = { item_id: id };
  if (product) Object.assign(item, { item_name: product.title, price: product.price, ...(product.brand && { item_brand: product.brand }), ...(product.categories[0] && { item_category: product.categories[0] }) });
  if (placement) Object.assign(item, listOf(placement));
  if (index !== undefined) item.index = index;
  return item;
}

/** The items of a list of picks. */
export const pickItems = (picks: Pick[], placement: Placement): Ga4Item[] => picks.map((p, i) => ga4Item(p.item, p.product, placement, i));

const ECOMMERCE = ['item_list_id', 'item_list_name', 'currency', 'value', 'items'];

let warned = false;
/** Runs a push into the page's analytics: a gtag() or dataLayer that throws is the page's problem, reported once, never Curio's. */
const guarded = (push: () => void): void => {
  try {
    push();
  } catch (error) {
    if (!warned) console.warn(`[curio] The page's analytics failed to take an event (${String(error)}); measurement goes on without it.`);
    warned = true;
  }
};

/** Sends one GA4 event through gtag.js when the page has it, else through the Tag Manager data layer. */
export const pushGa4Event = (page: Record<string, any>, name: string, params: Record<string, unknown>): void => guarded(() => sendGa4Event(page, name, params));

function sendGa4Event(page: Record<string, any>, name: string, params: Record<string, unknown>): void {
  if (typeof page.gtag == 'function') return void page.gtag('event', name, params);
  const dataLayer: unknown[] = (page.dataLayer ??= []);
  const ecommerce: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) (ECOMMERCE.includes(key) ? ecommerce : rest)[key] = value;
  dataLayer.push({ ecommerce: null });
  dataLayer.push({ event: name, ...rest, ecommerce });
}

/** Sets the `curio_arm` user property (gtag.js), or the `curio_arm` data-layer variable for Tag Manager to map. */
export function setArmProperty(page: Record<string, any>, arm: string): void {
  guarded(() => (typeof page.gtag == 'function' ? page.gtag('set', 'user_properties', { curio_arm: arm }) : (page.dataLayer ??= []).push({ curio_arm: arm })));
}
