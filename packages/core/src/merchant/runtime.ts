/**
 * The merchant chunk: rules and collections compiled for a catalog, and per request the plan the
 * ranker applies (filters, pins, boosts and buries, collection terms). Loaded lazily, only by
 * shops that configure rules or collections.
 */
import type { InternedCatalog } from '../catalog/intern.js';
import { CurioError, warnOnce } from '../errors.js';
import { sessionStart, type Profile } from '../profile/profile.js';
import type { StoredState } from '../store/types.js';
import { landingOf } from '../context/landing.js';
import type { MerchantPlan } from '../rank/merchantPlan.js';
import type { Collection, CollectionMatch, ContextValue, Landing, Locale, LocalizedText, Placement, Rule, RulesReport, VisitorContext } from '../types.js';
import { matchCollections, type CollectionMatchIndex } from './collections.js';
import { placePins, type PlannedPin } from './pins.js';
import { whyNot } from './conditions.js';
import { compileSelector, popularityOrder } from './selector.js';
import { actionOf, checkCollections, checkRules } from './validate.js';

import { browserEnvironment, collectContext, type Environment } from '../context/collect.js';

/** Score a matched collection adds to its products, times the match strength. */
const COLLECTION_WEIGHT = 0.5;
/** Score a boost adds (or a bury subtracts) when the rule gives no weight: as much as a stated like. */
const DEFAULT_RULE_WEIGHT = 1;

/** True when the visitor has behaviour from before the current session. */
export function isReturning(state: Pick<StoredState, 'events' | 'aggregates'>, now: number): boolean {
  return Object.keys(state.aggregates.items).length > 0 || (state.events[0]?.at ?? now) < sessionStart(state.events, now);
}

/** Rules and collections from the catalog file and from createCurio() options. */
export interface MerchantSources {
  catalog: { rules?: unknown; collections?: unknown };
  options: { rules?: unknown; collections?: unknown };
}

/** The text for `locale`: the locale's own, else English, else any. */
export function localize(text: LocalizedText | undefined, locale: Locale): string | undefined {
  return typeof text == 'string' ? text : text && (text[locale] ?? text.en ?? Object.values(text)[0]);
}

/**
 * Checks both sources. Problems in options are configuration errors (thrown as CurioError);
 * problems in the catalog skip the entry with one warning. Options replace catalog entries with
 * the same id.
 */
export function mergeSources({ catalog, options }: MerchantSources): { rules: Rule[]; collections: Collection[] } {
  const fromOptions = { rules: checkRules(options.rules), collections: checkCollections(options.collections) };
  const optionProblem = [...fromOptions.rules.problems, ...fromOptions.collections.problems][0];
  if (optionProblem) throw new CurioError('invalid_option', `createCurio(): ${optionProblem}.`, optionProblem.startsWith('rule') ? 'rules.md' : 'collections.md');
  const fromCatalog = { rules: checkRules(catalog.rules), collections: checkCollections(catalog.collections) };
  const problems = [...fromCatalog.rules.problems, ...fromCatalog.collections.problems];
  if (problems.length) warnOnce('merchant-problems', `${problems.length} catalog rule(s) or collection(s) skipped: ${problems.slice(0, 3).join('; ')}.`);
  const merge = <T extends { id: string }>(base: T[], over: T[]): T[] => [...base.filter((b) => !over.some((o) => o.id === b.id)), ...over];
  return { rules: merge(fromCatalog.rules.valid, fromOptions.rules.valid), collections: merge(fromCatalog.collections.valid, fromOptions.collections.valid) };
}

/** Rules and collections compiled for one catalog. */
export interface Merchant {
  /**
   * The session's landing to record, when it changed (rules may test the traffic source; see
   * context/landing.ts); undefined when it did not; null when no rule exists (none is kept).
   */
  landing(state: Pick<StoredState, 'events' | 'landing'>, href: string, referrer: string, now: number): Landing | null | undefined;
  /** The visitor's context at `now`: the browser environment (read once), the session's landing and the page's values. */
  context(state: Pick<StoredState, 'events' | 'aggregates' | 'landing'>, values: Record<string, ContextValue>, now: number): VisitorContext;
  /** The plan for one request. `collection` restricts picks to that collection (unknown id: no picks). */
  plan(profile: Profile, ctx: VisitorContext, placement: Placement, collection: string | undefined, locale: Locale, now: number): MerchantPlan;
  /** The collections the visitor matches, best first; with `withHidden`, then the ones they hid. */
  matches(profile: Profile, locale: Locale, withHidden?: boolean): CollectionMatch[];
  /** Every rule's status for a context, and the matched collections. */
  report(profile: Profile, ctx: VisitorContext, locale: Locale, now: number): RulesReport;
}

