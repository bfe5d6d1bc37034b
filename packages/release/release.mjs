// `pnpm release` (after `pnpm build`): writes release/ with what a shop or an app needs until the
// packages are published: the script-tag files (curio.js and the files it loads next to it), the
// packed tarballs of every public package, and SHA256SUMS to check them with `sha256sum -c`.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packTarballs } from './packTarballs.mjs';
import { ROOT } from './publicPackages.mjs';

const release = join(ROOT, 'release');
const embedDist = join(ROOT, 'packages/embed/dist');
if (!existsSync(join(embedDist, 'curio.js'))) throw new Error('packages/embed/dist/curio.js is missing: run pnpm build first');

rmSync(release, { recursive: true, force: true });
// curio.js loads its lazy files (curio.fr.js, curio.merchant.js, …) from its own URL: they ship together.
const scriptFiles = readdirSync(embedDist).filter((f) => /^curio(\.[\w-]+)?\.js$/.test(f)).sort();
const tarballs = packTarballs(release);
for (const file of scriptFiles) copyFileSync(join(embedDist, file), join(release, file));

const files = [...scriptFiles, ...tarballs.map((t) => t.path.slice(release.length + 1))].sort();
const sums = files.map((file) => `${createHash('sha256').update(readFileSync(join(release, file))).digest('hex')}  ${file}`);
writeFileSync(join(release, 'SHA256SUMS'), `${sums.join('\n')}\n`);
process.stdout.write(`release/: ${scriptFiles.length} script-tag files, ${tarballs.length} tarballs (${tarballs.map((t) => t.name).join(', ')}), SHA256SUMS\n`);
