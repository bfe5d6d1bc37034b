/**
 * Catalog validation: structural mistakes are configuration errors (CurioError); a bad product
 * is skipped with one warning naming the product and the field, so one bad row never takes
 * personalization off a whole shop.
 */
import { CurioError, isRecord, shown } from '../errors.js';
import type { Product } from '../types.js';
import type { CatalogFile, NeighborKind } from './format.js';
import { atOnce, SLICE, type Slices } from '../slices.js';
import { integerIn, isBoolean, listOf, longText, numberIn, safeUrl, type ValueCheck } from '../validation.js';
import { badWeight } from './weights.js';

const KINDS: readonly NeighborKind[] = ['bought_together', 'viewed_together', 'similar'];

const fail = (message: string): never => {
  throw new CurioError('invalid_catalog', message, 'catalog-format.md');
};

// A product's texts are long texts (up to 500 characters each).
const texts = listOf(longText);
const currency: ValueCheck = (v) => typeof v == 'string' && /^[A-Z]{3}$/.test(v);

/** The name of an attribute whose value is neither a text nor a list of texts. */
const badAttribute = (a: object): string | undefined => Object.entries(a).find(([k, v]) => !(longText(k) && (longText(v) || texts(v))))?.[0];

/** Product fields in the order they are checked; the first five are required. */
const FIELDS: Array<[keyof Product, ValueCheck]> = [
  ['id', longText],
  ['title', longText],
  ['url', safeUrl],
  ['price', numberIn(0)],
  ['currency', currency],
  // Real feeds have products without a category: left out or empty, both mean "none".
  ['categories', texts],
  ['aliases', texts],
  ['image', safeUrl],
  ['brand', longText],
  ['attributes', (a) => isRecord(a) && badAttribute(a) === undefined],
  ['inStock', isBoolean],
  ['rating', numberIn(0, 5)],
  ['reviewCount', integerIn(0, Number.MAX_SAFE_INTEGER)],
  ['reviews', texts],
  ['tags', texts],
  ['group', longText],
  ['variant', (a) => isRecord(a) && Object.entries(a).every(([k, v]) => longText(k) && longText(v))],
  ['repurchasable', isBoolean],
];

/** Checks one product; returns the cleaned product (known fields only) or the name of the first bad field. */
export function checkProduct(raw: unknown, fileCurrency: string | undefined): Product | string {
  if (typeof raw !== 'object' || raw === null) return 'the product itself (not an object)';
  const p = raw as Record<string, any>;
  const product: Record<string, unknown> = {};
  for (let n = 0; n < FIELDS.length; n++) {
    const [name, ok] = FIELDS[n]!;
    let v = p[name];
    if (name == 'currency') v ??= fileCurrency;
    if (name == 'categories') v = typeof v == 'string' ? v.split('>').map((s) => s.trim()).filter(Boolean) : (v ?? []);
    if (v === undefined && n > 4) continue;
    if (!ok(v)) return name == 'attributes' && badAttribute(Object(v)) !== undefined ? `attributes.${badAttribute(v)}` : name;
    product[name] = name == 'reviews' ? v.slice(0, 3) : v;
  }
  return product as unknown as Product;
}

/** A validated catalog: clean products plus the problems found (for one warning). */
export interface ValidatedCatalog {
  file: CatalogFile;
  products: Product[];
  /** Position in the file's `products` of each valid product (binary shards refer to file positions). */
  filePositions: number[];
  problems: string[];
  /** Aliases dropped because they already name another product. */
  aliasProblems: string[];
}

/** A shard template `{ count, url }` is valid: a positive count and a URL with `{shard}`. */
export const shardTemplate = (s: { count: number; url: string } | undefined): unknown => s === undefined || (s && Number.isInteger(s.count) && s.count > 0 && typeof s.url == 'string' && s.url.includes('{shard}'));

