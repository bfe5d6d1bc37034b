/**
 * Measuring what the picks earn, on the device (docs/measurement.md): the holdout arm, the GA4
 * events for the shop's own analytics, and the daily private report. A lazy chunk, loaded only by
 * shops that set `experiment`, `analytics` or `report`.
 */
import type { CurioOptions, Pick, Placement, Product, StoredEvent } from '../types.js';
import { ga4Item, listOf, pickItems, pushGa4Event, setArmProperty } from './ga4.js';
import { readMeasurement, zeroCounts, type MeasurementState } from './measurementState.js';
import { DEFAULT_EPSILON, DEFAULT_REVENUE_BANDS, privateReport, type DayCounts } from './privateReport.js';

/** The arm of the holdout experiment a visitor is in. */
export type Arm = 'curio' | 'control';

/** What the measurement needs from the Curio instance. */
export interface MeasurementHost {
  options: Omit<CurioOptions, 'catalog'>;
  now(): number;
  /** The stored `measurement` field as it is now. */
  read(): unknown;
  /** Changes the stored `measurement` field (a mutation of its raw value, re-applied to the freshest stored copy); `urgent` commits at once. */
  write(update: (raw: unknown) => MeasurementState | undefined, urgent?: boolean): Promise<void>;
  /** Whether data is kept on the device (consent granted, no GPC). */
  stored(): boolean;
  /** Whether the CMP or the page allows analytics. */
  analyticsAllowed(): boolean;
  product(id: string): Product | undefined;
  /** The page's globals (`window`). */
  page: Record<string, any>;
}

/** What {@link createMeasurement} returns. */
export interface Measurement {
  /** Resolves once this page view is counted and the arm is settled against the stored record. */
  ready: Promise<void>;
  /** This visitor's arm (`curio` when there is no experiment). */
  arm(): Arm;
  /** The arm and when it was assigned, for the preference center (undefined without an experiment). */
  assignment(): { arm: Arm; since: number } | undefined;
  /** A list of picks was shown (deduplicated per page). */
  shown(placement: Placement, picks: Pick[]): void;
  /** An event the visitor made (pick clicks, carts, orders count). */
  tracked(event: StoredEvent): void;
}

/** The UTC day of a time, `YYYY-MM-DD`. */
export const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** The arm of a draw for a holdout share: the lowest `holdout` of draws is the control. */
export const armOf = (draw: number | undefined, holdout: number | undefined): Arm => (draw !== undefined && holdout && draw < holdout ? 'control' : 'curio');

/** `m` with the counted day moved to today: a finished day becomes the one due for reporting. */
export function rollDay(m: MeasurementState, today: string): MeasurementState {
  if (m.day === today && m.counts) return m;
  return { ...m, ...(m.day && m.counts && m.day < today && { due: { day: m.day, counts: m.counts } }), day: today, counts: zeroCounts() };
}

