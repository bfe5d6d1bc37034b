/**
 * The tuning's fast path (home and product placements). Most of a replayed case's ranking does
 * not depend on the weights the search tries: the visitor's profile, the candidates, the variant
 * shown for each group, what is filtered out. So each held-out case is ranked once by the shipped ranker
 * ("prepared"), recording every candidate's score terms; each weight trial then recomputes the
 * scores from those terms, with the ranker's arithmetic in the ranker's order, and selects the list
 * as the ranker does (top candidates, the brand cap, the "new for you" slot). Picks are the shipped
 * ranker's, to the bit: every preparation checks its scores and its list against the ranker's, and
 * cases it cannot mirror (stated likes, rules) leave the trial to the ranker itself.
 */
import { DEFAULT_LIST_WEIGHT, historyWeight, itemTerms, neighborFactor, openLists, placementWeights, resolveWeights, type Evidence, type InternedCatalog, type Ranker, type RankingWeights } from '@curio/core/internal';
import { RankingMetrics, type RankingScores } from './rankingMetrics.js';
import { replayVisit, type ReplayCase } from './replayCases.js';

/** Placements the fast path mirrors. */
export type ScorerPlacement = 'home' | 'product';

/**
 * Weights a trial recomputes from the prepared terms; trials differing in any other weight need
 * cases prepared for them. On product pages the re-show boosts are taken as ranked (the page's
 * thread decides which clicks keep theirs), and the anchor's weight is recomputed.
 */
const PER_TRIAL: Record<ScorerPlacement, ReadonlySet<string>> = {
  // History too while it only sets the clicks' floors (see `sameInterest`).
  home: new Set(['lists', 'reshow', 'reshowDecay', 'history', 'category', 'categoryPopularity', 'popularity']),
  product: new Set(['lists', 'reshow', 'category', 'categoryPopularity', 'popularity', 'anchor']),
};

/** Flags of a candidate's variable item terms (core's itemTerms order: re-show, category, …, popularity, …). */
const RESHOW = 1;
const CATEGORY = 2;
const POPULARITY = 4;

/** Prepared structures kept (each holds every case's candidates): a search needs one per placement, more where long sessions make the history weight change profiles. */
const KEPT_STRUCTURES = 3;

/** Candidates the ranker keeps before the diversity rules: `max(limit × 4, 40)` (core's rank). */
const poolSize = (limit: number): number => Math.max(limit * 4, 40);
/** At most this many picks of one brand (and, off a browsing session, of one category): half the list (core's capsOf). */
const diversityCap = (limit: number): number => Math.max(1, Math.floor(limit / 2));
/** Short lists keep every slot for the best matches (core's MIN_LIMIT_FOR_NOVELTY). */
const MIN_LIMIT_FOR_NOVELTY = 4;

/**
 * One case as the ranker saw it. Candidates are groups (their lead item) in CSR arrays:
 * neighbour contributions (`source` = evidence × lists + list, row weight) in the ranker's order,
 * the sources whose row lists the lead itself ("reached", for the new-for-you slot), and the item
 * terms of the variant shown.
 */
