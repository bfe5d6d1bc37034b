import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run against the core's source, so they need no build step.
  resolve: { alias: { '@curio/core': new URL('../core/src/index.ts', import.meta.url).pathname } },
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20000,
  },
});
