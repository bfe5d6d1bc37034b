/**
 * Property-based fuzzing of the merchant's say and the page's context: `rules` and `collections`
 * (in the options: a CurioError naming the rule or collection and the field, or an instance whose
 * picks are valid; in a catalog file: bad ones skipped with one warning, never a crash) and
 * `setContext()` with anything (never throws, never corrupts the context the rules see).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCurio, CurioError, type Curio, type Pick } from '../src/index.js';
import { checkCollections, checkRules } from '../src/merchant/validate.js';
import { outdoorCatalog } from './helpers.js';

/** Fuzz run counts, reported in docs/reliability.md. */
const RUNS = { options: 300, catalogs: 200, context: 500 };

const junk = fc.oneof(
  fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withSet: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 'x'.repeat(1 << 20), '__proto__', 'constructor', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '', ' '),
);
const products = outdoorCatalog.products;
const ids = products.map((p) => p.id);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 20, arbitrary: arb }, { weight: 1, arbitrary: junk });
/** Which field gets junk: none half of the time. */
const mutated = (...fields: string[]) => fc.oneof(fc.constant('none'), fc.constantFrom(...fields));
const text = fc.oneof(fc.constantFrom('rain', 'gold', 'Trail week', 'Notre choix'), fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim().length > 0));
const label = fc.oneof(text, fc.record({ en: text, fr: text, de: text }, { requiredKeys: ['en'] }));
const selector = fc.record(
  {
    items: fc.subarray(ids, { minLength: 1, maxLength: 4 }),
    category: fc.constantFrom(...new Set(products.flatMap((p) => [p.categories[0]!, p.categories.join(' > ')]))),
    brand: fc.constantFrom(...new Set(products.map((p) => p.brand!))),
    attribute: fc.constantFrom<[string, string]>(['size', '42'], ['color', 'white'], ['material', 'merino']),
    tag: text,
  },
  { requiredKeys: [] },
).filter((s) => Object.keys(s).length > 0);
const when = fc.record(
  {
    placement: maybe(fc.constantFrom('home', 'product', 'cart', 'category')),
    device: maybe(fc.constantFrom('mobile', 'tablet', 'desktop')),
    hour: maybe(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 24 }))),
    returning: maybe(fc.boolean()),
    utm_campaign: maybe(text),
    preference: maybe(fc.record({ brand: text, category: text }, { requiredKeys: ['brand'] })),
    context: maybe(fc.dictionary(text, fc.oneof(text, fc.double(), fc.boolean(), fc.array(text, { maxLength: 3 })), { maxKeys: 3 })),
  },
  { requiredKeys: [] },
);
const action = fc.constantFrom('pin', 'boost', 'bury', 'filter');
/** A rule that is valid, then possibly one field replaced by junk. */
const rule = fc
  .record({
    id: text,
    when,
    action,
    selector,
    weight: maybe(fc.double({ min: 0.1, max: 100, noNaN: true })),
    position: maybe(fc.integer({ min: 1, max: 50 })),
    count: maybe(fc.integer({ min: 1, max: 50 })),
    label,
    priority: maybe(fc.integer({ min: -5, max: 5 })),
    start: maybe(fc.constantFrom(undefined, '2020-01-01', '2026-11-24T00:00:00Z', 'not a date')),
    field: mutated('id', 'when', 'then', 'priority', 'start', 'end', 'extra'),
    value: junk,
  })
  .map(({ id, when, action, selector, weight, position, count, label, priority, start, field, value }) => {
    const then: Record<string, unknown> = { [action]: selector, label };
    if (action === 'pin') Object.assign(then, { position, count });
    else if (action !== 'filter') then.weight = weight;
    const r: Record<string, unknown> = { id, when, then, priority, start };
    if (field !== 'none') r[field] = value;
    return r;
  });
/** A collection that is valid, then possibly one field replaced by junk. */
const collection = fc
  .record({
    id: text,
    name: label,
    description: fc.option(label, { nil: undefined }),
    members: fc.oneof(fc.record({ items: fc.subarray(ids, { minLength: 1, maxLength: 6 }) }), fc.record({ filter: selector })),
    image: fc.constantFrom(undefined, '/img/a.jpg', 'https://shop.example/a.jpg', '//cdn.example/a.jpg', 'javascript:alert(1)', ' java\tscript:alert(1)', 'data:image/png;base64,AA'),
    field: mutated('id', 'name', 'description', 'items', 'filter', 'image', 'extra'),
    value: junk,
  })
  .map(({ id, name, description, members, image, field, value }) => {
    const c: Record<string, unknown> = { id, name, description, ...members, image };
    if (field !== 'none') c[field] = value;
    return c;
  });
const list = (arb: fc.Arbitrary<Record<string, unknown>>) => fc.oneof({ weight: 20, arbitrary: fc.uniqueArray(arb, { maxLength: 3, selector: (v) => v.id }) }, { weight: 1, arbitrary: junk });

