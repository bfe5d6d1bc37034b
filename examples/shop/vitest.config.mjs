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
    // One retry for a test that fails once: on a loaded 2-core CI machine, 1 run in ~200 of the
    // consent-tabs file has seen Chromium drop a page's pending profile() promise ("Resulting
    // promise was garbage collected") right after a database deletion; idle, 4 of 4 runs pass.
    // A test that fails twice still fails. Investigating that drop is an open item (CHANGELOG).
    retry: 1,
  },
});
