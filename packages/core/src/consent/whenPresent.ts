/** Waiting for a CMP that loads after Curio (or never). */
import type { CmpPage } from './cmpAnswer.js';

/** How long to look for a CMP that has not loaded yet before giving up (Curio then stays `pending`). */
const GIVE_UP_MS = 60_000;
const EVERY_MS = 100;

/**
 * Calls `use` with `read(page)` as soon as it is defined: now, or on a later check every 100 ms
 * (CMPs load asynchronously, and some pages load them long after Curio). After a minute without
 * it, stops looking: a CMP that never loads leaves Curio in memory only.
 */
export function whenPresent<T>(page: CmpPage, read: (page: CmpPage) => T | undefined, use: (value: T) => void): void {
  const started = Date.now();
  const look = (): void => {
    const value = read(page);
    if (value !== undefined && value !== null) return use(value);
    if (Date.now() - started < GIVE_UP_MS) setTimeout(look, EVERY_MS);
  };
  look();
}
