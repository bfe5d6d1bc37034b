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

const HEADER_NAMES = new Set(['order_id', 'orderid', 'order', 'transaction_id', 'id']);

/**
 * Parses an interactions file (format detected from content, see {@link detectInteractionKind}).
 * A platform's orders export (Shopify, WooCommerce; see ordersExport.ts) is first converted to
 * `order_id,item_id,timestamp`. Orders are grouped by `order_id` and sorted by timestamp when one
 * is given (else by first appearance); sessions keep their line order, which is assumed chronological.
 * @param text the file's content (already gunzipped)
 * @param productIndex product id (or alias) → position in `products`
 */
export function readInteractions(text: string, productIndex: ReadonlyMap<string, number>): InteractionsResult {
  const converted = convertOrdersExport(text, (id) => productIndex.has(id));
  if (converted) {
    const { layout, columns } = converted;
    const read = readPlainInteractions(converted.text, productIndex);
    const time = columns.time ? `, time "${columns.time}"` : ', no time column';
    return { ...read, badLines: converted.badLines, readAs: `${layout.name}: order "${columns.order}", item ${columns.items.map((c) => `"${c}"`).join(' or ')}${time}${converted.voidedOrders ? `; ${converted.voidedOrders} cancelled or refunded orders left out` : ''}` };
  }
  return readPlainInteractions(text, productIndex);
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
    lines.forEach((raw, lineIndex) => {
      const line = raw.trim();
      if (line === '') return;
      const fields = splitCsvLine(line, ',');
      if (lineIndex === headerLine && HEADER_NAMES.has(fields[0]!.toLowerCase())) return;
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
      let order = orders.get(orderId);
      if (!order) {
        order = { items: [], time, first: orders.size };
        orders.set(orderId, order);
      } else if (!(order.time <= time)) {
        order.time = Number.isNaN(order.time) ? time : Math.min(order.time, time);
      }
      const index = resolve(itemId);
      if (index !== undefined && !order.items.includes(index)) order.items.push(index);
    });
    const all = [...orders.values()];
    const timed = all.every((o) => !Number.isNaN(o.time));
    const sorted = timed ? all.sort((a, b) => a.time - b.time || a.first - b.first) : all;
    for (const order of sorted) sequences.push(order.items);
  }
  const shortSequences = sequences.filter((s) => s.length < 2).length;
  const readAs = kind === 'sessions' ? 'sessions: item ids separated by spaces, one session per line' : 'order history by position: order_id,item_id[,timestamp]';
  return { log: { kind, sequences }, unknownItems, shortSequences, badLines, readAs };
}
