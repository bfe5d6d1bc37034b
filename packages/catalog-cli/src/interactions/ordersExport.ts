/**
 * Converts a shop platform's orders export (one row per line item) into the order history the
 * builder reads: `order_id,item_id,timestamp`, one line per item. The export is recognised by its
 * header; each layout names the columns of the order, of the item (several ids a line item may
 * carry, tried in turn against the catalog) and of the order's time.
 */
import { parseDelimited } from '../feeds/csv.js';

/** The columns of one orders export layout. */
export interface OrdersLayout {
  /** Name for messages. */
  name: string;
  order: string[];
  /** Line item ids in order of preference; the first one the catalog knows is used. */
  items: string[];
  time: string[];
  /** A column that marks an order as cancelled, refunded or failed (such orders say nothing about taste), and the values that do. */
  void?: { column: string; values: RegExp };
}

/**
 * Layouts read, and where their column names come from:
 * - Shopify: Admin → Orders → Export (the orders CSV: `Name` "#1001", `Created at`
 *   "2024-01-15 10:23:45 -0500", `Lineitem sku`; one row per line item, the order's fields repeated
 *   or left empty on its later rows), as listed in Shopify's help centre "Exporting orders".
 * - WooCommerce: order exports by line item, as the common export plugins write them: "Advanced
 *   Order Export For WooCommerce" (`Order Number`, `Order Date`, `SKU`, `Product Id`,
 *   `Variation Id`) and "Customer/Order/Coupon Export" (`order_number`, `order_date`, `item_sku`,
 *   `item_product_id`, `item_variation_id`). WooCommerce itself exports orders only as the
 *   Analytics report, which names products, not ids (refused with an explanation).
 * - Curio's own order history with a header: `order_id`, `item_id`, `timestamp` in any order.
 *
 * Cancelled orders (Shopify `Cancelled at`; WooCommerce `Order Status` cancelled, refunded or
 * failed) are left out.
 */
export const ORDERS_LAYOUTS: OrdersLayout[] = [
  { name: 'Shopify orders export', order: ['Name'], items: ['Lineitem sku'], time: ['Created at', 'Paid at'], void: { column: 'Cancelled at', values: /./ } },
  {
    name: 'WooCommerce orders export',
    order: ['Order Number', 'Order ID', 'order_number', 'order_id'],
    items: ['SKU', 'Item SKU', 'item_sku', 'Variation Id', 'Variation ID', 'item_variation_id', 'Product Id', 'Product ID', 'item_product_id'],
    time: ['Order Date', 'order_date', 'Date'],
    void: { column: 'Order Status', values: /^(wc-)?(cancelled|refunded|failed)$/i },
  },
  { name: 'order history CSV', order: ['order_id', 'orderid', 'order', 'transaction_id'], items: ['item_id', 'sku', 'product_id', 'item'], time: ['timestamp', 'time', 'date', 'created_at'] },
];

/** WooCommerce Analytics → Orders → Download: products by name only. */
const ANALYTICS_ORDERS = ['Order #', 'Product(s)', 'Items sold'];

/** A converted export. */
export interface ConvertedOrders {
  layout: OrdersLayout;
  /** The columns used, as the header spells them. */
  columns: { order: string; items: string[]; time?: string };
  /** Order history text `order_id,item_id,timestamp` with a header line. */
  text: string;
  /** Orders left out as cancelled, refunded or failed. */
  voidedOrders: number;
  /** Export lines whose fields do not fit the header or the layout, with their 1-based line. */
  badLines: Array<{ line: number; message: string }>;
}

/** Reads Shopify's "2024-01-15 10:23:45 -0500" and other ISO-like times; NaN if unreadable. */
export function parseOrderTime(text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  return Date.parse(text.replace(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d(?::\d\d)?)\s*/, '$1T$2').replace(/([+-]\d\d):?(\d\d)$/, '$1:$2'));
}

