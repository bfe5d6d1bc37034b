/** What the holdout and the measurement keep on the device, in the visitor's stored record (docs/privacy.md#what-the-holdout-stores). */
import type { Placement } from '../types.js';
import type { DayCounts } from './privateReport.js';

/** The stored `measurement` field of the visitor's record. */
export interface MeasurementState {
  /** A uniform random number in [0, 1) drawn once on this device: the arm is `control` when it is below the holdout share. */
  draw?: number;
  /** When it was drawn (ms since epoch). */
  since?: number;
  /** The UTC day being counted, `YYYY-MM-DD`, and its counts. */
  day?: string;
  counts?: DayCounts;
  /** The last completed day, waiting to be reported. */
  due?: { day: string; counts: DayCounts };
  /** The day a report was last sent, and the tab that sent it (so two tabs never both send). */
  sent?: string;
  sentBy?: string;
  /** Items reached from a pick, for attribution: id → [when clicked, the placement of the list]. */
  reached?: Record<string, [number, Placement]>;
}

// Not errors.ts's isRecord: importing it would copy the ranker's shared chunk into this lazy file.
const isRecord = (v: unknown): v is Record<string, any> => typeof v == 'object' && !!v && !Array.isArray(v);
const ZERO: DayCounts = { shown: 0, clicked: 0, pick_cart: 0, pick_order: 0, ordered: 0, revenue: 0 };
const bit = (v: unknown): 0 | 1 => (v === 1 ? 1 : 0);
const counts = (v: unknown): DayCounts | undefined =>
  isRecord(v) ? { shown: bit(v.shown), clicked: bit(v.clicked), pick_cart: bit(v.pick_cart), pick_order: bit(v.pick_order), ordered: bit(v.ordered), revenue: Number.isFinite(v.revenue) && (v.revenue as number) > 0 ? (v.revenue as number) : 0 } : undefined;
const day = (v: unknown): string | undefined => (typeof v == 'string' && /^\d{4}-\d\d-\d\d$/.test(v) ? v : undefined);

/** Zero counts for a new day. */
export const zeroCounts = (): DayCounts => ({ ...ZERO });

/** A stored `measurement` value made valid: unknown or broken fields are dropped, never trusted. */
export function readMeasurement(raw: unknown): MeasurementState | undefined {
  if (!isRecord(raw)) return undefined;
  const m: MeasurementState = {};
  if (typeof raw.draw == 'number' && raw.draw >= 0 && raw.draw < 1) m.draw = raw.draw;
  if (Number.isFinite(raw.since)) m.since = raw.since as number;
  if (day(raw.day) && counts(raw.counts)) [m.day, m.counts] = [day(raw.day), counts(raw.counts)];
  if (isRecord(raw.due) && day(raw.due.day) && counts(raw.due.counts)) m.due = { day: day(raw.due.day)!, counts: counts(raw.due.counts)! };
  if (day(raw.sent)) m.sent = day(raw.sent);
  if (typeof raw.sentBy == 'string') m.sentBy = raw.sentBy;
  if (isRecord(raw.reached)) {
    m.reached = {};
    for (const [id, v] of Object.entries(raw.reached)) if (Array.isArray(v) && Number.isFinite(v[0]) && typeof v[1] == 'string') m.reached[id] = [v[0], v[1] as Placement];
  }
  return m;
}
