// @vitest-environment node
/**
 * destroy(): a Node process that created an instance with consent granted and IndexedDB present
 * (fake-indexeddb) exits once the instance is destroyed. The open BroadcastChannel alone keeps
 * Node alive otherwise, which the control run shows. Runs the built package (`pnpm build`) in a
 * child process, as an app's server or a script would.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const core = `${root}packages/core/dist/index.js`;

beforeAll(() => {
  if (!existsSync(core)) execFileSync(process.execPath, [`${root}node_modules/rollup/dist/bin/rollup`, '-c', 'rollup.config.mjs'], { cwd: root, stdio: 'inherit' });
}, 300_000);

/** The child: track, then (unless `keep`) destroy; a second instance reads what the first saved. */
const script = (destroy: boolean) => `
import 'fake-indexeddb/auto';
import { createCurio } from ${JSON.stringify(core)};
import catalog from ${JSON.stringify(`${root}packages/core/test/fixtures/outdoor-catalog.json`)} with { type: 'json' };
const curio = createCurio({ catalog, consent: 'granted', storeName: 'node-exit' });
await curio.ready;
curio.track({ type: 'view_item', item: 'headlamp' });
${destroy ? `await curio.destroy();
const again = createCurio({ catalog, consent: 'granted', storeName: 'node-exit' });
const { eventCounts, storage } = await again.profile();
console.log(JSON.stringify({ eventCounts, storage }));
await again.destroy();` : `console.log('kept');`}
`;

/** Runs the child; resolves with its exit code and output, or `'running'` if still alive after `ms`. */
function run(destroy: boolean, ms: number): Promise<{ code: number | null | 'running'; out: string; err: string }> {
  const child = spawn(process.execPath, ['--no-warnings', '--input-type=module', '-e', script(destroy)], { cwd: `${root}packages/core` });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve({ code: 'running', out, err });
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

test('a Node process exits after destroy(), with what it tracked saved', async () => {
  const { code, out, err } = await run(true, 10_000);
  expect(err).toBe('');
  expect(code).toBe(0);
  expect(JSON.parse(out)).toEqual({ eventCounts: { view_item: 1 }, storage: 'indexeddb' });
});

test('without destroy() the same process never exits (the channel keeps Node alive)', async () => {
  const { code, out } = await run(false, 4_000);
  expect(out.trim()).toBe('kept');
  expect(code).toBe('running');
});
