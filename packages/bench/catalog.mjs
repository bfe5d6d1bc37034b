// `pnpm bench:catalog`: catalog builds on seeded click logs of 1 M, 10 M and 100 M events over
// 100k products, today's in-memory path (--engine memory) and the DuckDB engine side by side:
// wall time, peak RSS and output bytes, each build a process of its own under /usr/bin/time.
// Options: --sizes 1,10,100 (millions of events), --tune (also tune; default --no-tune, the list
// build alone), --work <dir> (logs and outputs; default $TMPDIR/curio-bench-catalog).
// Writes results/catalog.md, results/catalog.json and docs/catalog-build-chart.svg.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { clickLog, ITEMS } from './catalogLog.mjs';
import { escape, panel } from './chart.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const sizes = option('--sizes', '1,10,100').split(',').map((m) => Math.round(Number(m) * 1e6));
const tune = process.argv.includes('--tune');
const work = option('--work', join(tmpdir(), 'curio-bench-catalog'));
const cli = new URL('../catalog-cli/dist/cli.js', import.meta.url).pathname;
/** The engine's memory limit in the bench: leaves room under the 8 GB RSS target for Node's heap. */
const MEMORY_LIMIT = '6GB';
const PATHS = [
  { name: 'today (in memory)', args: ['--engine', 'memory'] },
  { name: 'DuckDB', args: ['--engine', 'duckdb', '--memory-limit', MEMORY_LIMIT] },
];

const bytesUnder = (dir) => {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(path) : statSync(path).size;
  }
  return total;
};

/** One build in a process of its own; wall time and peak RSS from GNU time. */
function build(log, size, path) {
  const out = join(work, `out-${size}-${path.args[1]}`);
  rmSync(out, { recursive: true, force: true });
  const args = ['-f', 'TIME %e %M %U %S', process.execPath, '--max-old-space-size=16384', cli, 'build', '--products', log.products, '--interactions', log.sessions, '--out', out, ...(tune ? [] : ['--no-tune']), ...path.args];
  const run = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const stderr = run.stderr ?? '';
  writeFileSync(`${out}.log`, stderr);
  const [, seconds, kb, user, system] = /TIME ([\d.]+) (\d+)(?: ([\d.]+) ([\d.]+))?\s*$/.exec(stderr) ?? [];
  const failed = run.status !== 0 ? (stderr.split('\n').find((l) => l.startsWith('curio-catalog:')) ?? stderr.trim().split('\n').slice(-3, -1).join(' ')).slice(0, 160) : undefined;
  return {
    path: path.name,
    events: size,
    seconds: Number(seconds),
    // CPU seconds (user + system): on a shared machine the wall time depends on the other jobs, this much less.
    cpuSeconds: Number(user) + Number(system),
    peakRssMB: Number(kb) / 1024,
    outputBytes: failed ? 0 : bytesUnder(out),
    ...(failed ? { failed } : {}),
  };
}

// Results accumulate across runs (one size at a time is fine): a rerun replaces its own rows.
const resultsDir = new URL('./results/', import.meta.url);
const resultsFile = new URL('catalog.json', resultsDir);
let results = [];
try {
  results = JSON.parse(readFileSync(resultsFile, 'utf8')).filter((r) => !sizes.includes(r.events) && r.tuned === tune);
} catch {
  // first run
}
for (const size of sizes) {
  const started = Date.now();
  const log = await clickLog(work, size);
  console.error(`log of ${size} events ready (${((Date.now() - started) / 1000).toFixed(0)} s, ${(statSync(log.sessions).size / 1e6).toFixed(0)} MB gzip)`);
  for (const path of PATHS) {
    const result = { ...build(log, size, path), tuned: tune, loadAverage: Number(loadavg()[0].toFixed(1)) };
    results.push(result);
    console.error(JSON.stringify(result));
  }
}
results.sort((a, b) => a.events - b.events || PATHS.findIndex((p) => p.name === a.path) - PATHS.findIndex((p) => p.name === b.path));

const fmtEvents = (n) => `${n / 1e6} M`;
const cpu = (r) => (r.cpuSeconds >= 0 ? fmtTime(r.cpuSeconds) : '–');
const fmtTime = (s) => (s >= 120 ? `${(s / 60).toFixed(1)} min` : `${s.toFixed(1)} s`);
const lines = [
  `Catalog build benchmark — ${new Date().toISOString().slice(0, 10)}; ${cpus()[0].model}, nproc ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}`,
  `${ITEMS / 1000}k products; seeded power-law click logs (gzipped sessions text); build ${tune ? 'with' : 'without'} tuning; DuckDB --memory-limit ${MEMORY_LIMIT}`,
  '',
  '| events | path | wall time | CPU time (user + sys) | peak RSS | output bytes | load average at the end |',
  '|---:|---|---:|---:|---:|---:|---:|',
  ...results.map((r) =>
    r.failed
      ? `| ${fmtEvents(r.events)} | ${r.path} | failed after ${fmtTime(r.seconds)}: ${r.failed} | ${cpu(r)} | ${(r.peakRssMB / 1024).toFixed(2)} GB | – | ${r.loadAverage} |`
      : `| ${fmtEvents(r.events)} | ${r.path} | ${fmtTime(r.seconds)} | ${cpu(r)} | ${(r.peakRssMB / 1024).toFixed(2)} GB | ${(r.outputBytes / 1e6).toFixed(2)} MB | ${r.loadAverage} |`,
  ),
];
mkdirSync(resultsDir, { recursive: true });
writeFileSync(new URL('catalog.md', resultsDir), `${lines.join('\n')}\n`);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(lines.join('\n'));

// Chart: wall time and peak RSS per size, both paths (a failed run is drawn at 0 and labelled).
const rows = (value) => results.map((r) => [`${fmtEvents(r.events)} ${r.path}${r.failed ? ' (failed)' : ''}`, r.failed ? 0 : value(r), r.path === 'DuckDB']);
const [time, ht] = panel('Catalog build wall time (s)', 's', rows((r) => r.seconds), 10);
const [rss, hr] = panel('Peak RSS (GB)', 'GB', rows((r) => r.peakRssMB / 1024), 10 + ht + 10);
const height = ht + hr + 50;
const caption = `${ITEMS / 1000}k products, ${cpus().length} cores; ${tune ? 'with' : 'without'} tuning; pnpm bench:catalog`;
writeFileSync(
  new URL('../../docs/catalog-build-chart.svg', import.meta.url),
  `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${height}" viewBox="0 0 760 ${height}" font-family="sans-serif" font-size="12" fill="#222">
<rect width="760" height="${height}" fill="#fff"/>
${time}
${rss}
<text x="10" y="${height - 12}" fill="#555">${escape(caption)}</text>
</svg>
`,
);
