import type { InteractionLog } from '../interactions/interactionLog.js';
import { cooccurrence } from '../lists/cooccurrence.js';
import { listDefinitions } from '../lists/listDefinitions.js';
import type { NeighborTable } from '../lists/neighborTable.js';
import { sequentialRules } from '../lists/sequentialRules.js';

/**
 * The neighbour lists of a log ({@link listDefinitions}), built in memory.
 * @param log interactions as product indexes
 * @param itemCount number of products
 * @param k neighbours kept per item
 */
export function neighborTables(log: InteractionLog, itemCount: number, k: number): NeighborTable[] {
  const sequences = log.sequences.filter((s) => s.length >= 2);
  return listDefinitions(log.kind).map((list) => ({
    id: list.id,
    kind: list.kind,
    rows:
      list.method === 'rules'
        ? sequentialRules(sequences, itemCount, { k, window: list.window, backward: list.backward, self: list.self })
        : cooccurrence(sequences, itemCount, { k, alpha: list.alpha }),
  }));
}
