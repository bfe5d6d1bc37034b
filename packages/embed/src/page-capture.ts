/**
 * What the shopper does on the page, as Curio events: products shown (JSON-LD, microdata, GA4/UA
 * `view_item`), cart changes, purchases, searches and clicks on Curio lists.
 *
 * One view per product group per page view, whatever the number of sources: a page view starts
 * at load and when the URL's path changes; a variant picked on the same page (Shopify's
 * `history.replaceState(…?variant=…)`) is the same group, so no second view. After an SPA
 * navigation the previous page's product markup is ignored while it is still in the document, so a
 * page that renders its new product after the URL changed (or keeps the old one hidden for a
 * moment) records the new product, not the old one.
 *
 * Ids resolve against the catalog (resolve-ids.ts), so captures wait for the catalog, in order;
 * when the page is hidden first they are tracked at once with their preferred ids.
 */
import type { Curio, TrackEvent } from '@curio/core';
import type { Capture } from './data-layer.js';
import { guard } from './guard.js';
import { jsonLdSightings, jsonLdTexts } from './json-ld.js';
import { microdataSightings } from './microdata.js';
import type { IdKind, Sighting } from './product-ids.js';
import { resolveSighting } from './resolve-ids.js';

/** Page capture: `scan()` reads the page's product markup, `record()` takes a dataLayer capture. */
export interface PageCapture {
  scan(): void;
  record(capture: Capture): void;
  /**
   * Takes the products on the page now as seen, without tracking them: curio.js after
   * curio.recorder.js handed over to it (the recorder tracked them already).
   */
  adoptPage(): void;
}

/** What the page capture records with: a Curio instance or a recorder (whose `product()` knows no product). */
export type CaptureTarget = Pick<Curio, 'ready' | 'track' | 'product'>;

/** A markup product's identity across page views (its group, else its first id). */
const markupKey = (s: Sighting): string => s.group ?? s.ids[0]![1];

/**
 * Creates the page capture for `curio`.
 * @param preferred id kinds to prefer, from `data-id` (empty: each source's own order)
 */
export function createPageCapture(curio: CaptureTarget, preferred: readonly IdKind[]): PageCapture {
  const track = guard((event: TrackEvent) => curio.track(event));
  let resolving = false;
  const waiting: Array<() => void> = [];
  const run = (task: () => void): void => void (resolving ? guard(task)() : waiting.push(task));
  const start = (): void => {
    resolving = true;
    waiting.splice(0).forEach((task) => guard(task)());
  };
  void curio.ready.then(start, start);
  // On window, in the capture phase: before Curio (on document and window) hands unsaved events
  // to storage when the page is hidden or left.
  addEventListener('pagehide', start, true);
  addEventListener('visibilitychange', () => document.visibilityState == 'hidden' && start(), true);
  const resolve = (s: Sighting) => resolveSighting(curio, s, preferred);

  let path = location.pathname;
  let viewed = new Set<string>();
  let previous = new Set<string>();
  let present: Sighting[] = [];
  let parsed: { texts: string; sightings: Sighting[] } | undefined;

  /** A new page view when the path changed: the products on screen until now are the previous page's. */
  const followNavigation = (): void => {
    if (location.pathname === path) return;
    path = location.pathname;
    previous = new Set(present.map(markupKey));
    viewed = new Set();
  };

  const view = (sighting: Sighting): void => {
    const seen = viewed; // the page view it was seen in, even if resolved after a navigation
    run(() => {
      const { item, keys } = resolve(sighting);
      if (keys.some((key) => seen.has(key))) return;
      keys.forEach((key) => seen.add(key));
      track({ type: 'view_item', item });
    });
  };

  /** The products the page's markup shows now. */
  const read = (): Sighting[] => {
    followNavigation();
    const texts = jsonLdTexts(document).join('\u0000');
    if (parsed?.texts !== texts) parsed = { texts, sightings: jsonLdSightings(document, new URL(location.href)) };
    return (present = [...parsed.sightings, ...microdataSightings(document)]);
  };

  return {
    scan() {
      for (const sighting of read()) if (!previous.has(markupKey(sighting))) view(sighting);
    },
    adoptPage() {
      // Like the products of a previous page view: ignored while they stay on the page.
      for (const sighting of read()) previous.add(markupKey(sighting));
    },
    record(capture) {
      followNavigation();
      switch (capture.type) {
        case 'view_item':
          return view(capture.item);
        case 'purchase':
          return run(() => track({ type: 'purchase', items: [...new Set(capture.items.map((s) => resolve(s).item))] }));
        case 'search':
          return run(() => track(capture));
        default:
          return run(() => track({ type: capture.type, item: resolve(capture.item).item }));
      }
    },
  };
}