interface PreparedCase {
  /** Item index of the click that came next, and whether it was not among the prefix's. */
  target: number;
  newTarget: boolean;
  /** The candidate showing the target (−1: no candidate shows it, so it is never picked with these profile weights). */
  targetSlot: number;
  evidence: Evidence[];
  /** Whether the category cap is on (home, no session in progress) and the new-for-you slot (home, with evidence). */
  capCategories: boolean;
  novelty: boolean;
  /** Product pages: the anchor's evidence (the first), weighing `anchor + anchorExtra` (1 if the page view was not tracked). */
  anchorExtra: number;
  group: Uint32Array;
  shown: Uint32Array;
  /** The group's popularity (the ranker's tie-break). */
  popularity: Float32Array;
  /** 1: a candidate without neighbour lists (re-shown, top lists); else only while a list reaches it. */
  other: Uint8Array;
  /** 1: a product of a category the visitor has not seen (new-for-you material when reached). */
  newKind: Uint8Array;
  nbStart: Uint32Array;
  nbSource: Uint16Array;
  nbWeight: Float32Array;
  reachStart: Uint32Array;
  reachSource: Uint16Array;
  /** Which variable terms the candidate has (RESHOW, CATEGORY, POPULARITY). */
  terms: Uint8Array;
  /** The category term's affinity and category popularity, and the popularity term's popularity. */
  categoryAffinity: Float64Array;
  categoryPopularity: Float32Array;
  popularityTerm: Float32Array;
  /** The constant terms (brand, attributes, price, rating…) in order; `beforePopularity` of them come before the popularity term (0 without one). */
  constStart: Uint32Array;
  constValue: Float64Array;
  beforePopularity: Uint8Array;
  /** Session evidence in order: the candidate its group is (−1 if none) and its steps, for the re-show boost. */
  reshowOf: Int32Array;
  reshowSteps: Float64Array;
  /** Product pages: the re-show boost per candidate, as ranked. */
  reshowFixed?: Float64Array;
  /** Home: the time of each evidence's click and the case's time, for the floors (history weight) of other trials. */
  clickAt?: Float64Array;
  now: number;
  /** Per candidate, the lists contributing to it (bit `min(l, 31)`): a trial changing other lists keeps its score. */
  listMask: Uint32Array;
  /** The scores with the structure's latest weights, and whether each is a candidate and reached by a list then. */
  score: Float64Array;
  present: Uint8Array;
  reached: Uint8Array;
}

/** The prepared cases of one structure and the weights their scores are at. */
interface Structure {
  cases: PreparedCase[];
  at: RankingWeights;
  /** The weights the cases were prepared with (their profiles). */
  prepared: RankingWeights;
}

/** Weights with every list on and the recomputed weights non-zero: preparing then touches every candidate, and the checks see every term. */
function preparingWeights(weights: RankingWeights): RankingWeights {
  const lists = Object.fromEntries(Object.entries(weights.lists).map(([id, w]) => [id, w.weight > 0 ? w : { ...w, weight: 1 }]));
  const nonZero = (v: number, fallback: number): number => (v ? v : fallback);
  return {
    ...weights,
    lists,
    reshow: nonZero(weights.reshow, 1),
    category: nonZero(weights.category, 0.15),
    categoryPopularity: nonZero(weights.categoryPopularity, 0.05),
    popularity: nonZero(weights.popularity, 0.02),
    anchor: nonZero(weights.anchor, 0.5),
  };
}

/** One trial's weights, and what changed since the structure's scores: candidates untouched by the changes keep theirs. */
interface Trial {
  weights: RankingWeights;
  cat: InternedCatalog;
  /** Every score (a term all candidates may have changed, or the first scoring). */
  all: boolean;
  /** Lists whose weight or decay changed (bit `min(l, 31)`). */
  lists: number;
  /** The re-show boost or its decay changed. */
  reshow: boolean;
  /** The history weight changed (every click's floor). */
  history: boolean;
}

const listBit = (l: number): number => 1 << Math.min(l, 31);

/** A trial of `weights` over a structure at `at` (everything changed without `at`). */
function trialOf(cat: InternedCatalog, weights: RankingWeights, at?: RankingWeights): Trial {
  const trial: Trial = { weights, cat: { ...cat, weights }, all: !at, lists: 0, reshow: !at, history: !at };
  if (!at) return trial;
  trial.history = at.history !== weights.history;
  trial.all = trial.history || at.category !== weights.category || at.categoryPopularity !== weights.categoryPopularity || at.popularity !== weights.popularity || at.anchor !== weights.anchor;
  trial.reshow = at.reshow !== weights.reshow || at.reshowDecay !== weights.reshowDecay;
  cat.lists.forEach(({ id }, l) => {
    const a = at.lists[id] ?? DEFAULT_LIST_WEIGHT;
    const b = weights.lists[id] ?? DEFAULT_LIST_WEIGHT;
    if (a.weight !== b.weight || a.decay !== b.decay) trial.lists |= listBit(l);
  });
  return trial;
}

