import { dequantizeWeight, quantizeWeight } from '@curio/core/internal';
import type { NeighborRow } from './neighborTable.js';
import { PairCounts } from './pairCounts.js';
import { topNeighbors } from './topNeighbors.js';

/** Options of {@link sequentialRules}. */
export interface SequentialRulesOptions {
  /** Neighbours kept per item. */
  k: number;
  /** Largest distance between the two clicks of a rule. Default 10. */
  window?: number;
  /** Weight of the backward rule b → a relative to a → b. Default 0.5. */
  backward?: number;
  /**
   * Also list an item as its own neighbour when it is clicked again (a → a), with weight
   * (repeats / the strongest other rule) capped at 1 — the item's own propensity to be re-clicked.
   * Default false.
   */
  self?: boolean;
}

/**
 * The unit of rule scores for a window: lcm(1..window), so that a step's weight unit/δ is an
 * integer and every sum of them is exact whatever the order of addition — which is what makes
 * the in-memory builder and every SQL engine rank identically (sql/sequential_rules.sql).
 * @param window largest distance between the two clicks of a rule
 */
export function ruleUnit(window: number): number {
  let unit = 1;
  for (let d = 2; d <= window; d++) {
    let a = unit;
    let b = d;
    while (b) [a, b] = [b, a % b];
    unit = (unit * d) / a;
  }
  return unit;
}

/**
 * Sequential rules with backward rules: for clicks a at i and b at j > i with j − i ≤ window
 * and a ≠ b, adds 1/(j−i) to a → b and backward/(j−i) to b → a (in units of 1/{@link ruleUnit},
 * exact for a binary-fraction `backward` such as 0.5). With `self`, repeats a → a are appended to
 * a's row after its top K (see {@link SequentialRulesOptions.self}).
 * @param sessions sessions of product indexes, clicks in order
 * @param itemCount number of products
 */
export function sequentialRules(
  sessions: number[][],
  itemCount: number,
  { k, window = 10, backward = 0.5, self = false }: SequentialRulesOptions,
): Array<NeighborRow | undefined> {
  const unit = ruleUnit(window);
  const counts = new PairCounts(itemCount);
  const repeats = self ? new Float64Array(itemCount) : undefined;
  for (const session of sessions) {
    for (let i = 0; i < session.length; i++) {
      const a = session[i]!;
      const end = Math.min(session.length, i + window + 1);
      for (let j = i + 1; j < end; j++) {
        const b = session[j]!;
        const w = unit / (j - i);
        if (a === b) {
          if (repeats) repeats[a]! += w;
          continue;
        }
        counts.add(a, b, w);
        if (backward > 0) counts.add(b, a, backward * w);
      }
    }
  }
  const rows = topNeighbors(counts, k);
  if (repeats) appendRepeats(rows, counts, repeats);
  return rows;
}

/**
 * Appends every item with repeats to its own row, weighted min(repeats, top) / top where top is
 * the row's strongest rule (an item without other rules gets no row).
 * @param rows rows from {@link topNeighbors}, changed in place
 * @param counts the rule scores the rows were made from (at least each row's strongest)
 * @param repeats repeat score per product index, in the rules' unit
 */
export function appendRepeats(rows: Array<NeighborRow | undefined>, counts: PairCounts, repeats: ArrayLike<number>): void {
  rows.forEach((row, a) => {
    if (!row || !(repeats[a]! > 0)) return;
    const top = counts.row(a)!.get(row.ids[0]!)!;
    row.ids.push(a);
    row.weights.push(dequantizeWeight(quantizeWeight(Math.min(repeats[a]!, top), top)));
  });
}