const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});
afterEach(() => vi.restoreAllMocks());
const settle = async (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

/** Every placement gives valid picks: catalog products, no duplicates, finite scores, at least one reason with text. */
async function expectValidPicks(curio: Curio) {
  for (const placement of ['home', 'product', 'cart', 'category'] as const) {
    const picks: Pick[] = await curio.recommend({ placement, item: 'trail-runner-2', category: 'Shoes', limit: 6 });
    expect(new Set(picks.map((p) => p.item)).size).toBe(picks.length);
    for (const pick of picks) {
      expect(ids).toContain(pick.item);
      expect(Number.isFinite(pick.score)).toBe(true);
      expect(pick.reasons.length).toBeGreaterThan(0);
      for (const reason of pick.reasons) expect(reason.text.trim().length).toBeGreaterThan(0);
    }
  }
  for (const c of await curio.collections()) expect(c.strength).toBeGreaterThanOrEqual(0);
}

let n = 0;
const make = (options: Record<string, unknown>) => createCurio({ catalog: outdoorCatalog, consent: 'denied', storeName: `merchant-fuzz-${++n}`, ...options } as never);

describe('rules and collections', () => {
  test('in the options: a CurioError naming the rule or collection and the field, or valid picks', async () => {
    quiet();
    let errors = 0;
    let worked = 0;
    await fc.assert(
      fc.asyncProperty(list(rule), list(collection), async (rules, collections) => {
        const problems = [...checkRules(rules).problems, ...checkCollections(collections).problems];
        let curio: Curio;
        try {
          curio = make({ rules, collections });
        } catch (e) {
          return void expect(e).toBeInstanceOf(CurioError);
        }
        const error = await settle(curio.ready);
        if (error) {
          errors++;
          expect(error).toBeInstanceOf(CurioError);
          // The first problem, as the validator words it: "rule "id": "then.weight" must be …".
          expect((error as Error).message).toContain(problems[0]!.slice(0, 40));
          expect((error as Error).message).toMatch(/^\[curio\] createCurio\(\): (rule|collection)(s must be a list| (".*"|#\d+): .*(must|has a duplicate id|needs))/s);
          return;
        }
        expect(problems).toEqual([]);
        curio.track({ type: 'view_item', item: 'summit-boot' });
        curio.setContext({ weather: 'rain' });
        await expectValidPicks(curio);
        await curio.explainRules();
        worked++;
      }),
      { numRuns: RUNS.options },
    );
    // Both outcomes are exercised often.
    expect(Math.min(errors, worked)).toBeGreaterThan(RUNS.options / 20);
  });

  test('in a catalog file: bad ones skipped (one warning per page), the others work, never a crash', async () => {
    const warn = quiet();
    let skipped = 0;
    await fc.assert(
      fc.asyncProperty(list(rule), list(collection), async (rules, collections) => {
        const curio = make({ catalog: { ...outdoorCatalog, rules, collections } });
        await curio.ready;
        const problems = [...checkRules(rules).problems, ...checkCollections(collections).problems];
        curio.track({ type: 'view_item', item: 'summit-boot' });
        await expectValidPicks(curio);
        skipped += problems.length;
        const report = await curio.explainRules();
        expect(report.rules.map((r) => r.id).sort()).toEqual(checkRules(rules).valid.map((r) => r.id).sort());
      }),
      { numRuns: RUNS.catalogs },
    );
    expect(skipped).toBeGreaterThan(0);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/catalog rule\(s\) or collection\(s\) skipped: (rule|collection)/);
  });
});

describe('keys named like Object.prototype members', () => {
  // Found by the fuzzer once: JSON.parse makes "__proto__" an own key, and the field check read it
  // from the prototype (a TypeError instead of a CurioError).
  test.each(['__proto__', 'constructor', 'toString'])('"%s" in a rule or a collection is a problem naming the key, never a crash', async (key) => {
    const rules = JSON.parse(`[{ "id": "r", "when": { "${key}": 1 }, "then": { "boost": { "brand": "Alpina" } } }]`);
    const collections = JSON.parse(`[{ "id": "c", "name": "Trail", "filter": { "${key}": "x" } }]`);
    expect(checkRules(rules).problems.join()).toContain(`"${key}"`);
    expect(checkCollections(collections).problems.join()).toContain(`"${key}"`);
    // Options are checked with the merchant chunk: `ready` rejects.
    await expect(make({ rules }).ready).rejects.toBeInstanceOf(CurioError);
    await expect(make({ collections }).ready).rejects.toBeInstanceOf(CurioError);
  });
});

describe('setContext()', () => {
  const withContextRule = async () => {
    const curio = make({ rules: [{ id: 'rainy', when: { context: { weather: 'rain' } }, then: { boost: { category: 'Shoes' }, weight: 3, label: 'Rainy day' } }] });
    await curio.ready;
    return curio;
  };
  const pageValues = async (curio: Curio) => (await curio.explainRules()).context.values;
  const valid = (v: unknown) => typeof v == 'boolean' || (typeof v == 'number' && Number.isFinite(v)) || (typeof v == 'string' && v.length <= 200);

  test('any value never throws and leaves only valid page values; the rules still see the next good one', async () => {
    quiet();
    const curio = await withContextRule();
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'weather')), junk, { maxKeys: 4 })), async (values) => {
        expect(() => curio.setContext(values as never)).not.toThrow();
        for (const v of Object.values(await pageValues(curio))) expect(valid(v)).toBe(true);
        curio.setContext({ weather: 'rain' });
        expect((await curio.explainRules()).rules[0]).toMatchObject({ id: 'rainy', fired: true });
        curio.setContext({ weather: null });
        expect((await curio.explainRules()).rules[0]).toMatchObject({ id: 'rainy', fired: false });
      }),
      { numRuns: RUNS.context },
    );
    expect(Object.getPrototypeOf(await pageValues(curio))).toBe(Object.prototype);
    await expectValidPicks(curio);
  });
});
