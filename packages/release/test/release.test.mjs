// `pnpm release` (run here after the test suite's build) writes release/: the script-tag files,
// the tarballs and checksums that match them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { publicPackages, ROOT } from '../publicPackages.mjs';

it('writes curio.js with its files, every public tarball, and SHA256SUMS that check', () => {
  execFileSync(process.execPath, [join(ROOT, 'packages/release/release.mjs')], { cwd: ROOT, stdio: 'pipe' });
  const release = join(ROOT, 'release');
  const files = readdirSync(release).sort();
  const scriptFiles = readdirSync(join(ROOT, 'packages/embed/dist')).filter((f) => /^curio(\.[\w-]+)?\.js$/.test(f));
  expect(files).toEqual([...scriptFiles, ...publicPackages().map((p) => p.tarball), 'SHA256SUMS'].sort());
  expect(files).toContain('curio.js');
  const sums = readFileSync(join(release, 'SHA256SUMS'), 'utf8').trim().split('\n');
  expect(sums).toHaveLength(files.length - 1);
  for (const line of sums) {
    const [hash, file] = line.split('  ');
    expect(createHash('sha256').update(readFileSync(join(release, file))).digest('hex'), file).toBe(hash);
  }
  // `sha256sum -c` accepts the file as written.
  expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: release, encoding: 'utf8' })).not.toMatch(/FAILED/);
});
