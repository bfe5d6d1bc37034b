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
      // Soak tests run for long on a busy machine; the fast suite's tests each take well under a second.
      testTimeout: mode === 'soak' ? 300_000 : 20_000,
      passWithNoTests: mode === 'soak',
    },
  }));

export default suite();