/** Starts measuring: assigns the arm when there is an experiment, counts this page view's day, and sends a due report. */
export function createMeasurement(host: MeasurementHost): Measurement {
  const { experiment, analytics, report } = host.options;
  const windowMs = (host.options.attributionHours ?? 24) * 36e5;
  const current = () => readMeasurement(host.read()) ?? {};
  // Nothing to keep stays nothing: no empty record for a shop that only pushes GA4 events.
  const write = (update: (m: MeasurementState) => MeasurementState, urgent?: boolean) =>
    host.write((raw) => {
      const next = update(readMeasurement(raw) ?? {});
      return raw === undefined && !Object.keys(next).length ? undefined : next;
    }, urgent);
  const ga4 = () => analytics === 'ga4' && host.analyticsAllowed();
  // What this page showed: list keys already announced, and the placement each item was shown in.
  const announced = new Set<string>();
  const shownIn = new Map<string, Placement>();
  let armAnnounced = false;

  // Day counts are kept only for the report: a shop without one stores none.
  const count = (change: Partial<DayCounts>, extra: (m: MeasurementState) => MeasurementState = (m) => m, urgent = false) =>
    write((m) => {
      if (!report) return extra(m);
      const rolled = rollDay(m, dayOf(host.now()));
      const counts = { ...rolled.counts! };
      for (const [key, value] of Object.entries(change) as [keyof DayCounts, number][]) {
        if (key === 'revenue') counts.revenue += value;
        else counts[key] = Math.max(counts[key], value) as 0 | 1;
      }
      return extra({ ...rolled, counts });
    }, urgent);

  const arm = (): Arm => armOf(current().draw, experiment?.holdout);
  const announceArm = () => {
    if (armAnnounced || !experiment || !ga4()) return;
    armAnnounced = true;
    setArmProperty(host.page, arm());
  };

  /** The items of `ids` reached from a pick within the attribution window, with the placement of that list. */
  const reachedFrom = (ids: string[]): Array<[string, Placement]> => {
    const reached = current().reached ?? {};
    const since = host.now() - windowMs;
    return ids.flatMap((id) => (reached[id] && reached[id]![0] >= since ? [[id, reached[id]![1]] as [string, Placement]] : []));
  };

  const sendDueReport = async () => {
    if (!report || !host.stored()) return;
    const today = dayOf(host.now());
    const token = Math.random().toString(36).slice(2);
    let due: MeasurementState['due'];
    // Claimed in one read-modify-write of the stored record: of two tabs, only one sends.
    await write((m) => {
      if (!m.due || m.sent === today) return m;
      due = m.due;
      const { due: _sent, ...rest } = m;
      return { ...rest, sent: today, sentBy: token };
    }, true);
    if (!due || current().sentBy !== token) return;
    const body = JSON.stringify(privateReport(due.day, arm(), due.counts, report.epsilon ?? DEFAULT_EPSILON, report.revenueBands ?? DEFAULT_REVENUE_BANDS));
    // No cookies, no referrer (the page's URL): the body is all the endpoint learns. text/plain keeps it a simple request.
    await host.page.fetch?.(report.url, { method: 'POST', body, keepalive: true, credentials: 'omit', mode: 'no-cors', referrerPolicy: 'no-referrer', headers: { 'content-type': 'text/plain' } });
  };

  // This page view: the visitor is assigned (once: re-applied to the stored record, a stored draw
  // wins), and today counts as a day with a visit. Committed at once, so the arm is settled.
  const ready = (experiment || report ? count({}, (m) => (experiment && m.draw === undefined ? { ...m, draw: Math.random(), since: host.now() } : m), true) : Promise.resolve()).then(announceArm);
  // After start-up's work, in a quiet moment; a failure only means the report goes out another day.
  setTimeout(() => void sendDueReport().catch(() => undefined), 2000);

  return {
    ready,
    arm,

    assignment() {
      const { draw, since } = current();
      return experiment && draw !== undefined ? { arm: armOf(draw, experiment.holdout), since: since ?? 0 } : undefined;
    },

    shown(placement, picks) {
      if (!picks.length) return;
      const key = `${placement}:${picks.map((p) => p.item).join(',')}`;
      if (announced.has(key)) return;
      announced.add(key);
      for (const p of picks) if (!shownIn.has(p.item)) shownIn.set(p.item, placement);
      void count({ shown: 1 });
      if (!ga4()) return;
      announceArm();
      pushGa4Event(host.page, 'view_item_list', { ...listOf(placement), items: pickItems(picks, placement), curio_arm: arm() });
    },

    tracked(event) {
      // Every visitor of both arms gets the arm in GA4, also a control that sees no lists (and
      // once analytics consent arrives later in the page).
      announceArm();
      if (event.type === 'pick_click' && event.item) {
        const placement = shownIn.get(event.item);
        const id = event.item;
        void count({ clicked: 1 }, (m) => {
          if (!placement || !(report || analytics)) return m;
          // Kept only within the attribution window, at most 50 items.
          const since = event.at - windowMs;
          const kept = Object.entries(m.reached ?? {}).filter(([item, [at]]) => at >= since && item !== id).slice(-49);
          return { ...m, reached: Object.fromEntries([...kept, [id, [event.at, placement]]]) };
        });
        if (placement && ga4()) {
          announceArm();
          pushGa4Event(host.page, 'select_item', { ...listOf(placement), items: [ga4Item(id, host.product(id), placement)], curio_arm: arm() });
        }
        return;
      }
      const ids = event.type === 'purchase' ? (event.items ?? []) : event.type === 'add_to_cart' && event.item ? [event.item] : [];
      if (!ids.length) return;
      const reached = reachedFrom(ids);
      if (event.type === 'purchase') void count({ ordered: 1, revenue: ids.reduce((sum, id) => sum + (host.product(id)?.price ?? 0), 0), ...(reached.length && { pick_order: 1 }) });
      else if (reached.length) void count({ pick_cart: 1 });
      if (!reached.length || !ga4()) return;
      announceArm();
      const items = reached.map(([id, placement]) => ga4Item(id, host.product(id), placement));
      const currency = host.product(reached[0]![0])?.currency;
      pushGa4Event(host.page, event.type === 'purchase' ? 'curio_pick_purchase' : 'curio_pick_add_to_cart', {
        currency,
        value: items.reduce((sum, item) => sum + (item.price ?? 0), 0),
        items,
        curio_arm: arm(),
      });
    },
  };
}
