/**
 * Merchant controls as data: each case in cases/merchant.json is a visitor (events, stated
 * preferences, page context, landing URL and referrer, device, local time), the shop's rules and
 * collections, a request, and the expected order, kinds, reasons, fired rules and matched
 * collections. docs/rules.md and docs/collections.md explain the same rules.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCurio, CurioError, type CatalogFile, type Collection, type ContextValue, type Pick, type RecommendRequest, type Rule } from '../src/index.js';
import cases from './cases/merchant.json';
import { outdoorCatalog, replay, type Step } from './helpers.js';

interface Case {
  name: string;
  /** Landing page URL and referrer of this page view. */
  url?: string;
  referrer?: string;
  userAgent?: string;
  /** Local time of "now": [year, month (0-based), day, hour]. */
  date?: [number, number, number, number];
  steps?: Step[];
  rules?: Rule[];
  collections?: Collection[];
  /** Put the rules and collections in the catalog file instead of the options. */
  inCatalog?: boolean;
  context?: Record<string, ContextValue>;
  /** Page context set after start-up with setContext(). */
  setContext?: Record<string, ContextValue | null>;
  request: RecommendRequest;
  expect: {
    top?: string[];
    includes?: string[];
    excludes?: string[];
    /** Expected item at a 1-based position. */
    at?: Record<string, string>;
    firstReason?: Record<string, string>;
    text?: Record<string, string>;
    kinds?: Record<string, Pick['kind']>;
    codes?: string[];
    noCodes?: string[];
    onlyIn?: string[];
    fired?: string[];
    why?: Record<string, string>;
    context?: Record<string, unknown>;
    collections?: string[];
    because?: Record<string, string>;
    error?: string;
    warning?: string;
  };
}

/** The fixture shop with merchant tags on a few products. */
const TAGS: Record<string, string[]> = { 'rain-shell': ['rainwear'], 'hiking-pants': ['rainwear'], 'trail-runner-gtx': ['rainwear'], 'linen-shorts': ['staff-pick'] };
const taggedCatalog: CatalogFile = { ...outdoorCatalog, products: outdoorCatalog.products.map((p) => (TAGS[p.id] ? { ...p, tags: TAGS[p.id] } : p)) };

let db = 0;
const userAgent = navigator.userAgent;

afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
  Object.defineProperty(document, 'referrer', { value: '', configurable: true });
  Object.defineProperty(navigator, 'userAgent', { value: userAgent, configurable: true });
});

describe('merchant cases', () => {
  test('the table covers every action, condition and conflict', () => {
    const rules = (cases as Case[]).flatMap((c) => c.rules ?? []);
    for (const action of ['pin', 'boost', 'bury', 'filter']) expect(rules.some((r) => action in r.then), action).toBe(true);
    const conditions = new Set(rules.flatMap((r) => Object.keys(r.when ?? {})));
    for (const c of ['placement', 'device', 'source', 'utm_campaign', 'country', 'hour', 'weekday', 'season', 'returning', 'preference', 'context']) expect(conditions, c).toContain(c);
    expect(rules.some((r) => r.end) && rules.some((r) => r.start)).toBe(true);
  });

  test.each(cases as Case[])('$name', async (c) => {
    await runCase(c);
  });

  // Faithful like every reason: take the rule or collection away and the pick loses.
  test.each((cases as Case[]).filter((c) => !c.expect.error && (c.rules?.length || c.collections?.length)))('without its rule or collection, a pick that names one ranks lower: $name', async (c) => {
    const withIt = await runCase({ ...c, expect: { ...c.expect, warning: undefined } }); // warned once already
    const without = await runCase({ ...c, rules: [], collections: [], expect: {} });
    for (const [n, p] of withIt.entries()) {
      if (!p.reasons.some((r) => r.evidence.rule || r.evidence.collection)) continue;
      const m = without.findIndex((q) => q.item === p.item);
      expect(m < 0 || m > n || without[m]!.score < p.score, `${p.item} at ${n}, without at ${m}`).toBe(true);
    }
  });
});

