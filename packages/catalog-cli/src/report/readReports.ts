/** Reading the reports a shop's endpoint received (docs/measurement.md#private-reports). */
import { MEASURES, type PrivateReport } from '@curio/core/internal';

/** The valid reports of a file and how many lines were not reports. */
export interface ReadReports {
  reports: PrivateReport[];
  invalid: number;
}

const isBands = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every((x, i) => typeof x == 'number' && x > 0 && (i == 0 || x > v[i - 1]));

/** A report as sent by Curio (schema `curio-report/1`, docs/privacy.md), or undefined. */
export function toReport(v: unknown): PrivateReport | undefined {
  if (!v || typeof v != 'object') return undefined;
  const r = v as Record<string, unknown>;
  const revenue = r.measure === 'revenue';
  const ok =
    r.schema === 'curio-report/1' &&
    typeof r.day == 'string' && /^\d{4}-\d\d-\d\d$/.test(r.day) &&
    (r.arm === 'curio' || r.arm === 'control') &&
    typeof r.epsilon == 'number' && r.epsilon > 0 && r.epsilon <= 4 &&
    MEASURES.includes(r.measure as never) &&
    Number.isInteger(r.value) && (r.value as number) >= 0 &&
    (revenue ? isBands(r.bands) && (r.value as number) <= r.bands.length + 1 : (r.value as number) <= 1 && r.bands === undefined);
  return ok ? (r as unknown as PrivateReport) : undefined;
}

/**
 * Parses received reports: one JSON object per line (as an endpoint appends them), or one JSON
 * array. Lines that are not valid reports are counted, not trusted.
 */
export function readReports(text: string): ReadReports {
  const trimmed = text.trim();
  let values: unknown[];
  if (trimmed.startsWith('[')) values = JSON.parse(trimmed);
  else
    values = trimmed.split(/\r?\n/).filter(Boolean).map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        return undefined;
      }
    });
  const reports: PrivateReport[] = [];
  let invalid = 0;
  for (const v of values) {
    const report = toReport(v);
    if (report) reports.push(report);
    else invalid++;
  }
  return { reports, invalid };
}
