import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * Reads a UTF-8 text file, gunzipping it when it starts with the gzip magic bytes.
 * @param path file path
 */
export function readTextFile(path: string): string {
  const bytes = readFileSync(path);
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return plain.toString('utf8');
}