/** Checks everything but the products: version, currency, neighbour lists and their shards, weights. Throws CurioError. */
export function validateCatalogHeader(file: CatalogFile): void {
  if (file.version !== 1) fail(`Unsupported catalog version ${shown(file.version)}: expected "version": 1.`);
  if (file.currency !== undefined && !currency(file.currency)) fail(`"currency" must be an ISO 4217 code such as "EUR", got ${shown(file.currency)}.`);
  const lists = file.neighbors ?? [];
  if (!Array.isArray(lists)) fail('"neighbors" must be an array of neighbour lists.');
  lists.forEach((list, i) => {
    if (!list || !longText(list.id) || !KINDS.includes(list.kind)) fail(`neighbors[${i}] needs an "id" and a "kind" (one of ${KINDS.join(', ')}).`);
    if (list.rows !== undefined && (typeof list.rows != 'object' || !list.rows)) fail(`neighbors[${i}].rows must be an object: item id → [[id, weight], …].`);
  });
  if (!shardTemplate(file.neighborShards)) fail('"neighborShards" needs "count" (a positive integer) and "url" containing "{shard}".');
  const weight = badWeight(file.weights);
  if (weight) fail(`"${weight}" must be a number ≥ 0 (stepSeconds and historyHalfLifeDays > 0), or left out to use the default.`);
}

/** Validates a parsed catalog file in slices of products (see slices.ts). Throws CurioError for structural errors. */
export function* validating(input: unknown): Slices<ValidatedCatalog> {
  const file = input as CatalogFile;
  if (typeof input != 'object' || !input || !Array.isArray(file.products)) fail('The catalog must be a JSON object with "version": 1 and "products": an array of products.');
  validateCatalogHeader(file);
  const problems: string[] = [];
  const products: Product[] = [];
  const filePositions: number[] = [];
  const seen = new Set<string>();
  const withAliases: Product[] = [];
  for (let i = 0; i < file.products.length; i++) {
    if (i && i % SLICE == 0) yield;
    const raw = file.products[i];
    const checked = checkProduct(raw, file.currency);
    const name = () => (typeof (raw as Product | null)?.id === 'string' ? `"${(raw as Product).id.slice(0, 60)}"` : `#${i}`);
    if (typeof checked === 'string') problems.push(`product ${name()}: invalid "${checked}"`);
    else if (seen.has(checked.id)) problems.push(`product ${name()}: duplicate id`);
    else {
      seen.add(checked.id);
      products.push(checked);
      if (checked.aliases) withAliases.push(checked);
      filePositions.push(i);
    }
  }
  if (products.length === 0) fail(`The catalog has no valid products${problems.length ? ` (${problems.slice(0, 3).join('; ')})` : ''}.`);
  const aliasProblems = withAliases.length ? yield* claimAliases(withAliases, seen) : [];
  return { file, products, filePositions, problems, aliasProblems };
}

/**
 * Keeps each alias for one product (of those having aliases, in file order): an alias that is another product's id, or an alias an earlier
 * product already claimed, is dropped from the later product with a problem naming both, so a
 * captured id never means two products.
 */
function* claimAliases(products: Product[], ids: Set<string>): Slices<string[]> {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (let i = 0; i < products.length; i++) {
    if (i && i % SLICE == 0) yield;
    const p = products[i]!;
    if (!p.aliases) continue;
    p.aliases = p.aliases.filter((alias) => {
      if (alias === p.id) return false;
      const other = ids.has(alias) ? alias : owner.get(alias);
      if (other === undefined) return owner.set(alias, p.id);
      if (other !== p.id) problems.push(`product "${p.id.slice(0, 60)}": alias "${alias.slice(0, 60)}" already names product "${other.slice(0, 60)}", ignored`);
      return false;
    });
  }
  return problems;
}

/** Validates a parsed catalog file at once. Throws CurioError for structural errors. */
export const validateCatalog = (input: unknown): ValidatedCatalog => atOnce(validating(input));
