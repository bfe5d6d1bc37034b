// Test set-up shared by the packages: happy-dom for the DOM, fake-indexeddb for real IndexedDB semantics.
// `vitest run` runs the fast suite; `vitest run --mode soak` runs only the soak tests
// (`*.soak.test.*`: property-based, fuzz and year-long footprint runs), which CI runs too.
import { defineConfig } from 'vitest/config';

const SOAK = ['test/**/*.soak.test.ts', 'test/**/*.soak.test.tsx'];

export default defineConfig(({ mode }) => ({
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: mode === 'soak' ? SOAK : ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: mode === 'soak' ? [] : SOAK,
    // Soak tests run for long on a busy machine; the fast suite's tests each take well under a second.
    testTimeout: mode === 'soak' ? 300_000 : 20_000,
    passWithNoTests: mode === 'soak',
  },
}));