async function runCase(c: Case): Promise<Pick[]> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  if (c.url) history.replaceState(null, '', c.url);
  if (c.referrer) Object.defineProperty(document, 'referrer', { value: c.referrer, configurable: true });
  if (c.userAgent) Object.defineProperty(navigator, 'userAgent', { value: c.userAgent, configurable: true });
  const [y, m, d, h] = c.date ?? [2026, 10, 24, 12];
  const clock = { t: new Date(y, m, d, h, 0).getTime() };
  const merchant = { rules: c.rules, collections: c.collections };
  const catalog = c.inCatalog ? { ...taggedCatalog, ...merchant } : taggedCatalog;
  const curio = createCurio({ catalog, now: () => clock.t, storeName: `merchant-${++db}`, locale: 'en', consent: 'denied', ...(!c.inCatalog && merchant), ...(c.context && { context: c.context }) });
  const want = c.expect;
  if (want.error) {
    await expect(curio.ready).rejects.toBeInstanceOf(CurioError);
    await expect(curio.ready).rejects.toThrow(want.error);
    return [];
  }
  await curio.ready;
  await replay(curio, clock, c.steps ?? []);
  if (c.setContext) curio.setContext(c.setContext);
  const picks = await curio.recommend(c.request);
  const ids = picks.map((p) => p.item);
  const seen = JSON.stringify(picks.map((p) => [p.item, p.kind, p.reasons.map((r) => r.code)]));
  if (want.top) expect(ids.slice(0, want.top.length), seen).toEqual(want.top);
  for (const id of want.includes ?? []) expect(ids, seen).toContain(id);
  for (const id of want.excludes ?? []) expect(ids, seen).not.toContain(id);
  for (const [position, id] of Object.entries(want.at ?? {})) expect(ids[Number(position) - 1], seen).toBe(id);
  for (const [id, code] of Object.entries(want.firstReason ?? {})) expect(picks.find((p) => p.item === id)?.reasons[0]?.code, seen).toBe(code);
  for (const [id, text] of Object.entries(want.text ?? {})) expect(picks.find((p) => p.item === id)?.reasons[0]?.text, seen).toBe(text);
  for (const [id, kind] of Object.entries(want.kinds ?? {})) expect(picks.find((p) => p.item === id)?.kind, seen).toBe(kind);
  const codes = picks.flatMap((p) => p.reasons.map((r) => r.code));
  for (const code of want.codes ?? []) expect(codes, seen).toContain(code);
  for (const code of want.noCodes ?? []) expect(codes, seen).not.toContain(code);
  if (want.onlyIn) for (const id of ids) expect(want.onlyIn, seen).toContain(id);
  for (const p of picks) {
    expect(p.reasons.length).toBeGreaterThanOrEqual(1);
    for (const r of p.reasons) expect(r.text.length).toBeGreaterThan(0);
    // A rule's or collection's reason names its rule or collection, which exists.
    for (const r of p.reasons) if (r.evidence.rule) expect(c.rules?.some((x) => x.id === r.evidence.rule)).toBe(true);
    for (const r of p.reasons) if (r.evidence.collection) expect(c.collections?.some((x) => x.id === r.evidence.collection)).toBe(true);
  }
  const report = await curio.explainRules();
  if (want.fired) expect(report.rules.filter((r) => r.fired).map((r) => r.id)).toEqual(want.fired);
  for (const [id, why] of Object.entries(want.why ?? {})) expect(report.rules.find((r) => r.id === id)?.why).toContain(why);
  for (const [key, value] of Object.entries(want.context ?? {})) expect((report.context as unknown as Record<string, unknown>)[key]).toEqual(value);
  if (want.collections) expect((await curio.collections()).map((m) => m.id)).toEqual(want.collections);
  for (const [id, item] of Object.entries(want.because ?? {})) expect((await curio.collections()).find((m) => m.id === id)?.because[0]).toBe(item);
  if (want.warning) expect(warn.mock.calls.flat().join(' ')).toContain(want.warning);
  return picks;
}
