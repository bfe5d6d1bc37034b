import type { InteractionKind } from './interactionLog.js';

/**
 * Tells an order-history CSV (`order_id,item_id[,timestamp]`) from a sessions file (one session
 * per line, item ids separated by spaces) by looking at the first non-empty line.
 * @param text the file's content
 */
export function detectInteractionKind(text: string): InteractionKind {
  const firstLine = /^[ \t\r]*(\S[^\n]*)$/m.exec(text)?.[1] ?? '';
  return firstLine.includes(',') ? 'orders' : 'sessions';
}
