// `pnpm demo`: builds what the demo shop needs and serves it (port from PORT, default 8080).
// First the core and the catalog CLI; then, side by side, curio.js's files and (first run only)
// the demo's catalog, which needs the CLI but not curio.js; then the pages and the server. Each
// step is one process, so the two in the middle share a 2-core machine's cores.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shopDataIsStale } from './generate-catalog.mjs';
import { startServer } from './serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rollup = `${root}node_modules/rollup/dist/bin/rollup`;

/** Runs `node …args` from the repository root with `env` added; rejects when it fails. */
const run = (args, env = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node ${args.join(' ')} exited with ${code}`))));
  });
/** One part of the root build (see `CURIO_BUILD` in rollup.config.mjs). */
const build = (part) => run([rollup, '-c', 'rollup.config.mjs'], { CURIO_BUILD: part });

try {
  for (const dir of ['core', 'widget', 'catalog-cli', 'embed']) rmSync(`${root}packages/${dir}/dist`, { recursive: true, force: true });
  await build('catalog-cli');
  await Promise.all([build('script-tag'), shopDataIsStale() && run([fileURLToPath(new URL('./generate-catalog.mjs', import.meta.url))])]);
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8080) });
  console.log(`Demo shop: ${url}`);
} catch (error) {
  console.error(`pnpm demo: ${error.message}`);
  process.exit(1);
}
