// The workspace's public packages: those whose package.json is not "private". They are what
// `pnpm release` packs and what the tarball tests install.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (this file lives in packages/release). */
export const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Public packages of the workspace (packages/* and examples/*), in name order.
 * @returns {{ name: string, version: string, dir: string, tarball: string }[]} `tarball` is the file name `pnpm pack` writes
 */
export function publicPackages() {
  const found = [];
  for (const parent of ['packages', 'examples']) {
    for (const entry of readdirSync(join(ROOT, parent), { withFileTypes: true })) {
      const file = join(ROOT, parent, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.private) continue;
      const tarball = `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;
      found.push({ name: pkg.name, version: pkg.version, dir: join(ROOT, parent, entry.name), tarball });
    }
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : 1));
}
