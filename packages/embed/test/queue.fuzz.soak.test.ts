// Property-based fuzzing of the `window.curio` command queue with page context: whatever a page
// pushes as `["context", …]`, nothing throws and the context the rules see stays valid.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCurio, type CatalogFile } from '@curio/core';
import { takeOverQueue } from '../src/commands.js';

/** Fuzz run count, reported in docs/reliability.md. */
const RUNS = 500;
const catalog: CatalogFile = { version: 1, currency: 'EUR', products: [{ id: 'a', title: 'A', url: '/a', price: 1, categories: ['X'] }] };
const junk = fc.oneof(fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withSet: true }), fc.constantFrom(NaN, Infinity, 'x'.repeat(1 << 20), '__proto__'));

afterEach(() => vi.restoreAllMocks());

describe('the command queue with page context', () => {
  it("['context', anything] never throws into the page; the next good value still reaches the rules", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const curio = createCurio({ catalog, consent: 'denied', storeName: 'queue-fuzz' });
    await curio.ready;
    const queue = takeOverQueue(curio, [['context', { weather: 'rain' }]]);
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.dictionary(fc.string(), junk, { maxKeys: 3 })), async (values) => {
        expect(() => queue.push(['context', values as never])).not.toThrow();
        const { context } = await curio.explainRules();
        for (const v of Object.values(context.values)) expect(['string', 'number', 'boolean']).toContain(typeof v);
        queue.push(['context', { tier: 'gold' }]);
        expect((await curio.explainRules()).context.values.tier).toBe('gold');
      }),
      { numRuns: RUNS },
    );
  });
});
