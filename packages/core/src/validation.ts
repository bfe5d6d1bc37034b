/**
 * The field checks shared by catalog validation (catalog/validate.ts) and the validation of rules
 * and collections (merchant/validate.ts): one vocabulary, so that a word means one thing. Each
 * check is a test of a value read from JSON; it says nothing about what to report.
 */
/** A test of one value read from JSON. */
export type ValueCheck = (value: any) => unknown;

/** Characters of a short text: names, ids, labels, selector values (rules and collections). */
export const SHORT_TEXT = 200;

/** Characters of a long text: a product's fields (titles, reviews, attribute values). */
export const LONG_TEXT = 500;

/** A test for a string of at most `max` characters with at least one that is not white space. */
const textOfAtMost =
  (max: number) =>
  (value: unknown): value is string =>
    typeof value == 'string' && value.length <= max && /\S/.test(value);

/** True for a non-blank string of at most {@link SHORT_TEXT} characters. */
export const shortText = textOfAtMost(SHORT_TEXT);

/** True for a non-blank string of at most {@link LONG_TEXT} characters. */
export const longText = textOfAtMost(LONG_TEXT);

/** A test for an array (possibly empty) whose every element passes `check`. */
export const listOf =
  (check: ValueCheck): ValueCheck =>
  (value) =>
    Array.isArray(value) && value.every(check);

/** A test for one value passing `check`, or a non-empty array of such values. */
export const oneOrMany =
  (check: ValueCheck): ValueCheck =>
  (value) =>
    check(value) || (Array.isArray(value) && value.length > 0 && value.every(check));

/** A test for a number in `min..max` (NaN and ±Infinity fail; `Number.MIN_VALUE` as `min` means above 0). */
export const numberIn =
  (min: number, max = Number.MAX_VALUE): ValueCheck =>
  (value) =>
    typeof value == 'number' && value >= min && value <= max;

/** A test for an integer in `min..max`. */
export const integerIn =
  (min: number, max: number): ValueCheck =>
  (value) =>
    Number.isInteger(value) && value >= min && value <= max;

/** True for a finite number. */
export const finiteNumber: ValueCheck = (value) => Number.isFinite(value);

/** True for `true` or `false`. */
export const isBoolean: ValueCheck = (value) => typeof value == 'boolean';

/** True for a string `Date.parse` reads (an ISO 8601 date or date and time). */
export const isoDate: ValueCheck = (value) => typeof value == 'string' && !Number.isNaN(Date.parse(value));

/** True for URLs safe to put in `href`/`src`: http(s), protocol-relative or relative paths. */
export function isSafeUrl(url: string): boolean {
  if (!url.includes(':')) return true; // a path: no scheme (the common case, checked without copying)
  // Browsers ignore control characters and spaces when reading a scheme ("java\tscript:").
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''));
  return !scheme || /^https?$/i.test(scheme[1]!);
}

/** True for a string that is a safe URL (see {@link isSafeUrl}). */
export const safeUrl: ValueCheck = (value) => typeof value == 'string' && isSafeUrl(value);
