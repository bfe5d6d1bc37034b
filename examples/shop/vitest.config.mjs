import { defineConfig } from 'vitest/config';

// End-to-end tests: the built demo shop served on localhost, driven in real Chromium
// (playwright-core + the system's /usr/bin/chromium, or CHROMIUM_PATH). See test/setup.mjs.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.mjs'],
    globalSetup: ['test/setup.mjs'],
    testTimeout: 120000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
