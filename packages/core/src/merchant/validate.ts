/**
 * Validation of rules and collections. Every problem names the rule or collection and the field
 * and says what the value must be. Rules given to createCurio() are configuration: a problem
 * throws. Rules inside a catalog file are shop data: a bad one is skipped with a warning.
 */
import { isRecord } from '../errors.js';
import { isLocale } from '../locales.js';
import type { Collection, Rule } from '../types.js';
import { finiteNumber, integerIn, isBoolean, isoDate, listOf, numberIn, oneOrMany, safeUrl, shortText, type ValueCheck } from '../validation.js';

/** A check: undefined when fine, else what the value must be. */
type Check = (v: any) => string | undefined;

const is = (ok: ValueCheck, what: string): Check => (v) => (ok(v) ? undefined : what);
// The texts of rules and collections are short texts (up to 200 characters each).
const productIds = listOf(shortText);
const among = (list: string[]): Check => is(oneOrMany((v) => list.includes(v as string)), `one of ${list.join(', ')} (or a list of them)`);
const texts: Check = is(oneOrMany(shortText), 'a non-empty string (or a list of them)');
const pair: Check = is((v) => Array.isArray(v) && v.length == 2 && v.every(shortText), '[name, value], two non-empty strings');
const localized: Check = is((v) => shortText(v) || (isRecord(v) && Object.keys(v).length > 0 && Object.entries(v).every(([k, s]) => isLocale(k) && shortText(s))), 'a non-empty string or { en, fr, de } strings');
const contextValue: ValueCheck = (v) => shortText(v) || isBoolean(v) || finiteNumber(v);
const date: Check = is(isoDate, 'an ISO 8601 date such as "2026-12-24" or "2026-12-24T18:00:00Z"');
const integer = (min: number, max: number): Check => is(integerIn(min, max), `an integer from ${min} to ${max}`);

/** An object whose keys are all in `fields`, each passing its check; problems as `prefix.key …`. */
function object(fields: Record<string, Check>, atLeastOne?: string[]): Check {
  return (v) => {
    if (!isRecord(v)) return 'an object';
    for (const [k, x] of Object.entries(v)) {
      if (!fields.hasOwnProperty(k)) return `an object without "${k}" (allowed: ${Object.keys(fields).join(', ')})`;
      const bad = x === undefined ? undefined : fields[k](x);
      if (bad) return bad.startsWith('.') ? `.${k}${bad}` : `.${k}: ${bad}`;
    }
    if (atLeastOne && !atLeastOne.some((k) => v[k] !== undefined)) return `an object with at least one of ${atLeastOne.join(', ')}`;
  };
}

const SELECTOR_FIELDS = ['items', 'category', 'brand', 'attribute', 'tag'];
const selector = object(
  { items: is((v) => productIds(v) && v.length > 0, 'a non-empty list of product ids'), category: texts, brand: texts, attribute: pair, tag: texts },
  SELECTOR_FIELDS,
);

const WHEN = object({
  placement: among(['home', 'product', 'cart', 'order', 'category']),
  device: among(['mobile', 'tablet', 'desktop']),
  source: among(['direct', 'search', 'social', 'email', 'paid', 'referral']),
  utm_source: texts,
  utm_medium: texts,
  utm_campaign: texts,
  country: texts,
  language: texts,
  hour: is((v) => Array.isArray(v) && v.length == 2 && v.every(integerIn(0, 24)), '[from, to], whole hours from 0 to 24'),
  weekday: among(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
  season: among(['spring', 'summer', 'autumn', 'winter']),
  returning: is(isBoolean, 'true or false'),
  preference: object({ brand: is(shortText, 'a brand name'), category: is(shortText, 'a category'), attribute: pair }, ['brand', 'category', 'attribute']),
  context: is((v) => isRecord(v) && Object.values(v).every(oneOrMany(contextValue)), 'an object of page values: strings, numbers, booleans or lists of them'),
});

const ACTIONS = ['pin', 'boost', 'bury', 'filter'] as const;
const THEN = object({
  pin: selector,
  boost: selector,
  bury: selector,
  filter: selector,
  weight: is(numberIn(Number.MIN_VALUE, 100), 'a number above 0 and at most 100'),
  position: integer(1, 50),
  count: integer(1, 50),
  label: localized,
});

const RULE = object({
  id: is(shortText, 'a non-empty string'),
  when: WHEN,
  then: THEN,
  priority: is(finiteNumber, 'a finite number'),
  start: date,
  end: date,
});

const COLLECTION = object({
  id: is(shortText, 'a non-empty string'),
  name: localized,
  description: localized,
  items: is(productIds, 'a list of product ids'),
  filter: selector,
  image: is(safeUrl, 'an http(s) or relative URL'),
});

/** The action a valid rule takes. */
export const actionOf = (rule: Rule): (typeof ACTIONS)[number] => ACTIONS.find((a) => rule.then[a])!;

/** A check's finding in words: `.then.pin: an object` → `"then.pin" must be an object`. */
const inWords = (bad: string): string => (bad.startsWith('.') ? `"${bad.slice(1).replace(': ', '" must be ')}` : `must be ${bad}`);

/** The first problem of one rule, or undefined. */
function ruleProblem(raw: unknown): string | undefined {
  const bad = RULE(raw);
  if (bad) return inWords(bad);
  const r = raw as Rule;
  if (!r.id) return '"id" must be a non-empty string';
  if (!r.then) return '"then" must be an object with one of pin, boost, bury, filter';
  const actions = ACTIONS.filter((a) => r.then[a]);
  if (actions.length != 1) return `"then" must have exactly one of pin, boost, bury, filter; got ${actions.join(', ') || 'none'}`;
  if (r.start && r.end && Date.parse(r.start) >= Date.parse(r.end)) return '"end" must be after "start"';
}

/** The first problem of one collection, or undefined. */
function collectionProblem(raw: unknown): string | undefined {
  const bad = COLLECTION(raw);
  if (bad) return inWords(bad);
  const c = raw as Collection;
  if (!c.id) return '"id" must be a non-empty string';
  if (!c.name) return '"name" must be a non-empty string or { en, fr, de } strings';
  if (!c.items?.length === !c.filter) return 'needs either "items" (product ids) or "filter" (a selector), not both';
}

/** Valid entries of a list of rules or collections, and the problems of the others (naming each). */
export interface Checked<T> {
  valid: T[];
  problems: string[];
}

function checkList<T extends { id: string }>(list: unknown, noun: string, problemOf: (v: unknown) => string | undefined): Checked<T> {
  const out: Checked<T> = { valid: [], problems: [] };
  if (list === undefined) return out;
  if (!Array.isArray(list)) return { valid: [], problems: [`${noun}s must be a list`] };
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    const id = typeof raw?.id == 'string' ? `"${raw.id.slice(0, 60)}"` : `#${i}`;
    const problem = problemOf(raw) ?? (seen.has(raw.id) ? 'has a duplicate id' : undefined);
    if (problem) out.problems.push(`${noun} ${id}: ${problem}`);
    else {
      seen.add(raw.id);
      out.valid.push(raw as T);
    }
  });
  return out;
}

/** Checks a list of rules. */
export const checkRules = (list: unknown): Checked<Rule> => checkList(list, 'rule', ruleProblem);

/** Checks a list of collections. */
export const checkCollections = (list: unknown): Checked<Collection> => checkList(list, 'collection', collectionProblem);
