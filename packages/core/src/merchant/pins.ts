/** Pins: the rules that put items at fixed positions of a list, applied to the ranked list. */

/** A pin: up to `count` items of `items` (in that order when `listed`, else by score) from 0-based `position`. */
export interface PlannedPin {
  rule: number;
  position: number;
  count: number;
  items: ArrayLike<number>;
  listed: boolean;
}

/**
 * Puts pinned items at their positions (highest priority first; a taken position moves a pin
 * to the next free one) and fills the other slots with the ranked list. A pin takes the first
 * allowed items of its merchant-ordered list, or its best-scoring matches. Items a filter or an
 * exclusion removed have score −∞ and are never pinned.
 */
export function placePins(pins: PlannedPin[], ranked: number[], score: Float64Array, limit: number, pinnedBy: Map<number, number>): number[] {
  if (!pins.length) return ranked;
  const slots: Array<number | undefined> = new Array(limit);
  for (const pin of pins) {
    const allowed = Array.from(pin.items).filter((i) => score[i]! > -Infinity && !pinnedBy.has(i));
    if (!pin.listed) allowed.sort((a, b) => score[b]! - score[a]!);
    let at = pin.position;
    for (const i of allowed.slice(0, pin.count)) {
      while (at < limit && slots[at] !== undefined) at++;
      if (at >= limit) break;
      slots[at] = i;
      pinnedBy.set(i, pin.rule);
    }
  }
  const rest = ranked.filter((i) => !pinnedBy.has(i));
  for (let at = 0; at < limit && rest.length; at++) slots[at] ??= rest.shift();
  return slots.filter((i): i is number => i !== undefined);
}
