/** Validation of events reported by the page: bad input is dropped with a reason, never thrown. */
import type { EventType, StoredEvent } from './types.js';

const ITEM_EVENTS: readonly EventType[] = ['view_item', 'add_to_cart', 'remove_from_cart', 'pick_click', 'pick_dismiss'];
const MAX_ID = 200;
const MAX_QUERY = 200;
const MAX_ITEMS = 100;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;

/**
 * Turns untrusted input into a stored event, or returns a string saying why it was rejected.
 * Only known fields are copied, so junk properties never reach storage.
 */
export function toStoredEvent(input: unknown, id: string, at: number): StoredEvent | string {
  if (typeof input !== 'object' || input === null) return 'an event must be an object like { type: "view_item", item: "sku-1" }';
  const e = input as Record<string, unknown>;
  const type = e.type;
  if (typeof type === 'string' && (ITEM_EVENTS as string[]).includes(type)) {
    return isId(e.item) ? { id, at, type: type as EventType, item: e.item } : `"${type}" needs "item": a product id string`;
  }
  if (type === 'purchase') {
    const items = e.items;
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS || !items.every(isId)) {
      return '"purchase" needs "items": a non-empty array of product id strings';
    }
    return { id, at, type, items: [...items] };
  }
  if (type === 'search') {
    const q = typeof e.query === 'string' ? e.query.trim().slice(0, MAX_QUERY) : '';
    return q ? { id, at, type, query: q } : '"search" needs "query": a non-empty string';
  }
  return `unknown event type ${JSON.stringify(String(type)).slice(0, 40)}`;
}

/** The items an event is about (one for item events, several for a purchase). */
export function eventItems(e: StoredEvent): string[] {
  return e.items ?? (e.item ? [e.item] : []);
}
