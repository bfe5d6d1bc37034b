/**
 * Matching a visitor to curated collections, by behaviour only: the share of their recent
 * interest that fell on the collection's products. Age, gender or location never enter.
 */
import type { Profile } from '../profile/profile.js';
import type { CompiledSelector } from './selector.js';

/** A collection matches when at least this share of the visitor's interest is on its products. */
export const MIN_SHARE = 0.2;

/** A matched collection: its index, strength 0..1 and the visitor's items in it, strongest first. */
export interface CollectionMatchIndex {
  index: number;
  strength: number;
  because: number[];
}

/** Interest per item: session events fade with recency (never below their history weight), history is already decayed. */
function interestByItem(profile: Profile): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of profile.evidence) out.set(e.item, (out.get(e.item) ?? 0) + (e.steps < 0 ? e.weight : e.weight * Math.max(1 / (1 + e.steps), e.floor)));
  return out;
}

/**
 * Collections the visitor matches, strongest first. `liked` ones (stated in the preference
 * center) match fully; `hidden` ones never match.
 */
export function matchCollections(members: CompiledSelector[], profile: Profile, liked: Set<number>, hidden: Set<number>): CollectionMatchIndex[] {
  const interest = interestByItem(profile);
  let total = 0;
  for (const v of interest.values()) total += v;
  const out: CollectionMatchIndex[] = [];
  members.forEach((m, index) => {
    if (hidden.has(index)) return;
    let sum = 0;
    const because: Array<[number, number]> = [];
    for (const [i, v] of interest) {
      if (m.has(i)) {
        sum += v;
        because.push([i, v]);
      }
    }
    const strength = liked.has(index) ? 1 : total > 0 ? sum / total : 0;
    if (strength >= MIN_SHARE) out.push({ index, strength, because: because.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => i) });
  });
  return out.sort((a, b) => b.strength - a.strength || a.index - b.index);
}
