import { describe, expect, it } from 'vitest';
import { detectInteractionKind, readInteractions } from '../src/index.js';

const index = new Map(['a', 'b', 'c'].map((id, i) => [id, i]));

describe('interactions', () => {
  it('detects sessions and orders from content', () => {
    expect(detectInteractionKind('\n1 2 3\n4 5\n')).toBe('sessions');
    expect(detectInteractionKind('order_id,item_id\n1,a\n')).toBe('orders');
  });

  it('reads sessions in order, keeping repeats and dropping unknown items', () => {
    const read = readInteractions('a b a\nc x\n', index);
    expect(read.log).toEqual({ kind: 'sessions', sequences: [[0, 1, 0], [2]] });
    expect(read.unknownItems).toBe(1);
    expect(read.shortSequences).toBe(1);
  });

  it('groups orders, sorts them by timestamp and reports bad lines', () => {
    const read = readInteractions('order_id,item_id,timestamp\n9,a,2024-02-01\n9,b,2024-02-01\n7,c,2024-01-01\n7,a,2024-01-01\n7,a,2024-01-01\n8\n', index);
    expect(read.log).toEqual({ kind: 'orders', sequences: [[2, 0], [0, 1]] });
    expect(read.badLines).toEqual([{ line: 7, message: 'expected order_id,item_id[,timestamp]' }]);
  });
});
