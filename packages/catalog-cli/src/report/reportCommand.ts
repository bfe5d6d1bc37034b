/** `curio-catalog report <file>…`: lift per arm from the private reports a shop received (docs/catalog-cli.md#report). */
import type { PrivateReport } from '@curio/core/internal';
import { readTextFile } from '../readTextFile.js';
import { estimateLift, type Estimate, type LiftReport } from './estimateLift.js';
import { readReports } from './readReports.js';

/** Usage of the `report` command. */
export const REPORT_USAGE = `Usage: curio-catalog report <reports.jsonl>… [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]

  <reports.jsonl>  the bodies your report endpoint received: one JSON object per line (or a JSON
                   array); .gz ok. Lines that are not Curio reports are counted and skipped.
  --from, --to     only days in this range (inclusive)
  --json           print the estimates as JSON instead of a table

Prints, per measure, the estimate for each arm of the holdout and the lift of curio over control,
with 95 % intervals that include the noise the devices added (docs/measurement.md).`;

/** Parsed `report` arguments. */
export interface ReportArguments {
  files: string[];
  from?: string;
  to?: string;
  json: boolean;
}

/** Parses the arguments after `report`; throws an Error saying what to change. */
export function parseReportArguments(argv: string[]): ReportArguments {
  const args: ReportArguments = { files: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--from' || arg === '--to') {
      const day = argv[++i];
      if (!day || !/^\d{4}-\d\d-\d\d$/.test(day)) throw new Error(`${arg} needs a day such as 2026-11-01`);
      args[arg.slice(2) as 'from' | 'to'] = day;
    } else if (arg.startsWith('--')) throw new Error(`unknown option "${arg}"`);
    else args.files.push(arg);
  }
  if (!args.files.length) throw new Error('give at least one file of received reports');
  return args;
}

const percent = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const value = (measure: string, x: number) => (measure === 'revenue' ? x.toFixed(2) : `${(x * 100).toFixed(2)} %`);
const row = (label: string, e: Estimate, format: (x: number) => string) => `  ${label.padEnd(9)} ${String(e.reports).padStart(8)}  ${format(e.estimate).padStart(10)}  [${format(e.interval[0])}, ${format(e.interval[1])}]`;

/** The lift report as a table. */
export function formatLift(lift: LiftReport, invalid: number): string {
  const lines = [`${lift.reports} reports${lift.days.length ? `, ${lift.days[0]} to ${lift.days[1]}` : ''}, ε ${lift.epsilons.join(', ')} per visitor and day${invalid ? `; ${invalid} lines skipped (not reports)` : ''}`];
  lines.push('measure / arm   reports    estimate  95 % interval');
  for (const m of lift.measures) {
    lines.push(m.measure === 'revenue' ? 'revenue per visitor-day' : `${m.measure} (share of visitor-days)`);
    for (const arm of ['curio', 'control'] as const) if (m.arms[arm]) lines.push(row(arm, m.arms[arm]!, (x) => value(m.measure, x)));
    if (m.difference) lines.push(row('lift', m.difference, (x) => (m.measure === 'revenue' ? x.toFixed(2) : `${(x * 100).toFixed(2)} pt`)));
    if (m.relative) lines.push(row('relative', m.relative, percent));
  }
  return lines.join('\n');
}

/** Runs `report` with its arguments; returns what to print. */
export function runReport(argv: string[]): string {
  const args = parseReportArguments(argv);
  let invalid = 0;
  const reports: PrivateReport[] = [];
  for (const file of args.files) {
    const read = readReports(readTextFile(file));
    invalid += read.invalid;
    for (const r of read.reports) if ((!args.from || r.day >= args.from) && (!args.to || r.day <= args.to)) reports.push(r);
  }
  const lift = estimateLift(reports);
  return args.json ? JSON.stringify({ ...lift, invalid }, null, 2) : formatLift(lift, invalid);
}
