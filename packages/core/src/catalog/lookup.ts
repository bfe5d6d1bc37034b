/** Name lookups on an interned catalog (request categories, preferences). */
import type { InternedCatalog } from './intern.js';

/** Categories named by `name`: a full path (`Men > Shirts`) or a segment name, case-insensitive. */
export function findCategories(cat: InternedCatalog, name: string): number[] {
  const exact = cat.categoryIndex.get(name);
  if (exact !== undefined) return [exact];
  const wanted = name.trim().toLowerCase();
  const out: number[] = [];
  cat.categoryNames.forEach((path, c) => {
    if (path.toLowerCase() === wanted || path.slice(path.lastIndexOf('>') + 1).trim().toLowerCase() === wanted) out.push(c);
  });
  return out;
}

/** True when item `i` is in one of `categories` or below one of them. */
export function inCategories(cat: InternedCatalog, i: number, categories: Set<number>): boolean {
  for (let c = cat.category[i]!; c >= 0; c = cat.categoryParent[c]!) if (categories.has(c)) return true;
  return false;
}

/** The display name of a category: its last path segment. */
export function categoryLabel(cat: InternedCatalog, c: number): string {
  const path = cat.categoryNames[c]!;
  return path.slice(path.lastIndexOf('>') + 1).trim();
}

/** The item indexes of product ids, unknown ids left out. */
export function itemsOf(cat: InternedCatalog, ids: readonly string[] | undefined): number[] {
  const out: number[] = [];
  for (const id of ids ?? []) {
    const i = cat.index.get(id);
    if (i !== undefined) out.push(i);
  }
  return out;
}
