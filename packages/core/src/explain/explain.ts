/**
 * Reasons, faithful by construction: the score's terms are itemised by evidence with the same
 * functions that produced the score; the first reason names the largest contributor, a second
 * one (if any) another real contributor. Nothing is named that did not add to the score.
 */
import type { InternedCatalog } from '../catalog/intern.js';
import { categoryLabel } from '../catalog/lookup.js';
import type { Profile } from '../profile/profile.js';
import type { MerchantPlan } from '../rank/merchantPlan.js';
import type { ResolvedPreferences } from '../rank/preferences.js';
import type { RankedItem, Ranking } from '../rank/ranker.js';
import { groupOf, itemTerms, neighborTerms, type TermKind } from '../rank/terms.js';
import { formatNumber } from '../numberFormat.js';
import type { Locale, Pick, Reason, ReasonCode, ReasonEvidence } from '../types.js';
import { reasonText } from './messages.js';

/** A group of terms sharing one piece of evidence. */
export interface Contribution {
  kind: TermKind;
  key: number;
  value: number;
  /** For neighbour evidence: the value that came through bought-together lists. */
  bought: number;
}

/** A second reason must carry at least this share of the score. */
const SECOND_REASON_SHARE = 0.1;

/** All contributions to item j's score, grouped by evidence, largest first (the shop's rules and collections included). */
export function contributions(cat: InternedCatalog, profile: Profile, likes: ResolvedPreferences, j: number, plan?: MerchantPlan): Contribution[] {
  const groups = new Map<string, Contribution>();
  const sink = (kind: TermKind, key: number, value: number, list: number): void => {
    const id = `${kind}:${key}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { kind, key, value: 0, bought: 0 }));
    g.value += value;
    if (list >= 0 && cat.lists[list]!.kind === 'bought_together') g.bought += value;
  };
  neighborTerms(cat, profile, j, sink);
  itemTerms(cat, profile, likes, j, sink);
  plan?.terms(j, sink);
  return [...groups.values()].filter((g) => g.value > 0).sort((a, b) => b.value - a.value || a.key - b.key);
}

/** Code and evidence of a contribution (before text), with text values only the merchant plan knows. */
function describe(cat: InternedCatalog, profile: Profile, c: Contribution, j: number, plan?: MerchantPlan): [ReasonCode, ReasonEvidence, Record<string, string>?] {
  const { kind, key } = c;
  const p = cat.products[j]!;
  // The names of interned categories, brands and attributes, by the evidence field they go in.
  const named = { category: cat.categoryNames[key]!, brand: cat.brandNames[key]!, attribute: cat.attrNames[key]! };
  switch (kind) {
    case 'rule':
    case 'collection':
      return plan!.describe(kind, key);
    case 'neighbor':
      return [c.bought * 2 > c.value ? 'bought_together' : 'viewed_similar', { items: [cat.products[key]!.id] }];
    case 'reshow': {
      // The variants of the pick's group the visitor looked at (a view of any variant counts for the group).
      const viewed = groupOf(cat, key).filter((m) => profile.evidence.some((e) => e.item === m));
      return ['recently_viewed', { items: (viewed.length ? viewed : [j]).map((m) => cat.products[m]!.id) }];
    }
    case 'category':
    case 'brand':
    case 'attribute':
      return [`${kind}_affinity`, { [kind]: named[kind] }];
    case 'price':
      return ['price_range', { attribute: ['price', String(p.price)] }];
    case 'preference': {
      const { kind: liked, value } = profile.likes[key]!;
      return ['matches_preference', liked == 'price' ? { attribute: ['price', (value as number[]).join('–')] } : { [liked]: value }];
    }
    case 'search_category':
      return ['matches_search', { query: profile.searchCategories.get(key)!, category: named.category }];
    case 'search_brand':
      return ['matches_search', { query: profile.searchBrands.get(key)!, brand: named.brand }];
    case 'popularity':
      return ['popular', {}];
    case 'rating':
      return p.reviews?.length ? ['review_quote', { quote: p.reviews[0]! }] : ['top_rated', {}];
  }
}

/** Localized text for a reason about product j; `extra` adds or overrides text values. */
function toReason(cat: InternedCatalog, locale: Locale, code: ReasonCode, evidence: ReasonEvidence, j: number, extra?: Record<string, string>): Reason {
  const p = cat.products[j]!;
  const item = evidence.items?.[0];
  const category = evidence.category ?? cat.categoryNames[cat.category[j]!] ?? '';
  // Missing values fill their placeholders with nothing (see reasonText).
  const values: Record<string, string | undefined> = {
    item: item && cat.products[cat.index.get(item)!]!.title,
    category: category.slice(category.lastIndexOf('>') + 1).trim(),
    brand: evidence.brand,
    name: evidence.attribute?.[0],
    value: evidence.attribute?.[1] ?? evidence.brand ?? evidence.category,
    query: evidence.query,
    quote: evidence.quote,
    rating: formatNumber(p.rating ?? 0, locale),
    count: formatNumber(p.reviewCount ?? 0, locale),
  };
  if (code === 'matches_preference' && evidence.category) values.value = values.category;
  Object.assign(values, extra);
  // A rule's reason is the merchant's own label when it has one.
  return { code, text: (code === 'merchant_pick' && values.label) || reasonText(locale, code, values), evidence };
}

/** What explaining one pick takes: its facts, the scope it was ranked in, and the language. */
export interface PickToExplain extends RankedItem, Omit<Ranking, 'items'> {
  /** Language of the reasons' texts. */
  locale: Locale;
  /** The shop's rules and collections for the request, when it has any. */
  plan?: MerchantPlan;
}

/** Builds the pick for one ranked item with its reasons. */
export function explainPick({ cat, profile, likes, item: j, score, novel, locale, plan, pinnedBy }: PickToExplain): Pick {
  const product = cat.products[j]!;
  const pinned = pinnedBy !== undefined;
  const groups = contributions(cat, profile, likes, j, plan);
  const reasons: Reason[] = [];
  const reason = (g: Contribution): Reason => {
    const [code, evidence, extra] = describe(cat, profile, g, j, plan);
    return toReason(cat, locale, code, evidence, j, extra);
  };
  const top = groups[0];
  const via = novel ? groups.find((g) => g.kind === 'neighbor') : undefined;
  // A pinned pick is where it is because of the rule: that comes first, then its own merits.
  if (pinned) reasons.push(reason({ kind: 'rule', key: pinnedBy, value: 0, bought: 0 }));
  else if (via) {
    reasons.push(toReason(cat, locale, 'new_for_you', { category: categoryLabel(cat, cat.category[j]!), items: [cat.products[via.key]!.id] }, j));
  } else if (top) reasons.push(reason(top));
  const first = reasons[0]?.code;
  const second = groups.find((g, n) => (novel || pinned || n > 0) && g.value >= SECOND_REASON_SHARE * score && describe(cat, profile, g, j, plan)[0] !== first && (pinned || g.kind !== 'neighbor'));
  const quote = groups.find((g) => g.kind === 'rating');
  const extra = second ?? (quote && first !== 'review_quote' && first !== 'top_rated' ? quote : undefined);
  if (extra) reasons.push(reason(extra));
  // Nothing in the profile or the priors counted: the honest reason is where it comes from (a
  // product without a category has none to give).
  if (!reasons.length && cat.category[j]! >= 0) reasons.push(toReason(cat, locale, 'in_category', { category: cat.categoryNames[cat.category[j]!]! }, j));
  const kind = pinned || top?.kind === 'rule' ? 'rule' : novel ? 'new_for_you' : top?.kind === 'collection' ? 'collection' : top && (top.kind === 'popularity' || top.kind === 'rating') ? 'popular' : 'personal';
  return { item: product.id, product, score, reasons, kind };
}

/** The picks of a ranked list, each with its reasons (in the list's own scope; `plan`: the request's rules and collections). */
export function explainRanked({ items, cat, profile, likes }: Ranking, locale: Locale, plan?: MerchantPlan): Pick[] {
  return items.map((ranked) => explainPick({ ...ranked, cat, profile, likes, locale, plan }));
}
