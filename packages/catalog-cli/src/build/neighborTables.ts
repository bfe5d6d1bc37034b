import type { InteractionLog } from '../interactions/interactionLog.js';
import { cooccurrence } from '../lists/cooccurrence.js';
import type { NeighborTable } from '../lists/neighborTable.js';
import { sequentialRules } from '../lists/sequentialRules.js';

/**
 * The neighbour lists a log supports: sessions give sequential rules with backward rules (`sr`),
 * asymmetric co-occurrence (`cooc`) and the direct next clicks (`next`: window 1, forward only —
 * what visitors open right after an item, the item itself included when it is clicked again), all
 * `viewed_together`; orders give `bought`
 * (`bought_together`).
 * @param log interactions as product indexes
 * @param itemCount number of products
 * @param k neighbours kept per item
 */
export function neighborTables(log: InteractionLog, itemCount: number, k: number): NeighborTable[] {
  const sequences = log.sequences.filter((s) => s.length >= 2);
  if (log.kind === 'orders') {
    return [{ id: 'bought', kind: 'bought_together', rows: cooccurrence(sequences, itemCount, { k }) }];
  }
  return [
    { id: 'sr', kind: 'viewed_together', rows: sequentialRules(sequences, itemCount, { k }) },
    { id: 'cooc', kind: 'viewed_together', rows: cooccurrence(sequences, itemCount, { k }) },
    { id: 'next', kind: 'viewed_together', rows: sequentialRules(sequences, itemCount, { k, window: 1, backward: 0, self: true }) },
  ];
}
