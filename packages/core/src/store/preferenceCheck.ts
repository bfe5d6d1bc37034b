/**
 * The check of one explicit preference: what setPreference() accepts and what a stored record
 * may hold (store/state.ts drops stored preferences that fail it).
 */
import { oneOf, type FieldChecks } from '../errors.js';
import type { Preference } from '../types.js';

/** A two-element array whose elements are both of JavaScript type `type`. */
const pairOf = (type: string) => (v: unknown) => Array.isArray(v) && v.length == 2 && v.every((x) => typeof x == type);

/** What a preference must be, stored or given to setPreference(); all three fields are required. */
export const PREFERENCE: FieldChecks = {
  kind: oneOf(['brand', 'category', 'attribute', 'price', 'collection'] satisfies Preference['kind'][]),
  value: [
    (v, { kind }) => (kind == 'attribute' ? pairOf('string')(v) : kind == 'price' ? pairOf('number')(v) && 0 <= v[0] && v[0] <= v[1] : typeof v == 'string' && v),
    'a non-empty string (brand, category, collection id), [name, value] (attribute) or [min, max] with 0 ≤ min ≤ max (price)',
  ],
  like: [(v) => typeof v == 'boolean', 'true or false'],
};
