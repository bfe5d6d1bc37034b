/** Helpers that turn a platform's product and its variants into catalog products. */
import type { CatalogProduct } from '@curio/core/internal';
import type { FeedIssue } from '../feedRecord.js';
import { parsePrice, saleApplies } from '../fieldValues.js';
import { columnList, issue, type ExportRow, type LinedProduct } from './exportTable.js';

/** Columns of a price: the regular price, an optional sale price and the sale's start and end. */
export interface PriceColumns {
  regular: string[];
  sale?: string[];
  saleFrom?: string[];
  saleTo?: string[];
}

/**
 * The price a shopper pays now: the sale price while its dates (if any) include `now`, else the
 * regular price. A missing or unreadable price is a problem naming the columns, added to `issues`.
 * @returns the price, or undefined when there is none to use
 */
export function currentPrice(row: ExportRow, columns: PriceColumns, subject: string, now: number, issues: FeedIssue[]): number | undefined {
  const price = readPrice(row, columns, subject, now);
  if (typeof price === 'number') return price;
  issues.push(price);
  return undefined;
}

/**
 * A required text value (a name, a title): its value, or undefined with a problem naming the
 * columns added to `issues`.
 */
export function requiredText(row: ExportRow, columns: string[], subject: string, what: string, issues: FeedIssue[]): string | undefined {
  const value = row.get(...columns);
  if (!value) issues.push(issue(row.line, subject, `no ${what}`, columns));
  return value;
}

function readPrice(row: ExportRow, columns: PriceColumns, subject: string, now: number): number | FeedIssue {
  const sale = columns.sale && row.cell(...columns.sale);
  if (sale) {
    const amount = parsePrice(sale.value)?.amount;
    if (amount === undefined) return issue(row.line, subject, `unreadable sale price "${sale.value}" in column "${sale.column}"`, columns.sale!);
    const from = columns.saleFrom && row.cell(...columns.saleFrom);
    const to = columns.saleTo && row.cell(...columns.saleTo);
    const applies = saleApplies(from?.value, to?.value, now);
    if (typeof applies === 'string') {
      const column = from?.value === applies ? from.column : to!.column;
      return issue(row.line, subject, `unreadable date "${applies}" in column "${column}"`, [...(columns.saleFrom ?? []), ...(columns.saleTo ?? [])]);
    }
    // A sale price of 0 is how several platforms leave the field unset.
    if (applies && amount > 0) return amount;
  }
  const regular = row.cell(...columns.regular);
  if (!regular) return issue(row.line, subject, `no price (${columnList(columns.regular)} is empty)`, columns.regular);
  const amount = parsePrice(regular.value)?.amount;
  return amount === undefined ? issue(row.line, subject, `unreadable price "${regular.value}" in column "${regular.column}"`, columns.regular) : amount;
}

/** Sets `aliases` to the distinct non-empty ids given, other than the product's own id. */
export function setAliases(product: CatalogProduct, ids: Array<string | undefined>): void {
  const aliases = [...new Set(ids.filter((id): id is string => !!id && id !== product.id))];
  if (aliases.length) product.aliases = aliases;
  else delete product.aliases;
}

/**
 * Makes the variants of one platform product a group: each gets `group` (the platform product's
 * id), and the first one also answers to the product-level ids (`productAliases`), so an id a
 * page reports for the product as a whole resolves to the group. A product with one variant
 * gets no group: it is a plain product.
 */
export function groupVariants(variants: LinedProduct[], group: string, productAliases: Array<string | undefined>): LinedProduct[] {
  if (variants.length === 0) return variants;
  const [first] = variants;
  setAliases(first!.product, [...(first!.product.aliases ?? []), ...productAliases]);
  if (variants.length > 1) for (const { product } of variants) product.group = group;
  return variants;
}

/** A `variant` record from option names and values, leaving out empty ones (and Shopify's "Title: Default Title"). */
export function variantOptions(pairs: Array<[string | undefined, string | undefined]>): Record<string, string> | undefined {
  const options: Record<string, string> = {};
  for (const [name, value] of pairs) if (name && value && !(name === 'Title' && value === 'Default Title')) options[name] = value;
  return Object.keys(options).length ? options : undefined;
}