/**
 * Whether the structure's profiles hold with this history weight: its floors change only the
 * neighbour terms, as long as no click's interest (`max(1 / (1 + steps), floor)`, core's
 * buildProfile) changes with them.
 */
function sameInterest(structure: Structure, weights: RankingWeights): boolean {
  if (structure.at.history === weights.history) return true;
  return structure.cases.every((c) => {
    if (!c.clickAt) return false;
    for (let e = 0; e < c.clickAt.length; e++) {
      const steps = c.evidence[e]!.steps;
      const floor = historyWeight(weights, c.now, c.clickAt[e]!);
      if (Math.max(1 / (1 + steps), floor) !== Math.max(1 / (1 + steps), historyWeight(structure.prepared, c.now, c.clickAt[e]!))) return false;
    }
    return true;
  });
}

/** Reusable buffers (grown on demand). */
class Buffers {
  f = new Float64Array(64);
  reshow = new Float64Array(1024);
  heap = new Int32Array(128);
  best = new Int32Array(128);
  fit(candidates: number, sources: number, pool: number): void {
    if (this.f.length < sources) this.f = new Float64Array(sources * 2);
    if (this.reshow.length < candidates) this.reshow = new Float64Array(candidates * 2);
    if (this.heap.length < pool) {
      this.heap = new Int32Array(pool * 2);
      this.best = new Int32Array(pool * 2);
    }
  }
}

/**
 * Scores of one placement for weight trials, as `scoreCatalog` would give them on the same
 * ranker, cases, cutoff and placement. Keeps the prepared cases of the latest {@link KEPT_STRUCTURES}
 * structures (weights the trials do not recompute, see `PER_TRIAL`).
 */
export class ReplayScorer {
  private readonly prepared = new Map<string, Structure | undefined>();
  private readonly buffers = new Buffers();
  /** Group → candidate while a case is prepared (−1 elsewhere). */
  private slotOf = new Int32Array(0);

  /**
   * @param ranker the shipped ranker over the tuning catalog (any weights)
   * @param sessions held-out sessions as product ids
   * @param cases the cases to replay
   * @param cutoff list length k of HR@k / MRR@k
   * @param placement where the picks are shown
   */
  constructor(
    private readonly ranker: Ranker,
    private readonly sessions: readonly string[][],
    private readonly cases: readonly ReplayCase[],
    private readonly cutoff = 20,
    private readonly placement: ScorerPlacement = 'home',
  ) {}

  /**
   * The placement's scores with these weights, or undefined when the cases cannot be mirrored
   * (the caller then replays them through the ranker).
   */
  score(weights: Partial<RankingWeights>): RankingScores | undefined {
    // A placement's own weights other than the anchor could differ from the profile's (built with the top level's).
    if (Object.keys(weights.placements?.[this.placement] ?? {}).some((name) => name !== 'anchor')) return undefined;
    // The placement's own weights, as the ranker applies them.
    const resolved = placementWeights(resolveWeights(weights), this.placement);
    let key = JSON.stringify(Object.entries(resolved).filter(([name]) => name !== 'placements' && !PER_TRIAL[this.placement].has(name)));
    const shared = this.prepared.get(key);
    // Cases whose profile the history weight changes (long sessions) are prepared per history weight.
    if (shared && !sameInterest(shared, resolved)) key += `|history ${resolved.history}`;
    let structure = this.prepared.get(key);
    if (!this.prepared.has(key)) {
      structure = this.prepare(resolved);
      if (this.prepared.size >= KEPT_STRUCTURES) this.prepared.delete(this.prepared.keys().next().value!);
    } else this.prepared.delete(key); // re-inserted below as the latest
    this.prepared.set(key, structure);
    if (!structure) return undefined;
    const trial = trialOf(this.ranker.catalog, resolved, structure.at);
    structure.at = resolved;
    const metrics = new RankingMetrics(this.cutoff);
    for (const c of structure.cases) metrics.add(this.rankOfTarget(c, trial), c.newTarget);
    return metrics.scores();
  }

