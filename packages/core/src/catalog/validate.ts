/**
 * Catalog validation: structural mistakes are configuration errors (CurioError); a bad product
 * is skipped with one warning naming the product and the field, so one bad row never takes
 * personalization off a whole shop.
 */
import { CurioError } from '../errors.js';
import type { Product } from '../types.js';
import type { CatalogFile, NeighborKind } from './format.js';

const KINDS: readonly NeighborKind[] = ['bought_together', 'viewed_together', 'similar'];
const MAX_TEXT = 500;

/** True for URLs safe to put in `href`/`src`: http(s), protocol-relative or relative paths. */
export function isSafeUrl(url: string): boolean {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  return !scheme || /^https?$/i.test(scheme[1]!);
}

const fail = (message: string): never => {
  throw new CurioError('invalid_catalog', message, 'catalog-format.md');
};

const text = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_TEXT;

/** Checks one product; returns the cleaned product or the name of the first bad field. */
function checkProduct(raw: unknown, currency: string | undefined): Product | string {
  if (typeof raw !== 'object' || raw === null) return 'the product itself (not an object)';
  const p = raw as Record<string, unknown>;
  if (!text(p.id)) return 'id';
  if (!text(p.title)) return 'title';
  if (typeof p.url !== 'string' || !isSafeUrl(p.url)) return 'url';
  if (typeof p.price !== 'number' || !Number.isFinite(p.price) || p.price < 0) return 'price';
  const cur = p.currency ?? currency;
  if (typeof cur !== 'string' || !/^[A-Z]{3}$/.test(cur)) return 'currency';
  const categories = typeof p.categories === 'string' ? p.categories.split('>').map((s) => s.trim()) : p.categories;
  if (!Array.isArray(categories) || categories.length === 0 || !categories.every(text)) return 'categories';
  const product: Product = { id: p.id, title: p.title, url: p.url, price: p.price, currency: cur, categories };
  if (p.image !== undefined) {
    if (typeof p.image !== 'string' || !isSafeUrl(p.image)) return 'image';
    product.image = p.image;
  }
  if (p.brand !== undefined) {
    if (!text(p.brand)) return 'brand';
    product.brand = p.brand;
  }
  if (p.attributes !== undefined) {
    const a = p.attributes;
    if (typeof a !== 'object' || a === null || Array.isArray(a)) return 'attributes';
    for (const [k, v] of Object.entries(a)) if (!text(k) || !(text(v) || (Array.isArray(v) && v.every(text)))) return `attributes.${k}`;
    product.attributes = a as Record<string, string | string[]>;
  }
  if (p.inStock !== undefined) {
    if (typeof p.inStock !== 'boolean') return 'inStock';
    product.inStock = p.inStock;
  }
  if (p.rating !== undefined) {
    if (typeof p.rating !== 'number' || !(p.rating >= 0 && p.rating <= 5)) return 'rating';
    product.rating = p.rating;
  }
  if (p.reviewCount !== undefined) {
    if (!Number.isInteger(p.reviewCount) || (p.reviewCount as number) < 0) return 'reviewCount';
    product.reviewCount = p.reviewCount as number;
  }
  if (p.reviews !== undefined) {
    if (!Array.isArray(p.reviews) || !p.reviews.every(text)) return 'reviews';
    product.reviews = p.reviews.slice(0, 3);
  }
  return product;
}

/** A validated catalog: clean products plus the problems found (for one warning). */
export interface ValidatedCatalog {
  file: CatalogFile;
  products: Product[];
  /** Position in the file's `products` of each valid product (binary shards refer to file positions). */
  filePositions: number[];
  problems: string[];
}

/** Validates a parsed catalog file. Throws CurioError for structural errors. */
export function validateCatalog(input: unknown): ValidatedCatalog {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) fail('The catalog must be a JSON object with "version": 1 and "products".');
  const file = input as CatalogFile;
  if (file.version !== 1) fail(`Unsupported catalog version ${JSON.stringify(file.version)}: expected "version": 1.`);
  if (!Array.isArray(file.products)) fail('The catalog needs "products": an array of products.');
  if (file.currency !== undefined && (typeof file.currency !== 'string' || !/^[A-Z]{3}$/.test(file.currency))) {
    fail(`"currency" must be an ISO 4217 code such as "EUR", got ${JSON.stringify(file.currency)}.`);
  }
  for (const [i, list] of (file.neighbors ?? []).entries()) {
    if (!list || !text(list.id) || !KINDS.includes(list.kind)) fail(`neighbors[${i}] needs an "id" and a "kind" (one of ${KINDS.join(', ')}).`);
    if (list.rows !== undefined && (typeof list.rows !== 'object' || list.rows === null)) fail(`neighbors[${i}].rows must be an object: item id → [[id, weight], …].`);
  }
  const shards = file.neighborShards;
  if (shards !== undefined && !(Number.isInteger(shards.count) && shards.count > 0 && typeof shards.url === 'string' && shards.url.includes('{shard}'))) {
    fail('"neighborShards" needs "count" (a positive integer) and "url" containing "{shard}".');
  }
  const problems: string[] = [];
  const products: Product[] = [];
  const filePositions: number[] = [];
  const seen = new Set<string>();
  file.products.forEach((raw, i) => {
    const checked = checkProduct(raw, file.currency);
    const name = typeof (raw as Product | null)?.id === 'string' ? `"${(raw as Product).id.slice(0, 60)}"` : `#${i}`;
    if (typeof checked === 'string') problems.push(`product ${name}: invalid "${checked}"`);
    else if (seen.has(checked.id)) problems.push(`product ${name}: duplicate id`);
    else {
      seen.add(checked.id);
      products.push(checked);
      filePositions.push(i);
    }
  });
  if (products.length === 0) fail(`The catalog has no valid products${problems.length ? ` (${problems.slice(0, 3).join('; ')})` : ''}.`);
  return { file, products, filePositions, problems };
}
