// `pnpm pack` of every public package into one folder: workspace:* dependencies become the
// packages' versions, as in a published package.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { publicPackages } from './publicPackages.mjs';

/**
 * Packs every public package (after `pnpm build`: the tarballs hold dist/).
 * @param {string} destination folder the tarballs are written to
 * @returns {{ name: string, path: string }[]} the tarballs
 * @throws Error when a package has not been built
 */
export function packTarballs(destination) {
  mkdirSync(destination, { recursive: true });
  return publicPackages().map(({ name, dir, tarball }) => {
    if (!existsSync(join(dir, 'dist'))) throw new Error(`${name} has no dist/: run pnpm build first`);
    execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const path = join(destination, tarball);
    if (!existsSync(path)) throw new Error(`pnpm pack of ${name} wrote no ${tarball}`);
    return { name, path };
  });
}