const quote = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Converts an orders export recognised by its header, or returns undefined when the first line is
 * no known export header (the file is then read as plain `order_id,item_id[,timestamp]`).
 * @param text the file's content
 * @param isKnown whether an id names a product of the catalog (id or alias)
 * @throws Error for a WooCommerce Analytics orders report, which has no item ids
 */
export function convertOrdersExport(text: string, isKnown: (id: string) => boolean): ConvertedOrders | undefined {
  const firstLineEnd = text.indexOf('\n');
  const headerText = (firstLineEnd < 0 ? text : text.slice(0, firstLineEnd)).replace(/^\uFEFF/, '');
  if (!headerText.includes(',')) return undefined;
  const header = (parseDelimited(headerText, ',')[0]?.fields ?? []).map((c) => c.trim());
  const position = new Map(header.map((name, i) => [name.toLowerCase(), i] as const).reverse());
  const find = (names: string[]): number[] => [...new Set(names.map((n) => position.get(n.toLowerCase())).filter((i): i is number => i !== undefined))];
  if (ANALYTICS_ORDERS.every((c) => position.has(c.toLowerCase()))) {
    throw new Error(
      `this is WooCommerce's Analytics orders report (columns ${ANALYTICS_ORDERS.join(', ')}): it names products, not ids. ` +
        `Export orders with one row per line item and its SKU or product id (see docs/catalog-cli.md#interactions)`,
    );
  }
  const layout = ORDERS_LAYOUTS.find((l) => find(l.order).length > 0 && find(l.items).length > 0);
  if (!layout) return undefined;
  const order = find(layout.order)[0]!;
  const items = find(layout.items);
  const time = find(layout.time)[0];
  const voidColumn = layout.void && find([layout.void.column])[0];
  // Orders marked void on any of their rows (Shopify fills order fields on the first row only).
  const voided = new Set<string>();
  const rows = parseDelimited(text.replace(/^\uFEFF/, ''), ',').slice(1);
  const badLines: ConvertedOrders['badLines'] = [];
  const out: Array<{ orderId: string; line: string }> = [];
  // Shopify leaves the order's own fields (its time) empty on its later line items.
  const times = new Map<string, string>();
  for (const { line, fields } of rows) {
    if (fields.length !== header.length) {
      badLines.push({ line, message: `expected ${header.length} fields as in the header (${headerText.trim()}), found ${fields.length}` });
      continue;
    }
    const orderId = fields[order]!.trim();
    if (!orderId) {
      badLines.push({ line, message: `no order id in column "${header[order]}"` });
      continue;
    }
    if (voidColumn !== undefined && layout.void!.values.test(fields[voidColumn]!.trim())) voided.add(orderId);
    const ids = items.map((i) => fields[i]!.trim()).filter(Boolean);
    const item = ids.find(isKnown) ?? ids[0];
    if (!item) {
      badLines.push({ line, message: `no item id: columns ${items.map((i) => `"${header[i]}"`).join(', ')} are empty` });
      continue;
    }
    let when = time === undefined ? '' : fields[time]!.trim();
    if (when) {
      const parsed = parseOrderTime(when);
      if (Number.isNaN(parsed)) {
        badLines.push({ line, message: `unreadable time "${when}" in column "${header[time!]}"` });
        continue;
      }
      when = String(parsed);
      if (!times.has(orderId)) times.set(orderId, when);
    } else when = times.get(orderId) ?? '';
    out.push({ orderId, line: `${quote(orderId)},${quote(item)}${when ? `,${when}` : ''}` });
  }
  return {
    layout,
    columns: { order: header[order]!, items: items.map((i) => header[i]!), ...(time !== undefined ? { time: header[time]! } : {}) },
    text: `${['order_id,item_id,timestamp', ...out.filter((o) => !voided.has(o.orderId)).map((o) => o.line)].join('\n')}\n`,
    badLines,
    voidedOrders: voided.size,
  };
}
