/**
 * Binary codec of neighbour-row shards (`neighbors/{shard}.bin`, see {@link NeighborShards}).
 *
 * Layout (all integers are unsigned LEB128 varints unless noted):
 * - header: the 4 magic bytes `CNR1`, a version byte (1), then the number of lists L;
 * - then rows until the end: the item index, and for each of the L lists: the neighbour count n,
 *   n neighbour indexes sorted ascending and delta-coded (first as is, then differences), then
 *   n single bytes q = round(−16·log2(w / rowMax)) clamped to 0..255.
 *
 * Decoded weights are `2^(−q/16)`, so each decoded row has maximum 1 and keeps ~4 % precision,
 * which costs no measurable ranking quality. Browser-safe: no Node APIs.
 *
 * @module
 */

import type { NeighborShards } from './format.js';

/** Magic bytes "CNR" (Curio Neighbour Rows), then the format's major number as text. */
const MAGIC = [0x43, 0x4e, 0x52, 0x31];
/** Version byte following the magic. */
const VERSION = 1;
/** Quantisation steps per halving of a weight. */
const STEPS_PER_OCTAVE = 16;

/** One item's row to encode: its index and, per list, `[neighbourIndex, weight > 0]` pairs. */
export interface ShardRowInput {
  item: number;
  lists: Array<Array<[number, number]>>;
}

/** One decoded neighbour list of an item: indexes ascending, weights in (0, 1]. */
export interface DecodedNeighbors {
  ids: Uint32Array;
  weights: Float32Array;
}

/**
 * Quantises a weight relative to its row maximum to the 8-bit log scale of the shard format.
 * @param weight a weight > 0
 * @param max the row's largest weight
 * @returns q in 0..255; the decoded weight is `2^(−q/16)`
 */
export function quantizeWeight(weight: number, max: number): number {
  if (!(weight > 0) || !(max > 0)) return 255;
  const q = Math.round(-STEPS_PER_OCTAVE * Math.log2(weight / max));
  return q <= 0 ? 0 : q > 255 ? 255 : q;
}

/**
 * The weight a quantised value decodes to.
 * @param q a value produced by {@link quantizeWeight}
 */
export function dequantizeWeight(q: number): number {
  return Math.pow(2, -q / STEPS_PER_OCTAVE);
}

/** A growable byte buffer with varint writing. */
class ByteWriter {
  private bytes = new Uint8Array(256);
  length = 0;

  byte(value: number): void {
    if (this.length === this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    this.bytes[this.length++] = value;
  }

  varint(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw new RangeError(`rowCodec: expected an integer in 0..2^32-1, got ${value}`);
    }
    while (value >= 0x80) {
      this.byte((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    this.byte(value);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/**
 * Encodes the neighbour rows of one shard.
 * Every row must have the same number of lists; ids within a list must be distinct.
 * @param rows items (product indexes) with, per list, `[neighbourIndex, weight]` pairs in any order
 * @returns the shard file's bytes
 */
export function encodeShard(rows: ShardRowInput[]): Uint8Array {
  const listCount = rows.length > 0 ? rows[0]!.lists.length : 0;
  const out = new ByteWriter();
  for (const b of MAGIC) out.byte(b);
  out.byte(VERSION);
  out.varint(listCount);
  for (const row of rows) {
    if (row.lists.length !== listCount) {
      throw new RangeError(`rowCodec: item ${row.item} has ${row.lists.length} lists, expected ${listCount}`);
    }
    out.varint(row.item);
    for (const list of row.lists) {
      const sorted = list.filter(([, w]) => w > 0).sort((a, b) => a[0] - b[0]);
      let max = 0;
      for (const [, w] of sorted) if (w > max) max = w;
      out.varint(sorted.length);
      let previous = 0;
      for (let i = 0; i < sorted.length; i++) {
        const id = sorted[i]![0];
        if (i > 0 && id === previous) throw new RangeError(`rowCodec: duplicate neighbour ${id} of item ${row.item}`);
        out.varint(i === 0 ? id : id - previous);
        previous = id;
      }
      for (const [, w] of sorted) out.byte(quantizeWeight(w, max));
    }
  }
  return out.result();
}

/**
 * Decodes a shard written by {@link encodeShard}.
 * @param bytes the shard file's bytes
 * @returns item index → one entry per list (ids ascending, weights = `2^(−q/16)`)
 * @throws Error if the bytes are not a shard of a known version or are truncated
 */
export function decodeShard(bytes: Uint8Array): Map<number, DecodedNeighbors[]> {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`Neighbour shard: ${why} (byte ${at} of ${bytes.length})`);
  };
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) fail('truncated');
      const b = bytes[at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
      if (scale > 2 ** 35) fail('varint too long');
    }
  };
  for (let i = 0; i < MAGIC.length; i++) if (bytes[at++] !== MAGIC[i]) fail('not a Curio neighbour shard');
  if (bytes[at++] !== VERSION) fail(`unsupported version ${bytes[at - 1]}`);
  const listCount = varint();
  const rows = new Map<number, DecodedNeighbors[]>();
  while (at < bytes.length) {
    const item = varint();
    const lists: DecodedNeighbors[] = [];
    for (let l = 0; l < listCount; l++) {
      const count = varint();
      const ids = new Uint32Array(count);
      let id = 0;
      for (let i = 0; i < count; i++) {
        id = i === 0 ? varint() : id + varint();
        ids[i] = id;
      }
      if (at + count > bytes.length) fail('truncated');
      const weights = new Float32Array(count);
      for (let i = 0; i < count; i++) weights[i] = dequantizeWeight(bytes[at++]!);
      lists.push({ ids, weights });
    }
    rows.set(item, lists);
  }
  return rows;
}

/**
 * The shard an item (product index) lives in.
 * @param item the item's position in `products`
 * @param shards the catalog's shard description
 */
export function shardOf(item: number, shards: NeighborShards): number {
  return item % shards.count;
}