  /** Ranks every case once with the shipped ranker and records what the trials need; undefined if a case cannot be mirrored. */
  private prepare(weights: RankingWeights): Structure | undefined {
    const preparing = preparingWeights(weights);
    // The placement's weights are the top level's here: the ranker's scope adds nothing of its own.
    const ranker = this.ranker.withWeights({ ...preparing, placements: {} });
    const trial = trialOf(ranker.catalog, preparing);
    const out: PreparedCase[] = [];
    for (const { session, prefix } of this.cases) {
      const prepared = this.prepareCase(ranker, this.sessions[session]!, prefix);
      // The check: the mirrored list is the ranker's.
      if (!prepared || !prepared.matches(this.list(prepared.case, trial, true))) return undefined;
      out.push(prepared.case);
    }
    return { cases: out, at: trial.weights, prepared: trial.weights };
  }

  private prepareCase(ranker: Ranker, items: readonly string[], prefix: number): { case: PreparedCase; matches: (list: number[]) => boolean } | undefined {
    const { catalog, scratch } = ranker;
    const visit = replayVisit(catalog, items, prefix, { limit: this.cutoff, placement: this.placement });
    scratch.score.fill(NaN); // untouched items stay NaN: the candidates are exactly the scored ones
    const ranking = ranker.ranking(visit.visitor, visit.request, visit.now);
    const { cat, profile, likes } = ranking;
    if (profile.likes.length || profile.dislikes.length || ranking.items.some((item) => item.pinnedBy !== undefined)) return undefined;
    const lists = cat.lists.length;
    if (profile.evidence.length * lists > 0xffff) return undefined;
    if (this.slotOf.length < cat.size) this.slotOf = new Int32Array(cat.size).fill(-1);
    const slotOf = this.slotOf;
    // Candidates by group, in the order first met; neighbour contributions (source, weight) in the ranker's order.
    const groups: number[] = [];
    const other: number[] = [];
    const candidate = (g: number): number => {
      let c = slotOf[g]!;
      if (c < 0) {
        slotOf[g] = c = groups.length;
        groups.push(g);
        other.push(0);
      }
      return c;
    };
    const nb = { candidate: [] as number[], source: [] as number[], weight: [] as number[] };
    const reach = { candidate: [] as number[], source: [] as number[] };
    profile.evidence.forEach((e, ei) => {
      for (let l = 0; l < lists; l++) {
        const row = cat.rows.row(l, e.item);
        if (!row) continue;
        for (let k = 0; k < row.ids.length; k++) {
          const g = cat.lead[row.ids[k]!]!;
          const c = candidate(g);
          nb.candidate.push(c), nb.source.push(ei * lists + l), nb.weight.push(row.weights[k]!);
          if (row.ids[k] === g) reach.candidate.push(c), reach.source.push(ei * lists + l);
        }
      }
    });
    const touch = (item: number): void => void (other[candidate(cat.lead[item]!)] = 1);
    for (const i of profile.reshow.keys()) touch(i);
    const [openCategories, openBrands] = openLists(profile, likes);
    for (const c of openCategories) cat.topByCategory[c]!.forEach(touch);
    for (const b of openBrands) cat.topByBrand[b]!.forEach(touch);
    cat.topOverall.forEach(touch);
    for (const g of groups) slotOf[g] = -1;
    let scored = 0;
    for (let i = 0; i < cat.size; i++) if (!Number.isNaN(scratch.score[i])) scored++;
    if (scored !== groups.length) return undefined;

    // Kept candidates (not filtered out) and their terms.
    const keptOf = new Int32Array(groups.length).fill(-1);
    let n = 0;
    groups.forEach((g, c) => {
      if (scratch.score[g] !== -Infinity) keptOf[c] = n++;
    });
    const contributions = csr(n, keptOf, nb.candidate, nb.source, nb.weight);
    const reached = csr(n, keptOf, reach.candidate, reach.source, reach.source);
    // Every field set here, in one order (one object shape for the hot loops).
    const prepared: PreparedCase = {
      target: cat.index.get(items[prefix]!) ?? -1,
      targetSlot: -1,
      newTarget: items.indexOf(items[prefix]!) === prefix,
      evidence: profile.evidence.slice(),
      capCategories: this.placement === 'home' && !profile.evidence.some((e) => e.steps >= 0),
      novelty: this.placement === 'home' && profile.evidence.length > 0 && this.cutoff >= MIN_LIMIT_FOR_NOVELTY,
      anchorExtra: 0,
      now: visit.now,
      group: new Uint32Array(n),
      shown: new Uint32Array(n),
      popularity: new Float32Array(n),
      other: new Uint8Array(n),
      newKind: new Uint8Array(n),
      nbStart: contributions.nbStart,
      nbSource: contributions.nbSource,
      nbWeight: contributions.nbWeight,
      reachStart: reached.nbStart,
      reachSource: reached.nbSource,
      terms: new Uint8Array(n),
      categoryAffinity: new Float64Array(n),
      categoryPopularity: new Float32Array(n),
      popularityTerm: new Float32Array(n),
      constStart: new Uint32Array(n + 1),
      constValue: new Float64Array(0),
      beforePopularity: new Uint8Array(n),
      reshowOf: new Int32Array(0),
      reshowSteps: new Float64Array(0),
      listMask: new Uint32Array(n),
      score: new Float64Array(n),
      present: new Uint8Array(n),
      reached: new Uint8Array(n),
    };
    for (let m = 0; m < n; m++) {
      for (let k = prepared.nbStart[m]!; k < prepared.nbStart[m + 1]!; k++) prepared.listMask[m] |= listBit(prepared.nbSource[k]! % lists);
    }
    const constants: number[] = [];
    let m = -1;
    let i = -1;
    let supported = true;
    // Terms in core's order: the variable ones at their places, else a constant.
    const sink = (kind: string, _key: number, value: number): void => {
      const flags = prepared.terms[m]!;
      const first = constants.length === prepared.constStart[m];
      if (kind === 'reshow' && !flags && first) prepared.terms[m] = RESHOW;
      else if (kind === 'category' && flags < CATEGORY && first) {
        prepared.terms[m] = flags | CATEGORY;
        prepared.categoryAffinity[m] = profile.categories.get(cat.category[i]!)!;
        prepared.categoryPopularity[m] = cat.categoryPopularity[i]!;
      } else if (kind === 'popularity' && flags < POPULARITY && constants.length - prepared.constStart[m]! <= 255) {
        prepared.terms[m] = flags | POPULARITY;
        prepared.popularityTerm[m] = cat.popularity[i]!;
        prepared.beforePopularity[m] = constants.length - prepared.constStart[m]!;
      } else if (kind === 'reshow' || kind === 'category' || kind === 'popularity' || kind === 'search_category') supported = false;
      else constants.push(value);
    };
    groups.forEach((g, c) => {
      if ((m = keptOf[c]!) < 0) return;
      i = cat.variants.size ? (scratch.variant?.get(g) ?? g) : g;
      prepared.group[m] = g;
      prepared.shown[m] = i;
      prepared.popularity[m] = cat.popularity[g]!;
      prepared.other[m] = other[c]!;
      prepared.newKind[m] = cat.category[g]! >= 0 && !profile.seenCategories.has(cat.category[g]!) ? 1 : 0;
      prepared.constStart[m] = constants.length;
      itemTerms(cat, profile, likes, i, sink);
      prepared.constStart[m + 1] = constants.length;
    });
    if (!supported) return undefined;
    prepared.constValue = Float64Array.from(constants);
    prepared.targetSlot = prepared.shown.indexOf(prepared.target);
    if (this.placement === 'product') {
      // The anchor's evidence comes first (weight > 0 here); its weight follows the trial's anchor.
      const anchor = prepared.evidence[0];
      const extra = anchor ? anchor.weight - cat.weights.anchor : NaN;
      if (!anchor || anchor.item !== cat.index.get(items[prefix - 1]!) || anchor.steps !== 0 || anchor.floor !== 0 || cat.weights.anchor + extra !== anchor.weight) return undefined;
      prepared.evidence[0] = { ...anchor };
      prepared.anchorExtra = extra;
      prepared.reshowFixed = Float64Array.from(prepared.group, (g) => profile.reshow.get(g) ?? 0);
    }
    const session = this.placement === 'home' ? profile.evidence.filter((e) => e.steps >= 0) : [];
    // One evidence per click, in click order: the floors follow the trial's history weight.
    const events = visit.visitor.events;
    if (this.placement === 'home' && session.length === events.length && session.length === profile.evidence.length && session.every((e, k) => e.item === cat.index.get(events[k]!.item!))) {
      prepared.clickAt = Float64Array.from(events, (e) => e.at);
      prepared.evidence = prepared.evidence.map((e) => ({ ...e }));
    }
    prepared.reshowOf = Int32Array.from(session, (e) => {
      const c = groups.indexOf(cat.lead[e.item]!);
      return c < 0 ? -1 : keptOf[c]!;
    });
    prepared.reshowSteps = Float64Array.from(session, (e) => e.steps);

    // The check: every score as the ranker computed it (then the list, by the caller).
    this.scoreCandidates(prepared, trialOf(cat, cat.weights));
    for (let k = 0; k < n; k++) if (prepared.score[k] !== scratch.score[prepared.group[k]!]) return undefined;
    const expected = ranking.items.map((item) => item.item);
    return { case: prepared, matches: (list) => list.length === expected.length && list.every((item, k) => item === expected[k]) };
  }

