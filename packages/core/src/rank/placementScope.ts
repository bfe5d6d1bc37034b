/**
 * What one placement makes of the visitor's profile and the catalog's weights. The page's own
 * products — the product on screen, the cart, the order — become evidence of their own (the
 * "anchor"), and the session's clicks unrelated to them count as history only: an earlier detour
 * through other departments must not take over a product page (docs/explanations.md).
 */
import type { InternedCatalog } from '../catalog/intern.js';
import type { Evidence, Profile } from '../profile/profile.js';
import type { Placement } from '../types.js';
import { placementWeights } from '../catalog/weights.js';

/** A request as placementScope needs it (ids resolved). */
export interface ScopeRequest {
  placement: Placement;
  item?: number;
  /** The cart's or the order's items, when the page passes them. */
  items?: number[];
}

/** The catalog (with the placement's weights) and the profile one request ranks with, and its anchors. */
export interface Scope {
  cat: InternedCatalog;
  profile: Profile;
  /** The page's own products: never picked, nor their variants. */
  anchors: number[];
}

/** Placements whose page shows products of its own. */
const ANCHORED: readonly Placement[] = ['product', 'cart', 'order'];

/** The anchors of a request: the product on screen, the cart's items, or the order's items. */
export function anchorsOf(profile: Profile, req: ScopeRequest): number[] {
  if (req.placement === 'product') return req.item === undefined ? [] : [req.item];
  if (req.placement === 'cart') return req.items ?? [...profile.cart.values()];
  if (req.placement === 'order') return req.items ?? profile.lastOrder;
  return [];
}

const perPlacement = new WeakMap<InternedCatalog, Map<Placement, InternedCatalog>>();

/** The catalog with one placement's weights (the same object when the placement has none of its own). */
function withWeights(cat: InternedCatalog, placement: Placement): InternedCatalog {
  if (!cat.weights.placements?.[placement]) return cat;
  const known = perPlacement.get(cat) ?? perPlacement.set(cat, new Map()).get(cat)!;
  let scoped = known.get(placement);
  if (!scoped) known.set(placement, (scoped = { ...cat, weights: placementWeights(cat.weights, placement) }));
  return scoped;
}

/** True when a neighbour list links x and y (either way). */
function linked(cat: InternedCatalog, x: number, y: number): boolean {
  for (let l = 0; l < cat.lists.length; l++) {
    if (cat.rows.row(l, x)?.ids.includes(y) || cat.rows.row(l, y)?.ids.includes(x)) return true;
  }
  return false;
}

/** Same leaf category (products without one share none), same group, or neighbours. */
const related = (cat: InternedCatalog, x: number, y: number): boolean => (cat.category[x]! >= 0 && cat.category[x] === cat.category[y]) || cat.lead[x] === cat.lead[y] || linked(cat, x, y);

/**
 * The scope of one request. Without anchors: the catalog's weights and the profile as they are.
 * With anchors: each anchor is evidence as if just looked at, of weight `anchor` (1 more when the
 * page has not tracked a view of it just now); the cart's and the order's items weigh as cart
 * adds and purchases plus `anchor`, through bought-together lists when the catalog has them; session clicks join the
 * anchors' thread when related to an anchor or to a later click of the thread, and the others
 * weigh as history (no re-show).
 */
export function placementScope(catalog: InternedCatalog, profile: Profile, req: ScopeRequest): Scope {
  const cat = withWeights(catalog, req.placement);
  const anchors = ANCHORED.includes(req.placement) ? anchorsOf(profile, req) : [];
  if (!anchors.length) return { cat, profile, anchors };
  const w = cat.weights;
  const boughtOnly = req.placement !== 'product' && cat.lists.some((l) => l.kind === 'bought_together');
  const thread = new Set(anchors);
  // The product on screen counts as a fresh view when the page has not reported one, plus
  // `anchor`; the cart's and the order's items weigh as cart adds and purchases, plus `anchor`.
  const fresh = (a: number): boolean => profile.evidence.some((e) => e.item === a && e.steps >= 0 && e.steps < 1);
  const evidence: Evidence[] = [];
  for (const item of anchors) {
    const weight = w.anchor + (req.placement === 'cart' ? w.cart : req.placement === 'order' ? w.purchase : fresh(item) ? 0 : 1);
    if (weight > 0) evidence.push({ item, steps: 0, weight, floor: 0, ...(boughtOnly && { boughtOnly }) });
  }
  const reshow = new Map(profile.reshow);
  // Most recent first, so a click joins the thread through the later clicks it leads to.
  const session = profile.evidence.filter((e) => e.steps >= 0).sort((a, b) => a.steps - b.steps);
  const off = new Set<Evidence>();
  for (const e of session) {
    if (thread.has(e.item) || [...thread].some((t) => related(cat, e.item, t))) thread.add(e.item);
    else off.add(e);
  }
  for (const e of profile.evidence) {
    // On cart and order pages their items count as the anchors only: what goes with them, not what resembles them.
    if (boughtOnly && anchors.includes(e.item)) continue;
    if (!off.has(e)) evidence.push(e);
    else {
      evidence.push({ item: e.item, steps: -1, weight: e.weight * e.floor, floor: 0 });
      reshow.delete(cat.lead[e.item]!);
    }
  }
  // A demoted click may share its group with a thread click: that one keeps the re-show.
  for (const e of session) if (!off.has(e) && profile.reshow.has(cat.lead[e.item]!)) reshow.set(cat.lead[e.item]!, profile.reshow.get(cat.lead[e.item]!)!);
  return { cat, profile: { ...profile, evidence, reshow }, anchors };
}
