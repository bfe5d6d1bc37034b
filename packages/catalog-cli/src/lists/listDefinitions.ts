import type { NeighborKind } from '@curio/core/internal';
import type { InteractionKind } from '../interactions/interactionLog.js';

/** A neighbour list the builder makes, with the parameters both builders (in memory, SQL) use. */
export type ListDefinition =
  | { id: string; kind: NeighborKind; method: 'rules'; window: number; backward: number; self: boolean }
  | { id: string; kind: NeighborKind; method: 'cooccurrence'; alpha: number };

/**
 * The lists a log supports: sessions give sequential rules with backward rules (`sr`), asymmetric
 * co-occurrence (`cooc`) and the direct next clicks (`next`: window 1, forward only — what
 * visitors open right after an item, the item itself included when it is clicked again), all
 * `viewed_together`; orders give `bought` (`bought_together`).
 * @param kind sessions or orders
 */
export function listDefinitions(kind: InteractionKind): ListDefinition[] {
  if (kind === 'orders') return [{ id: 'bought', kind: 'bought_together', method: 'cooccurrence', alpha: 0.8 }];
  return [
    { id: 'sr', kind: 'viewed_together', method: 'rules', window: 10, backward: 0.5, self: false },
    { id: 'cooc', kind: 'viewed_together', method: 'cooccurrence', alpha: 0.8 },
    { id: 'next', kind: 'viewed_together', method: 'rules', window: 1, backward: 0, self: true },
  ];
}
