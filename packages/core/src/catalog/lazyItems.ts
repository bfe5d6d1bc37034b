/**
 * Compact catalogs' products and id index, made on first use: a first visit ranks from the
 * typed columns alone and touches a few dozen products, so building 100k objects and a 100k-entry
 * map up front (~100 ms and as much garbage collection) would only delay the first picks.
 */
import type { Product } from '../types.js';
import type { ItemIndex } from './intern.js';

/** The item an array key names (`"12"` → 12), or −1 (`"length"`, methods, symbols, out of range). */
const itemOf = (key: string | symbol, n: number): number => {
  if (typeof key != 'string' || !(key.charCodeAt(0) <= 57 && key.charCodeAt(0) >= 48)) return -1;
  const i = Number(key);
  return Number.isInteger(i) && i < n ? i : -1;
};

/**
 * An array of `n` products whose element `i` is `make(i)`, made when first read and kept (the
 * same object afterwards, so loading its full record into it shows everywhere). Array methods and
 * iteration work as on any array.
 */
export function lazyProducts(n: number, make: (i: number) => Product): Product[] {
  const made: Product[] = new Array(n);
  return new Proxy(made, {
    get(target, key, receiver) {
      const i = itemOf(key, n);
      return i < 0 ? Reflect.get(target, key, receiver) : (target[i] ??= make(i));
    },
    // Array methods skip holes: every position holds a product.
    has: (target, key) => itemOf(key, n) >= 0 || Reflect.has(target, key),
  });
}

/**
 * Id → item for `size` items whose ids `ids()` gives in order, and their aliases (`[alias, item]`,
 * already checked to name one product each); built on the first lookup.
 */
export function lazyIndex(size: number, ids: () => string[], aliases: () => Array<[string, number]> = () => []): ItemIndex {
  let map: Map<string, number> | undefined;
  const built = (): Map<string, number> => {
    if (!map) {
      map = new Map();
      ids().forEach((id, i) => map!.set(id, i));
      for (const [alias, i] of aliases()) if (i >= 0 && i < size && !map.has(alias)) map.set(alias, i);
    }
    return map;
  };
  return { get: (id) => built().get(id), has: (id) => built().has(id), size };
}
