// Global setup of the end-to-end tests: makes sure the script-tag build exists (runs the root
// build when it is missing), builds the shop and serves it on a free port for all test files.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../serve.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** @param {import('vitest/node').TestProject} project */
export default async function setup(project) {
  if (!existsSync(`${root}packages/embed/dist/curio.js`)) {
    execFileSync(process.execPath, [`${root}node_modules/rollup/dist/bin/rollup`, '-c', 'rollup.config.mjs'], { cwd: root, stdio: 'inherit' });
  }
  const { url, close } = await startServer({ port: 0 });
  project.provide('shopUrl', url);
  return close;
}
