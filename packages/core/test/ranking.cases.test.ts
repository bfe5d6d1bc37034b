/**
 * Ranking and reasons as data: each case in cases/ranking.json is a scripted visitor, a request
 * and the expected order, kinds and reason codes (docs/explanations.md shows the same table).
 */
import { describe, expect, test } from 'vitest';
import type { Pick, ReasonCode, RecommendRequest } from '../src/index.js';
import { englishReasonTemplates } from '../src/explain/messages.js';
import cases from './cases/ranking.json';
import { outdoorCatalog, replay, testCurio, type Step } from './helpers.js';

interface Expect {
  top?: string[];
  includes?: string[];
  excludes?: string[];
  before?: Array<[string, string]>;
  firstReason?: Record<string, string | [string, string]>;
  kinds?: Record<string, Pick['kind']>;
  allKinds?: Pick['kind'];
  codes?: string[];
  onlyCategory?: string;
  maxPerCategory?: number;
  maxPerBrand?: number;
  newForYouCount?: number;
  everyPickHasReason?: boolean;
}
interface Case {
  name: string;
  steps: Step[];
  request: RecommendRequest;
  expect: Expect;
}

/** Codes that only a shop's rules and collections give: merchant.cases.test.ts covers them. */
const MERCHANT_CODES: ReasonCode[] = ['merchant_pick', 'from_collection'];

const countMax = (values: string[]): number => Math.max(0, ...Object.values(values.reduce<Record<string, number>>((m, v) => ((m[v] = (m[v] ?? 0) + 1), m), {})));

describe('ranking cases', () => {
  test('the table covers every reason code', () => {
    const codes = new Set((cases as Case[]).flatMap((c) => [...Object.values(c.expect.firstReason ?? {}).map((r) => (Array.isArray(r) ? r[0] : r)), ...(c.expect.codes ?? [])]));
    // Every code has an English template (the type checker makes sure of it), so the templates list them all.
    const all = Object.keys(englishReasonTemplates) as ReasonCode[];
    expect(all.filter((c) => !codes.has(c) && !MERCHANT_CODES.includes(c))).toEqual([]);
  });

  test.each(cases as Case[])('$name', async ({ steps, request, expect: want }) => {
    const { curio, clock } = testCurio({ consent: 'denied' });
    await curio.ready;
    await replay(curio, clock, steps);
    const picks = await curio.recommend(request);
    const ids = picks.map((p) => p.item);
    const context = JSON.stringify(picks.map((p) => [p.item, p.kind, p.reasons.map((r) => r.code)]));
    if (want.top) expect(ids.slice(0, want.top.length), context).toEqual(want.top);
    for (const id of want.includes ?? []) expect(ids, context).toContain(id);
    for (const id of want.excludes ?? []) expect(ids, context).not.toContain(id);
    for (const [a, b] of want.before ?? []) expect(ids.indexOf(a), context).toBeLessThan(ids.indexOf(b));
    for (const [id, r] of Object.entries(want.firstReason ?? {})) {
      const pick = picks.find((p) => p.item === id);
      expect(pick, `${id} missing: ${context}`).toBeDefined();
      const [code, evidence] = Array.isArray(r) ? r : [r];
      expect(pick!.reasons[0]!.code, context).toBe(code);
      if (evidence) expect(pick!.reasons[0]!.evidence.items).toContain(evidence);
    }
    for (const [id, kind] of Object.entries(want.kinds ?? {})) expect(picks.find((p) => p.item === id)?.kind, context).toBe(kind);
    if (want.allKinds) expect(new Set(picks.map((p) => p.kind)), context).toEqual(new Set([want.allKinds]));
    const codes = new Set(picks.flatMap((p) => p.reasons.map((r) => r.code)));
    for (const c of want.codes ?? []) expect([...codes], context).toContain(c);
    if (want.onlyCategory) for (const p of picks) expect(p.product.categories[0]).toBe(want.onlyCategory);
    if (want.maxPerCategory) expect(countMax(picks.map((p) => p.product.categories.join('>'))), context).toBeLessThanOrEqual(want.maxPerCategory);
    if (want.maxPerBrand) expect(countMax(picks.map((p) => p.product.brand ?? p.item)), context).toBeLessThanOrEqual(want.maxPerBrand);
    if (want.newForYouCount !== undefined) expect(picks.filter((p) => p.kind === 'new_for_you').length, context).toBe(want.newForYouCount);
    for (const p of picks) {
      expect(p.reasons.length).toBeGreaterThanOrEqual(1);
      expect(p.reasons.length).toBeLessThanOrEqual(2);
      for (const r of p.reasons) expect(r.text.length).toBeGreaterThan(0);
      expect(p.product).toBe(curio.product(p.item));
    }
    expect(outdoorCatalog.products.length).toBeGreaterThan(20);
  });
});