  /** Scores the candidates of a case the trial's changes touch (all of them for `trial.all`); `present` 0: not a candidate with these weights. */
  private scoreCandidates(c: PreparedCase, trial: Trial): void {
    const n = c.group.length;
    const lists = trial.cat.lists.length;
    const b = this.buffers;
    b.fit(n, c.evidence.length * lists, poolSize(this.cutoff));
    const { f, reshow } = b;
    const w = trial.weights;
    if (c.reshowFixed) c.evidence[0]!.weight = w.anchor + c.anchorExtra;
    if (c.clickAt && trial.history) for (let e = 0; e < c.clickAt.length; e++) c.evidence[e]!.floor = historyWeight(w, c.now, c.clickAt[e]!);
    for (let e = 0; e < c.evidence.length; e++) for (let l = 0; l < lists; l++) f[e * lists + l] = neighborFactor(trial.cat, c.evidence[e]!, l);
    // Re-show boosts as core's buildProfile sums them: ρ^steps per session click of the group, in click order.
    for (let k = 0; k < c.reshowOf.length; k++) if (c.reshowOf[k]! >= 0) reshow[c.reshowOf[k]!] = 0;
    for (let k = 0; k < c.reshowOf.length; k++) {
      const m = c.reshowOf[k]!;
      if (m >= 0) reshow[m] = reshow[m]! + w.reshowDecay ** c.reshowSteps[k]!;
    }
    const { nbStart, nbSource, nbWeight, reachStart, reachSource, terms, constStart, constValue, listMask, score, present, reached } = c;
    const all = trial.all;
    const changedLists = trial.lists;
    const changedReshow = trial.reshow;
    for (let m = 0; m < n; m++) {
      const flags = terms[m]!;
      if (!all && !(listMask[m]! & changedLists) && !(changedReshow && flags & RESHOW)) continue;
      let on = c.other[m]!;
      let nb = 0;
      for (let k = nbStart[m]!, end = nbStart[m + 1]!; k < end; k++) {
        const fs = f[nbSource[k]!]!;
        if (!(fs > 0)) continue;
        nb += fs * nbWeight[k]!;
        on = 1;
      }
      present[m] = on;
      let hit = 0;
      for (let k = reachStart[m]!, end = reachStart[m + 1]!; k < end && !hit; k++) if (f[reachSource[k]!]! > 0) hit = 1;
      reached[m] = hit;
      // core's itemTerms, summed from 0 in its order, then added to the neighbour part.
      let sum = 0;
      if (flags & RESHOW) sum += w.reshow * (c.reshowFixed ? c.reshowFixed[m]! : reshow[m]!);
      if (flags & CATEGORY) sum += c.categoryAffinity[m]! * (w.category + w.categoryPopularity * c.categoryPopularity[m]!);
      let k = constStart[m]!;
      for (const split = k + c.beforePopularity[m]!; k < split; k++) sum += constValue[k]!;
      if (flags & POPULARITY) sum += w.popularity * c.popularityTerm[m]!;
      for (const end = constStart[m + 1]!; k < end; k++) sum += constValue[k]!;
      score[m] = nb + sum;
    }
  }

