/** Interactions reduced to what the list builders need. */

/** Whether a log holds browsing sessions (ordered clicks) or orders (baskets). */
export type InteractionKind = 'sessions' | 'orders';

/**
 * A shop's interaction history, oldest first. Items are product indexes (positions in the
 * catalog's `products`); a session keeps its click order and repeats, an order its distinct items.
 */
export interface InteractionLog {
  kind: InteractionKind;
  sequences: number[][];
}
