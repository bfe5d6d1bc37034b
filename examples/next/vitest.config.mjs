import { defineConfig } from 'vitest/config';

// End-to-end: `next build` and `next start` from the workspace, driven in real Chromium
// (playwright-core + /usr/bin/chromium, or CHROMIUM_PATH). `next build` takes about a minute of
// CPU; on a loaded machine (2 cores shared with other jobs) it was seen to take over 3 minutes.
export default defineConfig({
  test: { environment: 'node', include: ['test/**/*.test.mjs'], testTimeout: 120000, hookTimeout: 600000 },
});