  /** The list the ranker shows for a case (shown items, best first); `scored`: the buffers hold the case's scores already. */
  private list(c: PreparedCase, trial: Trial, scored = false): number[] {
    if (!scored) this.scoreCandidates(c, trial);
    const { score, present, reached } = c;
    const cat = trial.cat;
    const group = c.group;
    const pool = new Pool(this.buffers, c, score, present, poolSize(this.cutoff));
    const limit = this.cutoff;
    const cap = diversityCap(limit);
    const capCategories = c.capCategories;
    const count = (list: number[], field: Int32Array, v: number): number => list.reduce((k, m) => k + (field[group[m]!] === v ? 1 : 0), 0);
    const fits = (list: number[], m: number): boolean => {
      const cg = cat.category[group[m]!]!;
      const bg = cat.brand[group[m]!]!;
      return !((capCategories && cg >= 0 && count(list, cat.category, cg) >= cap) || (bg >= 0 && count(list, cat.brand, bg) >= cap));
    };
    const chosen: number[] = [];
    const skipped: number[] = [];
    for (let p = 0; p < pool.size; p++) {
      if (chosen.length === limit) break;
      const m = pool.at(p);
      (fits(chosen, m) ? chosen : skipped).push(m);
    }
    for (const m of skipped) if (chosen.length < limit) chosen.push(m);
    if (c.novelty) {
      const isNew = (m: number): boolean => score[m]! > 0 && c.newKind[m] === 1 && reached[m] === 1;
      if (!chosen.some(isNew)) {
        const kept = chosen.slice(0, limit - 1);
        const candidate = (m: number): boolean => !kept.includes(m) && isNew(m) && fits(kept, m);
        // The first such in pool order (ordering the pool only when one is in it).
        if (pool.members().some(candidate)) {
          let p = 0;
          while (!candidate(pool.at(p))) p++;
          chosen.splice(0, chosen.length, ...kept, pool.at(p));
        }
      }
    }
    return chosen.map((m) => c.shown[m]!);
  }

