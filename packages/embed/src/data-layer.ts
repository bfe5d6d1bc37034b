/** Mirrors GA4 ecommerce events of `window.dataLayer` into Curio, without changing what dataLayer does. */
import type { TrackEvent } from '@curio/core';
import { guard } from './guard.js';

interface Ga4Item {
  item_id?: string | number;
}

/** The Curio events of one dataLayer entry: GTM style `{event, ecommerce: {items}}` or gtag style `['event', name, {items}]`. */
export function ecommerceEvents(entry: unknown): TrackEvent[] {
  let name: unknown;
  let payload: { items?: Ga4Item[] } | undefined;
  if (entry && typeof entry === 'object' && 'length' in entry && (entry as ArrayLike<unknown>)[0] === 'event') {
    [, name, payload] = Array.from(entry as ArrayLike<never>);
  } else if (entry && typeof entry === 'object') {
    ({ event: name, ecommerce: payload } = entry as { event?: unknown; ecommerce?: { items?: Ga4Item[] } });
  }
  const items = (payload?.items ?? []).map((item) => item?.item_id).filter((id) => id != null).map(String);
  if (!items.length) return [];
  if (name === 'purchase') return [{ type: 'purchase', items }];
  if (name === 'view_item' || name === 'add_to_cart') return items.map((item) => ({ type: name, item }));
  return [];
}

/** Tracks the ecommerce events already in `dataLayer` and those pushed later (its `push` is wrapped, not replaced in behaviour). */
export function mirrorDataLayer(host: { dataLayer?: unknown[] }, track: (event: TrackEvent) => void): void {
  const dataLayer = (host.dataLayer ??= []);
  const mirror = guard((entry: unknown) => ecommerceEvents(entry).forEach(track));
  dataLayer.forEach(mirror);
  const push = dataLayer.push;
  dataLayer.push = function (this: unknown[], ...entries: unknown[]) {
    const result = push.apply(this, entries);
    entries.forEach(mirror);
    return result;
  };
}
