import type { ReplayCase } from '../tuning/replayCases.js';
import type { ListEngine } from './listEngine.js';

/** The held-out part of a log as the tuning replays it. */
export interface HeldOutCases {
  /** Sessions (product ids) that the sampled cases refer to — only those, not the whole hold-out. */
  sessions: string[][];
  /** Sampled cases, indexes into `sessions`, in the order `sampleCases(allCases(…))` gives. */
  replayed: ReplayCase[];
  /** Held-out sequences with 2 or more items. */
  heldOutSequences: number;
  /** All their cases. */
  cases: number;
}

/**
 * Samples the held-out cases in the engine: only each held-out sequence's length comes into
 * JavaScript, then the clicks of the (at most `maxCases`) sequences the sample touches. The cases
 * are exactly those of `sampleCases(allCases(heldOut), maxCases)` on the whole log in memory.
 * @param engine the engine
 * @param holdout relation of the held-out clicks (seq, pos, item)
 * @param productIds product ids by index
 * @param maxCases largest number of cases replayed
 */
export async function heldOutCases(engine: ListEngine, holdout: string, productIds: readonly string[], maxCases: number): Promise<HeldOutCases> {
  const seqs: number[] = [];
  const offsets: number[] = [0];
  await engine.stream(
    `SELECT CAST(seq AS BIGINT), COUNT(*) FROM ${holdout} GROUP BY seq HAVING COUNT(*) >= 2 ORDER BY seq`,
    (chunk) => {
      const seq = chunk.getColumnVector(0);
      const length = chunk.getColumnVector(1);
      for (let r = 0; r < chunk.rowCount; r++) {
        seqs.push(Number(seq.getItem(r)));
        offsets.push(offsets[offsets.length - 1]! + Number(length.getItem(r)) - 1);
      }
    },
  );
  const total = offsets[offsets.length - 1]!;
  // Global case numbers of the sample (allCases order: by sequence, then prefix).
  const picked: number[] = [];
  if (total <= maxCases) for (let g = 0; g < total; g++) picked.push(g);
  else {
    const step = total / maxCases;
    for (let i = 0; i < maxCases; i++) picked.push(Math.floor(i * step));
  }
  const caseAt = (g: number): { h: number; prefix: number } => {
    let lo = 0;
    let hi = seqs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= g) lo = mid;
      else hi = mid - 1;
    }
    return { h: lo, prefix: g - offsets[lo]! + 1 };
  };
  const located = picked.map(caseAt);
  const needed = [...new Set(located.map((c) => seqs[c.h]!))];
  const slot = new Map(needed.map((seq, i) => [seq, i]));
  const sessions: string[][] = needed.map(() => []);
  if (needed.length > 0) {
    await engine.run('CREATE OR REPLACE TEMP TABLE needed_sequences (seq BIGINT)');
    await engine.append('needed_sequences', (appender) => {
      for (const seq of needed) {
        appender.appendBigInt(BigInt(seq));
        appender.endRow();
      }
    });
    await engine.stream(
      `SELECT CAST(h.seq AS BIGINT), CAST(h.item AS INTEGER) FROM ${holdout} h JOIN needed_sequences n ON n.seq = h.seq ORDER BY h.seq, h.pos`,
      (chunk) => {
        const seq = chunk.getColumnVector(0);
        const item = chunk.getColumnVector(1);
        for (let r = 0; r < chunk.rowCount; r++) sessions[slot.get(Number(seq.getItem(r)))!]!.push(productIds[item.getItem(r) as number]!);
      },
    );
    await engine.run('DROP TABLE needed_sequences');
  }
  return {
    sessions,
    replayed: located.map(({ h, prefix }) => ({ session: slot.get(seqs[h]!)!, prefix })),
    heldOutSequences: seqs.length,
    cases: total,
  };
}