  /** 1-based rank of the case's target in the list, 0 if absent. */
  private rankOfTarget(c: PreparedCase, trial: Trial): number {
    const t = c.targetSlot;
    if (t < 0) return 0;
    this.scoreCandidates(c, trial);
    const { score, present } = c;
    if (!present[t]) return 0;
    // Outside the pool (this many candidates rank above it), the target is never picked.
    const pool = poolSize(this.cutoff);
    let above = 0;
    for (let m = 0, n = c.group.length; m < n && above < pool; m++) if (present[m] && score[m]! >= score[t]! && m !== t && better(score, c, m, t)) above++;
    if (above >= pool) return 0;
    // Fewer candidates above it than a diversity cap allows, and before the last slot (the only
    // one the new-for-you pick takes): nothing before it is skipped, nor is it.
    if (above < Math.min(diversityCap(this.cutoff), this.cutoff - 1)) return above + 1;
    return this.list(c, trial, true).indexOf(c.target) + 1;
  }
}

/** Neighbour contributions (or reaching sources) of the kept candidates in CSR form, each candidate's in the order met. */
function csr(n: number, keptOf: Int32Array, candidate: number[], source: number[], weight: number[]): Pick<PreparedCase, 'nbStart' | 'nbSource' | 'nbWeight'> {
  const nbStart = new Uint32Array(n + 1);
  for (const c of candidate) if (keptOf[c]! >= 0) nbStart[keptOf[c]! + 1]++;
  for (let m = 0; m < n; m++) nbStart[m + 1] += nbStart[m]!;
  const at = nbStart.slice(0, n);
  const nbSource = new Uint16Array(nbStart[n]!);
  const nbWeight = new Float32Array(nbStart[n]!);
  candidate.forEach((c, j) => {
    const m = keptOf[c]!;
    if (m < 0) return;
    nbSource[at[m]!] = source[j]!;
    nbWeight[at[m]!++] = weight[j]!;
  });
  return { nbStart, nbSource, nbWeight };
}

