/** What a list of picks shows, and how it is read from HTML attributes. */
import type { Pick, Placement } from '@curio/core';

/**
 * Routes a pick's link inside a single-page app. Called on a plain left click (no modifier key,
 * not middle-click) after `pick_click` is recorded; the browser's navigation is then prevented,
 * unless the handler returns `false` (the link is followed after all). `url` is the catalog's
 * `url` of the product, as the link's `href` has it.
 */
export type NavigateHandler = (url: string, pick: Pick, event: MouseEvent) => unknown;

/** Options of {@link mountPicks} and the `<curio-picks>` element. */
export interface PicksOptions {
  /** Where the list is shown; decides candidates and exclusions. */
  placement: Placement;
  /** The product on the page (placement `product`). */
  item?: string;
  /** The category on the page (placement `category`). */
  category?: string;
  /** Only products of this curated collection (its id). */
  collection?: string;
  /** Number of picks, 1–50. Default 4. */
  limit?: number;
  /** `grid` (default) wraps; `carousel` scrolls sideways. */
  layout?: 'grid' | 'carousel';
  /** Heading above the list. Default: "Picked for you", localized. */
  title?: string;
  /** A line under the heading (the collections view puts a collection's description and evidence there). */
  subtitle?: string;
  /** Client-side routing of pick links (see {@link NavigateHandler}); without it links load the page. */
  onNavigate?: NavigateHandler;
}

/** The number of picks a list asks for (and reserves space for). */
export const picksLimit = (options: PicksOptions): number => Math.min(50, Math.max(1, Math.round(options.limit ?? 4) || 4));

/**
 * Reads {@link PicksOptions} through `read(name)`, the value of attribute `name`
 * (`placement`, `item`, `category`, `collection`, `limit`, `layout`, `title`, `subtitle`) or null/undefined.
 * A missing placement means `home`.
 */
export function readPicksOptions(read: (name: Exclude<keyof PicksOptions, 'onNavigate'>) => string | null | undefined): PicksOptions {
  const options: PicksOptions = { placement: (read('placement') || 'home') as Placement };
  const limit = read('limit');
  if (limit) options.limit = Number(limit);
  if (read('layout') === 'carousel') options.layout = 'carousel';
  for (const name of ['item', 'category', 'collection', 'title', 'subtitle'] as const) {
    const value = read(name);
    if (value) options[name] = value;
  }
  return options;
}
