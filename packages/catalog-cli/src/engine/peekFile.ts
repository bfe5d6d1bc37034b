import { closeSync, openSync, readSync } from 'node:fs';
import { constants, inflateRawSync } from 'node:zlib';

/** What the first bytes of an interactions file say about it. */
export interface FilePeek {
  /** Parquet (magic `PAR1`). */
  parquet: boolean;
  /** gzip-compressed (magic 1f 8b). */
  gzip: boolean;
  /** The start of the (decompressed) text, for format detection; empty for Parquet. */
  head: string;
}

/**
 * Reads the first 64 KB of a file (decompressing the start of a gzip stream) without loading it.
 * @param path the file
 */
export function peekFile(path: string): FilePeek {
  const fd = openSync(path, 'r');
  const bytes = Buffer.alloc(65536);
  let length: number;
  try {
    length = readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    closeSync(fd);
  }
  const start = bytes.subarray(0, length);
  if (start.subarray(0, 4).toString('latin1') === 'PAR1') return { parquet: true, gzip: false, head: '' };
  const gzip = start[0] === 0x1f && start[1] === 0x8b;
  return { parquet: false, gzip, head: (gzip ? gunzipStart(start) : start).toString('utf8') };
}

/** Decompresses as much of a gzip stream's start as the bytes allow. */
function gunzipStart(bytes: Buffer): Buffer {
  // Skip the gzip header (10 bytes, plus the optional fields its flags announce).
  const flags = bytes[3]!;
  let at = 10;
  if (flags & 4) at += 2 + bytes.readUInt16LE(at);
  if (flags & 8) while (at < bytes.length && bytes[at++] !== 0);
  if (flags & 16) while (at < bytes.length && bytes[at++] !== 0);
  if (flags & 2) at += 2;
  try {
    return inflateRawSync(bytes.subarray(at), { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return Buffer.alloc(0);
  }
}
