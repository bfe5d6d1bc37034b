import { defineConfig } from 'vitest/config';

// Node, not a DOM: these tests pack, install and build in child processes. One file at a time:
// both pack the same packages.
export default defineConfig({ test: { environment: 'node', include: ['test/**/*.test.mjs'], fileParallelism: false, testTimeout: 240000, hookTimeout: 240000 } });
