/** A visitor store that keeps the state in memory only: consent pending or denied, GPC, or no usable IndexedDB. */
import { applyMutations, applyRetention, emptyState } from './state.js';
import type { VisitorStore } from './types.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  retentionDays: number;
  now: () => number;
  /** Told about skipped (buggy) mutations. */
  warn?: (message: string) => void;
}

/** Creates a store whose data lives as long as the page. */
export function createMemoryStore({ retentionDays, now, warn }: MemoryStoreOptions): VisitorStore {
  let state = emptyState();
  return {
    mode: 'memory',
    load: async () => (state = applyRetention(state, now(), retentionDays)),
    commit: async (mutations) => (state = applyMutations(state, mutations, now(), retentionDays, warn)),
    rescue() {}, // memory dies with the page; nothing to rescue into
    destroy: async () => void (state = emptyState()),
    close() {},
  };
}
