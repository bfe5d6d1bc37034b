import { mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.mjs';

// dt-sql-parser's ES build imports folders, which only Vite's resolver (not Node's) accepts.
export default mergeConfig(shared, { test: { server: { deps: { inline: ['dt-sql-parser'] } } } });
