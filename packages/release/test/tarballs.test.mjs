// The packed tarballs of every public package are what a user installs: each passes publint and
// @arethetypeswrong/cli, and together they install into a scratch project outside the workspace
// (offline, from the pnpm store the workspace install filled), where an app typechecks against
// them, bundles for the browser, imports on the server, and runs `npx @curio/catalog-cli`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packTarballs } from '../packTarballs.mjs';
import { publicPackages, ROOT } from '../publicPackages.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'curio-tarballs-'));
const bin = (name) => join(ROOT, 'packages/release/node_modules/.bin', name);
/** Runs a command; a failure shows its output. */
const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'false' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
};

let tarballs = [];
beforeAll(() => {
  tarballs = packTarballs(join(scratch, 'tarballs'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('packed tarballs', () => {
  it('exist for every public package, and the CLI ships its command', () => {
    expect(tarballs.map((t) => t.name)).toEqual(publicPackages().map((p) => p.name));
    expect(tarballs.map((t) => t.name)).toEqual(expect.arrayContaining(['@curio/core', '@curio/widget', '@curio/catalog-cli']));
    const cli = tarballs.find((t) => t.name === '@curio/catalog-cli');
    const listing = execFileSync('tar', ['tzf', cli.path], { encoding: 'utf8' });
    expect(listing).toContain('package/bin/curio-catalog.js');
    expect(listing).toContain('package/dist/cli.js');
    // Nothing of the workspace leaks into a tarball: no sources, tests or workspace: ranges.
    expect(listing).not.toMatch(/package\/(src|test)\//);
    const manifest = JSON.parse(execFileSync('tar', ['xzf', cli.path, '-O', 'package/package.json'], { encoding: 'utf8' }));
    expect(manifest.dependencies['@curio/core']).toBe(manifest.version);
  });

  it('pass publint (suggestions included)', async () => {
    for (const { name, path } of tarballs) {
      const tarball = readFileSync(path);
      const { messages, pkg } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) }, level: 'suggestion', strict: true });
      expect(messages.map((m) => `${name}: ${formatMessage(m, pkg, { color: false })}`)).toEqual([]);
    }
  });

  it('pass @arethetypeswrong/cli for ESM-only packages (node16 from ESM and bundler resolution)', () => {
    for (const { path } of tarballs) run(bin('attw'), [path, '--profile', 'esm-only', '--format', 'ascii'], scratch);
  });
});

describe('a scratch project outside the workspace', () => {
  const app = join(scratch, 'app');
  beforeAll(() => {
    mkdirSync(join(app, 'src'), { recursive: true });
    const file = (name) => `file:${tarballs.find((t) => t.name === name).path}`;
    const dependencies = Object.fromEntries(tarballs.map((t) => [t.name, file(t.name)]));
    // The packages depend on each other by version (@curio/core 0.1.0), which no registry has yet: the tarball stands in.
    const overrides = Object.fromEntries(tarballs.map((t) => [t.name, file(t.name)]));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch-shop-app', private: true, type: 'module', dependencies, pnpm: { overrides } }, null, 2));
    // From the pnpm store the workspace install filled; metadata the store lacks (a lockfile install
    // fetches none) may come from the npm registry, the only network the project uses.
    try {
      run('pnpm', ['install', '--offline', '--ignore-scripts'], app);
    } catch {
      run('pnpm', ['install', '--prefer-offline', '--ignore-scripts'], app);
    }
  });

  it('typechecks an app against the installed types (bundler and node16 resolution)', () => {
    writeFileSync(
      join(app, 'src/app.ts'),
      `import { createCurio, type Pick } from '@curio/core';
import { mountPicks } from '@curio/widget';
import { parseProductFeed } from '@curio/catalog-cli';

export const curio = createCurio({ catalog: '/curio/catalog.json', consent: 'pending' });
export function show(element: HTMLElement): () => void {
  return mountPicks(element, curio, { placement: 'home' });
}
export async function titles(): Promise<string[]> {
  const picks: Pick[] = await curio.recommend({ placement: 'home', limit: 4 });
  return picks.map((pick) => pick.product.title);
}
export const feedSize = (text: string): number => parseProductFeed(text).products.length;
`,
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const common = ['--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2022,dom', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), 'src/app.ts'];
    // The shipped declarations themselves are checked once; the second run checks that node16 resolves them.
    run('node', [tsc, ...common, '--skipLibCheck', 'false', '--module', 'esnext', '--moduleResolution', 'bundler'], app);
    run('node', [tsc, ...common, '--skipLibCheck', 'true', '--module', 'node16', '--moduleResolution', 'node16'], app);
  });

  it('bundles the widget for the browser and imports the core on the server', async () => {
    writeFileSync(join(app, 'src/browser.js'), `import { createCurio } from '@curio/core';\nimport { mountPicks } from '@curio/widget';\nwindow.shop = { curio: createCurio({ catalog: '/c.json' }), mountPicks };\n`);
    const { rollup } = await import(join(ROOT, 'node_modules/rollup/dist/es/rollup.js'));
    const { nodeResolve } = await import(join(ROOT, 'node_modules/@rollup/plugin-node-resolve/dist/es/index.js'));
    const bundle = await rollup({ input: join(app, 'src/browser.js'), plugins: [nodeResolve({ browser: true, rootDir: app })] });
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    await bundle.close();
    // Everything resolved from the installed tarballs: no import is left for the browser to resolve.
    expect(output[0].imports).toEqual([]);
    expect(output[0].code).toContain('createCurio');
    expect(run('node', ['--input-type=module', '-e', "const m = await import('@curio/core'); console.log(typeof m.createCurio)"], app).trim()).toBe('function');
  });

  it('runs the catalog CLI as npx @curio/catalog-cli', () => {
    writeFileSync(join(app, 'feed.csv'), 'id,title,price,link,product_type\np1,One,10,/p1,Shirts\np2,Two,12,/p2,Shirts\n');
    expect(run('npx', ['--no', '--', '@curio/catalog-cli', '--help'], app)).toMatch(/^Usage: npx @curio\/catalog-cli build/);
    run('npx', ['--no', '@curio/catalog-cli', 'build', '--products', 'feed.csv', '--out', 'public/curio'], app);
    const catalog = JSON.parse(readFileSync(join(app, 'public/curio/catalog.json'), 'utf8'));
    expect(catalog.products.map((p) => p.id)).toEqual(['p1', 'p2']);
  });
});
