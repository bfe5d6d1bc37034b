// Test set-up shared by the packages: happy-dom for the DOM, fake-indexeddb for real IndexedDB semantics.
// `vitest run` runs the fast suite; `vitest run --mode soak` runs only the soak tests
// (`*.soak.test.*`: property-based, fuzz and year-long footprint runs), which CI runs too.
import { defineConfig } from 'vitest/config';

const SOAK = ['test/**/*.soak.test.ts', 'test/**/*.soak.test.tsx'];

/**
 * The shared configuration; `{ dom: false }` for packages that run in Node only (the catalog CLI,
 * the evaluation): no happy-dom and no fake-indexeddb to set up for each test file.
 */
export const suite = ({ dom = true } = {}) =>
  defineConfig(({ mode }) => ({
    test: {
      environment: dom ? 'happy-dom' : 'node',
      setupFiles: dom ? ['fake-indexeddb/auto'] : [],
      include: mode === 'soak' ? SOAK : ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      exclude: mode === 'soak' ? [] : SOAK,
      // Soak tests run for long on a busy machine. The fast suite's tests take well under a second
      // each, a few up to 7 s (100,000 events, 40 simulated experiments), several times that while
      // `pnpm test` type-checks and tests every package at once on 2 cores.
      testTimeout: mode === 'soak' ? 300_000 : 60_000,
      passWithNoTests: mode === 'soak',
      // Many tests wait (storage retries, open time-outs, a day's report) more than they compute:
      // four files at once on a 2-core machine took the core's suite from 77 s to 41 s, same CPU
      // time; worker threads rather than processes, 36 s and 12 % less CPU.
      maxWorkers: 4,
      pool: 'threads',
    },
  }));

export default suite();