/** Candidate m ranks above n: higher score, then more popular, then the lower index (core's topK). */
function better(score: Float64Array, c: PreparedCase, m: number, n: number): boolean {
  const sm = score[m]!;
  const sn = score[n]!;
  if (sm !== sn) return sm > sn;
  const pm = c.popularity[m]!;
  const pn = c.popularity[n]!;
  return pm !== pn ? pm > pn : c.group[m]! < c.group[n]!;
}

/**
 * The `k` best present candidates of a case (core's topK), put in order only as far as they are
 * read: a bounded heap whose root is the worst kept finds them, then a heap whose root is the best
 * hands them out best first.
 */
class Pool {
  /** How many candidates the pool holds. */
  readonly size: number;
  private readonly ordered: number[] = [];
  private left: number;
  private readonly heap: Int32Array;
  /** a is below b: the best-first heap's order. */
  private readonly below: (a: number, b: number) => boolean;

  constructor(buffers: Buffers, c: PreparedCase, score: Float64Array, present: Uint8Array, k: number) {
    const above = (a: number, b: number): boolean => better(score, c, a, b);
    this.below = (a, b) => better(score, c, b, a);
    const worstFirst = buffers.heap;
    let size = 0;
    for (let m = 0, n = c.group.length; m < n; m++) {
      if (!present[m]) continue;
      if (size < k) {
        worstFirst[size] = m;
        siftUp(worstFirst, size++, above);
      } else if (score[m]! >= score[worstFirst[0]!]! && better(score, c, m, worstFirst[0]!)) {
        worstFirst[0] = m;
        siftDown(worstFirst, 0, size, above);
      }
    }
    this.size = this.left = size;
    this.heap = buffers.best;
    this.heap.set(worstFirst.subarray(0, size));
    for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(this.heap, i, size, this.below);
  }

  /** The pool's candidates, in no particular order. */
  members(): number[] {
    return this.ordered.concat(Array.from(this.heap.subarray(0, this.left)));
  }

  /** The p-th best candidate (p < size). */
  at(p: number): number {
    while (this.ordered.length <= p) {
      this.ordered.push(this.heap[0]!);
      this.heap[0] = this.heap[--this.left]!;
      siftDown(this.heap, 0, this.left, this.below);
    }
    return this.ordered[p]!;
  }
}

/** Moves heap[i] up while `above(parent, it)` (the root is the element nothing is above). */
function siftUp(heap: Int32Array, i: number, above: (a: number, b: number) => boolean): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!above(heap[p]!, heap[i]!)) return;
    const t = heap[i]!;
    heap[i] = heap[p]!;
    heap[p] = t;
    i = p;
  }
}

/** Moves heap[i] down below children it is `above` (heap of `size`). */
function siftDown(heap: Int32Array, i: number, size: number, above: (a: number, b: number) => boolean): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let top = i;
    if (l < size && above(heap[top]!, heap[l]!)) top = l;
    if (r < size && above(heap[top]!, heap[r]!)) top = r;
    if (top === i) return;
    const t = heap[i]!;
    heap[i] = heap[top]!;
    heap[top] = t;
    i = top;
  }
}
