/** Checks of the measurement options of createCurio() (docs/measurement.md); in the main bundle, as all option checks are. */
import { isRecord, type FieldChecks } from '../errors.js';

const positive = (v: unknown): v is number => typeof v == 'number' && v > 0 && v < Infinity;

/** `experiment`, `analytics`, `report` and `attributionHours`. */
export const MEASUREMENT_OPTIONS: FieldChecks = {
  experiment: [(v) => isRecord(v) && typeof v.holdout == 'number' && v.holdout >= 0 && v.holdout <= 0.5 && [undefined, 'popular', 'none'].includes(v.control as string), '{ holdout: a share from 0 to 0.5, control?: "popular" | "none" }'],
  analytics: [(v) => v === 'ga4', '"ga4"'],
  report: [
    (v) =>
      isRecord(v) && typeof v.url == 'string' && !!v.url &&
      (v.epsilon === undefined || (positive(v.epsilon) && v.epsilon <= 4)) &&
      (v.revenueBands === undefined || (Array.isArray(v.revenueBands) && v.revenueBands.length > 0 && v.revenueBands.length <= 10 && v.revenueBands.every((edge, i, all) => positive(edge) && (i == 0 || edge > all[i - 1])))),
    '{ url, epsilon?: a number above 0 and at most 4, revenueBands?: up to 10 ascending positive amounts }',
  ],
  attributionHours: [positive, 'a positive number of hours'],
};
