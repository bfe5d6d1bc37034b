// `pnpm demo`: builds every package (as `pnpm build` does) and serves the demo shop (PORT, default
// 8080). On a first run the catalog's generation, weight tuning mostly, takes about as long as the
// build: it needs only the core and the catalog CLI, so those are built first and the catalog is
// generated while the widget and curio.js build in a second process; the React adapter and the
// evaluation CLI, which the shop does not use, build once it is served. Rollup's per-file lines
// are kept back (shown only when a build fails); its warnings are shown.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureShopData } from './generate-catalog.mjs';
import { startServer } from './serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rollup = fileURLToPath(new URL('../../node_modules/rollup/dist/bin/rollup', import.meta.url));
const PARTS = { catalog: 'the core and the catalog CLI', browser: 'the widget and curio.js', other: 'the React adapter and the evaluation CLI' };

/** Runs `rollup -c` for one part of rollup.config.mjs (`CURIO_BUILD`); resolves once built, rejects with its output. */
function build(part) {
  const child = spawn(process.execPath, [rollup, '-c', 'rollup.config.mjs', '--environment', `CURIO_BUILD:${part}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    // Rollup's warnings start with "(!)": worth seeing at once.
    for (const line of String(chunk).split('\n')) if (line.includes('(!)')) process.stderr.write(`${line}\n`);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve, reject) =>
    child.on('error', reject).on('exit', (code) => {
      if (code) return reject(new Error(`building ${PARTS[part]} failed:\n${output}`));
      console.log(`built ${PARTS[part]}`);
      resolve();
    }),
  );
}

const fail = (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
};

try {
  // As `pnpm build`: no file of an earlier build is left over.
  for (const entry of readdirSync(`${root}packages`, { withFileTypes: true }))
    if (entry.isDirectory()) rmSync(`${root}packages/${entry.name}/dist`, { recursive: true, force: true });
  await build('catalog');
  const browser = build('browser');
  // Synchronous (the catalog CLI runs as a child process): the browser build runs meanwhile.
  ensureShopData();
  await browser;
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8080) });
  console.log(`Demo shop: ${url}`);
  // The shop is served meanwhile: a failure here is reported, not fatal.
  build('other').catch((error) => console.error(error.message));
} catch (error) {
  fail(error);
}
