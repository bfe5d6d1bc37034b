import { defineConfig } from 'vitest/config';

// End-to-end: the example built from the workspace, served on localhost, driven in real Chromium
// (playwright-core + /usr/bin/chromium, or CHROMIUM_PATH).
export default defineConfig({
  test: { environment: 'node', include: ['test/**/*.test.mjs'], testTimeout: 120000, hookTimeout: 180000 },
});