/** Compiles rules (highest priority first) and collections against a catalog. */
export function createMerchant(cat: InternedCatalog, sources: MerchantSources): Merchant {
  const { rules: given, collections } = mergeSources(sources);
  const rules = given.map((rule, n) => ({ rule, n })).sort((a, b) => (b.rule.priority ?? 0) - (a.rule.priority ?? 0) || a.n - b.n).map(({ rule }) => rule);
  const order = popularityOrder(cat);
  const selectors = rules.map((r) => compileSelector(cat, r.then[actionOf(r)]!, order));
  const members = collections.map((c) => compileSelector(cat, c.filter ?? { items: c.items }, order));

  const collectionMatches = (profile: Profile): CollectionMatchIndex[] => {
    const ids = (like: boolean) => new Set(profile[like ? 'likes' : 'dislikes'].filter((p) => p.kind === 'collection').map((p) => collections.findIndex((c) => c.id === p.value)));
    return matchCollections(members, profile, ids(true), ids(false));
  };
  const toMatch = (m: CollectionMatchIndex, locale: Locale): CollectionMatch => {
    const c = collections[m.index]!;
    const description = localize(c.description, locale);
    return { id: c.id, name: localize(c.name, locale)!, ...(description && { description }), ...(c.image && { image: c.image }), strength: m.strength, because: m.because.map((i) => cat.products[i]!.id) };
  };

  // The browser environment (user agent, languages, time zone) does not change during a page: read once.
  let environment: Environment | undefined;

  return {
    landing: (state, href, referrer, now) => (rules.length ? landingOf(state, href, referrer, now) : null),
    context(state, values, now) {
      environment ??= browserEnvironment();
      return collectContext(environment, state.landing ?? { at: now, source: 'direct', utm: {} }, isReturning(state, now), values, now);
    },
    matches(profile, locale, withHidden) {
      const hidden = withHidden ? profile.dislikes.filter((p) => p.kind === 'collection').map((p) => collections.findIndex((c) => c.id === p.value)) : [];
      return [
        ...collectionMatches(profile).map((m) => toMatch(m, locale)),
        ...hidden.filter((k) => k >= 0).map((index) => ({ ...toMatch({ index, strength: 0, because: [] }, locale), hidden: true })),
      ];
    },

    report(profile, ctx, locale, now) {
      return {
        context: ctx,
        rules: rules.map((rule, r) => {
          const why = whyNot(rule, ctx, profile.likes, now);
          return { id: rule.id, fired: !why, ...(why && { why }), action: actionOf(rule), matches: selectors[r]!.size };
        }),
        collections: collectionMatches(profile).map((m) => toMatch(m, locale)),
      };
    },

    plan(profile, ctx, placement, collection, locale, now) {
      const active = rules.map((rule, r) => [rule, r] as const).filter(([rule]) => !whyNot(rule, ctx, profile.likes, now, placement));
      const filters = active.filter(([rule]) => rule.then.filter).map(([, r]) => selectors[r]!);
      const shifts = active
        .filter(([rule]) => rule.then.boost || rule.then.bury)
        .map(([rule, r]) => [r, selectors[r]!, (rule.then.weight ?? DEFAULT_RULE_WEIGHT) * (rule.then.bury ? -1 : 1)] as const);
      const pins: PlannedPin[] = active
        .filter(([rule]) => rule.then.pin)
        .map(([rule, r]) => ({ rule: r, position: (rule.then.position ?? 1) - 1, count: rule.then.count ?? 1, items: selectors[r]!.top, listed: selectors[r]!.listed }));
      const matched = collectionMatches(profile);
      const k = collection === undefined ? undefined : collections.findIndex((c) => c.id === collection);
      if (k === -1) warnOnce(`collection:${collection}`, `recommend(): unknown collection ${JSON.stringify(collection)}; no picks.`);
      const only = k === undefined ? undefined : members[k];
      return {
        candidates: [...shifts.flatMap(([, s]) => s.top), ...pins.flatMap((p) => Array.from(p.items)), ...matched.flatMap((m) => members[m.index]!.top), ...(only?.top ?? [])],
        excludes: (i) => (k !== undefined && !only?.has(i)) || filters.some((f) => f.has(i)),
        terms(i, sink) {
          for (const [r, s, w] of shifts) if (s.has(i)) sink('rule', r, w, -1);
          for (const m of matched) if (members[m.index]!.has(i)) sink('collection', m.index, COLLECTION_WEIGHT * m.strength, -1);
        },
        place: (ranked, score, limit, pinnedBy) => placePins(pins, ranked, score, limit, pinnedBy),
        describe(kind, key) {
          if (kind === 'rule') {
            const rule = rules[key]!;
            return ['merchant_pick', { rule: rule.id }, { label: localize(rule.then.label, locale) ?? '' }];
          }
          const m = matched.find((x) => x.index === key)!;
          const c = collections[key]!;
          const name = localize(c.name, locale)!;
          // Matched because the visitor said they like it: that is a stated preference.
          if (!m.because.length) return ['matches_preference', { collection: c.id }, { value: name }];
          return ['from_collection', { collection: c.id, items: [cat.products[m.because[0]!]!.id] }, { collection: name }];
        },
      };
    },
  };
}
