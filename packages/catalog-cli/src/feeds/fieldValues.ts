/** Readers of single field values shared by every feed and export format. */

/** A price: a number, or text such as "12.99 EUR", "EUR 12.99", "1,299.00 USD". */
export function parsePrice(value: unknown): { amount: number; currency?: string } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? { amount: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*([A-Z]{3})?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([A-Z]{3})?\s*$/.exec(value);
  if (!match) return undefined;
  const amount = Number(match[2]!.replace(/,/g, ''));
  const currency = match[1] ?? match[3];
  return Number.isFinite(amount) ? { amount, ...(currency ? { currency } : {}) } : undefined;
}

/** A category path: an array, or text "A > B > C" (Merchant Center `product_type`). */
export function parseCategories(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  return String(value).split('>').map((s) => s.trim()).filter(Boolean);
}

/** Availability text or flag → in stock? (Merchant Center, WooCommerce `instock`/`1`, yes/no.) */
export function parseInStock(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (['in_stock', 'instock', 'true', 'yes', 'y', '1', 'preorder', 'backorder', 'onbackorder', 'available'].includes(v)) return true;
  if (['out_of_stock', 'outofstock', 'false', 'no', 'n', '0', 'sold_out'].includes(v)) return false;
  return undefined;
}

/** A finite number from a number or numeric text. */
export function parseNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Splits a list on a separator, honouring backslash escapes (WooCommerce writes `\,` for a comma
 * inside a category name, BigCommerce `\/` for a slash): trimmed, empty parts dropped.
 */
export function splitEscaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) part += text[++i];
    else if (ch === separator) {
      parts.push(part);
      part = '';
    } else part += ch;
  }
  parts.push(part);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * The deepest of several category paths (most segments; the first on a tie): a catalog product
 * has one path, and the deepest says the most about it.
 */
export function deepestPath(paths: string[][]): string[] {
  return paths.reduce<string[]>((best, path) => (path.length > best.length ? path : best), []);
}

/**
 * Whether a sale price applies at `now`, given its start and end (either may be missing).
 * Dates are ISO 8601 (`2024-02-24T11:07+0100`, `2024-02-24`, `2024-02-24 00:00:00`).
 * @returns true or false, or the text of a date that cannot be read
 */
export function saleApplies(from: string | undefined, to: string | undefined, now: number): boolean | string {
  const read = (text: string | undefined): number | string | undefined => {
    if (!text) return undefined;
    // "+0100" → "+01:00" and "2024-02-24 10:00" → "2024-02-24T10:00", which Date.parse reads everywhere.
    const time = Date.parse(text.trim().replace(/^(\d{4}-\d\d-\d\d) /, '$1T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    return Number.isNaN(time) ? text : time;
  };
  const start = read(from);
  const end = read(to);
  if (typeof start === 'string') return start;
  if (typeof end === 'string') return end;
  // An end without a time ("2024-02-29", Magento's "2/29/24") means the whole of that day.
  const endTime = end !== undefined && !/\d:\d/.test(to!) ? end + 86_400_000 : end;
  return (start === undefined || now >= start) && (endTime === undefined || now < endTime);
}
