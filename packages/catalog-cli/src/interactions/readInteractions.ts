import { detectInteractionKind } from './detectInteractionKind.js';
import type { InteractionLog } from './interactionLog.js';
import { splitCsvLine } from '../feeds/csv.js';
import { convertOrdersExport } from './ordersExport.js';

/** What reading an interactions file produced. */
export interface InteractionsResult {
  log: InteractionLog;
  /** Item references that name no product of the feed (dropped). */
  unknownItems: number;
  /** Sessions/orders left with fewer than 2 known items (kept out of neighbour lists but counted for popularity). */
  shortSequences: number;
  /** Malformed lines, with their 1-based line numbers. */
  badLines: Array<{ line: number; message: string }>;
  /** How the file was read: the export recognised and the columns used, or the plain layout. */
  readAs: string;
}

/** First-column names that mark an order CSV's header line. */
export const ORDER_HEADER_NAMES: ReadonlySet<string> = new Set(['order_id', 'orderid', 'order', 'transaction_id', 'id']);
/** How a plain file of each kind is read, for messages (the engine reads it the same way). */
export const PLAIN_READ_AS: Readonly<Record<'sessions' | 'orders', string>> = {
  sessions: 'sessions: item ids separated by spaces, one session per line',
  orders: 'order history by position: order_id,item_id[,timestamp]',
};
/** Second-column names of such a header. */
const ITEM_HEADER_NAMES: ReadonlySet<string> = new Set(['item_id', 'sku', 'product_id', 'item']);

/**
 * Parses an interactions file (format detected from content, see {@link detectInteractionKind}).
 * A platform's orders export (Shopify, WooCommerce; see ordersExport.ts) is first converted to
 * `order_id,item_id,timestamp`. Orders are grouped by `order_id` and sorted by their earliest
 * timestamp when every row has one (else by first appearance); sessions keep their line order,
 * which is assumed chronological. The engine's reader (engine/loadInteractions.ts) gives the same
 * sequences.
 * @param text the file's content (already gunzipped)
 * @param productIndex product id (or alias) → position in `products`
 */
export function readInteractions(text: string, productIndex: ReadonlyMap<string, number>): InteractionsResult {
  const converted = isPositionalOrderHeader(text.slice(0, text.indexOf('\n') >>> 0)) ? undefined : convertOrdersExport(text, (id) => productIndex.has(id));
  if (converted) {
    const { layout, columns } = converted;
    const read = readPlainInteractions(converted.text, productIndex);
    const time = columns.time ? `, time "${columns.time}"` : ', no time column';
    return { ...read, badLines: converted.badLines, readAs: `${layout.name}: order "${columns.order}", item ${columns.items.map((c) => `"${c}"`).join(' or ')}${time}${converted.voidedOrders ? `; ${converted.voidedOrders} cancelled or refunded orders left out` : ''}` };
  }
  return readPlainInteractions(text, productIndex);
}

/**
 * True when a first line is Curio's own order history header, `order_id,item_id[,timestamp]` in
 * that order: such a file is read by position (as the engine reads it), not converted.
 */
export function isPositionalOrderHeader(line: string): boolean {
  const [first, second] = line.replace(/^\uFEFF/, '').split(',').map((c) => c.trim().toLowerCase());
  return ORDER_HEADER_NAMES.has(first!) && ITEM_HEADER_NAMES.has(second!);
}

/** Reads sessions, or order history `order_id,item_id[,timestamp]` by position. */
function readPlainInteractions(text: string, productIndex: ReadonlyMap<string, number>): InteractionsResult {
  const kind = detectInteractionKind(text);
  const lines = text.split('\n');
  const badLines: InteractionsResult['badLines'] = [];
  let unknownItems = 0;
  const resolve = (id: string): number | undefined => {
    const index = productIndex.get(id);
    if (index === undefined) unknownItems++;
    return index;
  };
  const sequences: number[][] = [];
  if (kind === 'sessions') {
    for (const line of lines) {
      const ids = line.trim();
      if (ids === '') continue;
      const session: number[] = [];
      for (const id of ids.split(/\s+/)) {
        const index = resolve(id);
        if (index !== undefined) session.push(index);
      }
      sequences.push(session);
    }
  } else {
    const headerLine = lines.findIndex((l) => l.trim() !== '');
    const orders = new Map<string, { items: number[]; time: number; first: number }>();
    let untimedRows = 0;
    lines.forEach((raw, lineIndex) => {
      const line = raw.trim();
      if (line === '') return;
      const fields = splitCsvLine(line, ',');
      if (lineIndex === headerLine && ORDER_HEADER_NAMES.has(fields[0]!.toLowerCase())) return;
      const [orderId, itemId, timestamp] = fields.map((f) => f.trim());
      if (!orderId || !itemId) {
        badLines.push({ line: lineIndex + 1, message: 'expected order_id,item_id[,timestamp]' });
        return;
      }
      let time = Number.NaN;
      if (timestamp) {
        time = /^\d+(\.\d+)?$/.test(timestamp) ? Number(timestamp) : Date.parse(timestamp);
        if (Number.isNaN(time)) {
          badLines.push({ line: lineIndex + 1, message: `unreadable timestamp "${timestamp}"` });
          return;
        }
      }
      if (Number.isNaN(time)) untimedRows++;
      let order = orders.get(orderId);
      if (!order) {
        order = { items: [], time, first: orders.size };
        orders.set(orderId, order);
      } else if (time < order.time || Number.isNaN(order.time)) {
        order.time = time;
      }
      const index = resolve(itemId);
      if (index !== undefined && !order.items.includes(index)) order.items.push(index);
    });
    const all = [...orders.values()];
    const timed = untimedRows === 0;
    const sorted = timed ? all.sort((a, b) => a.time - b.time || a.first - b.first) : all;
    for (const order of sorted) sequences.push(order.items);
  }
  const shortSequences = sequences.filter((s) => s.length < 2).length;
  const readAs = PLAIN_READ_AS[kind];
  return { log: { kind, sequences }, unknownItems, shortSequences, badLines, readAs };
}
