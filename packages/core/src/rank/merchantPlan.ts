/**
 * What the shop's rules and collections do to one request, in the form the ranker and the
 * explanations use. Built per request by the merchant chunk (src/merchant), which is loaded only
 * when a shop has rules or collections; without them the ranking path is unchanged.
 */
import type { ReasonCode, ReasonEvidence } from '../types.js';
import type { TermSink } from './terms.js';

/** The merchant side of one request. */
export interface MerchantPlan {
  /** Items the ranker must score besides its own candidates (boosted, pinnable, collection items). */
  candidates: number[];
  /** True when an active filter (or the requested collection) excludes item `i`. */
  excludes(i: number): boolean;
  /** Emits the rule (`key`: rule index) and collection (`key`: collection index) terms of item `i`. */
  terms(i: number, sink: TermSink): void;
  /**
   * The ranked list with the active pins put in place (`pinnedBy`: each pinned item → its rule);
   * `ranked` itself when no pin is active.
   */
  place(ranked: number[], score: Float64Array, limit: number, pinnedBy: Map<number, number>): number[];
  /** Code, evidence and text values of a rule or collection contribution. */
  describe(kind: 'rule' | 'collection', key: number): [ReasonCode, ReasonEvidence, Record<string, string>];
}
