import { defineConfig } from 'vitest/config';

// Node, not a DOM: these tests pack, install and build in child processes.
export default defineConfig({ test: { environment: 'node', include: ['test/**/*.test.mjs'], testTimeout: 240000, hookTimeout: 240000 } });
