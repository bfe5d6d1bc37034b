import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeShard, dequantizeWeight, encodeShard, quantizeWeight, shardOf } from '../src/catalog/rowCodec.js';

describe('rowCodec', () => {
  it('round-trips rows: ids sorted, weights relative to the row maximum on the 8-bit log scale', () => {
    const bytes = encodeShard([
      { item: 7, lists: [[[300, 2], [5, 4], [70000, 1]], []] },
      { item: 1_000_000, lists: [[], [[0, 0.5]]] },
    ]);
    const rows = decodeShard(bytes);
    expect([...rows.keys()]).toEqual([7, 1_000_000]);
    const [first, second] = rows.get(7)!;
    expect([...first!.ids]).toEqual([5, 300, 70000]);
    expect([...first!.weights]).toEqual([1, 0.5, 0.25]);
    expect(second!.ids.length).toBe(0);
    expect([...rows.get(1_000_000)![1]!.weights]).toEqual([1]);
  });

  it('starts with magic bytes, a version and the list count', () => {
    expect([...encodeShard([]).slice(0, 6)]).toEqual([0x43, 0x4e, 0x52, 0x31, 1, 0]);
    expect(decodeShard(encodeShard([])).size).toBe(0);
  });

  it('quantises to q = round(−16·log2(w/max)) clamped to 0..255', () => {
    expect(quantizeWeight(1, 1)).toBe(0);
    expect(quantizeWeight(0.5, 1)).toBe(16);
    expect(quantizeWeight(1e-30, 1)).toBe(255);
    expect(dequantizeWeight(32)).toBe(0.25);
  });

  it('rejects other bytes and truncated shards with a clear error', () => {
    expect(() => decodeShard(new Uint8Array([1, 2, 3, 4, 5, 6]))).toThrow(/not a Curio neighbour shard/);
    const bytes = encodeShard([{ item: 3, lists: [[[1, 1], [2, 0.5]]] }]);
    expect(() => decodeShard(bytes.slice(0, bytes.length - 1))).toThrow(/truncated/);
    expect(() => encodeShard([{ item: 1, lists: [[[2, 1], [2, 1]]] }])).toThrow(/duplicate/);
  });

  it('places item i in shard i % count', () => {
    expect(shardOf(130, { count: 64, url: 'neighbors/{shard}.bin' })).toBe(2);
  });

  it('round-trips any rows within the quantisation error (property)', () => {
    const list = fc.uniqueArray(fc.tuple(fc.nat(2 ** 32 - 1), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
      selector: ([id]) => id,
      maxLength: 30,
    });
    const rows = fc.uniqueArray(fc.record({ item: fc.nat(2 ** 32 - 1), lists: fc.array(list, { minLength: 2, maxLength: 2 }) }), {
      selector: (r) => r.item,
      maxLength: 20,
    });
    fc.assert(
      fc.property(rows, (input) => {
        const decoded = decodeShard(encodeShard(input));
        expect(decoded.size).toBe(input.length);
        for (const { item, lists } of input) {
          lists.forEach((pairs, l) => {
            const got = decoded.get(item)![l]!;
            const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
            expect([...got.ids]).toEqual(sorted.map(([id]) => id));
            const max = Math.max(...sorted.map(([, w]) => w));
            sorted.forEach(([, w], k) => {
              const expected = Math.max(w / max, 2 ** (-255 / 16));
              expect(Math.abs(Math.log2(got.weights[k]! / expected))).toBeLessThanOrEqual(1 / 32 + 1e-6);
            });
          });
        }
      }),
    );
  });
});
