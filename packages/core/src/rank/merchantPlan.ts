/**
 * What the shop's rules and collections do to one request, in the form the ranker and the
 * explanations use. Built per request by the merchant chunk (src/merchant), which is loaded only
 * when a shop has rules or collections; without them the ranking path is unchanged.
 */
import type { ReasonCode, ReasonEvidence } from '../types.js';
import type { TermSink } from './terms.js';

/** A pin: up to `count` items of `items` (in that order when `listed`, else by score) from 0-based `position`. */
export interface PlannedPin {
  rule: number;
  position: number;
  count: number;
  items: ArrayLike<number>;
  listed: boolean;
}

/** The merchant side of one request. */
export interface MerchantPlan {
  /** Items the ranker must score besides its own candidates (boosted, pinnable, collection items). */
  candidates: number[];
  /** True when an active filter (or the requested collection) excludes item `i`. */
  excludes(i: number): boolean;
  /** Emits the rule (`key`: rule index) and collection (`key`: collection index) terms of item `i`. */
  terms(i: number, sink: TermSink): void;
  /** Active pins, highest priority first. */
  pins: PlannedPin[];
  /** Code, evidence and text values of a rule or collection contribution. */
  describe(kind: 'rule' | 'collection', key: number): [ReasonCode, ReasonEvidence, Record<string, string>];
}
