import { defineConfig, mergeConfig } from 'vitest/config';
import { suite } from '../vitest.shared.mjs';

// dt-sql-parser's ES build imports folders, which only Vite's resolver (not Node's) accepts.
export default defineConfig((env) => mergeConfig(suite({ dom: false })(env), { test: { server: { deps: { inline: ['dt-sql-parser'] } } } }));
