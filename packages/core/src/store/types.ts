/**
 * The visitor store: everything Curio keeps about one visitor, persisted in IndexedDB or,
 * when that is impossible or not allowed, in memory.
 */
import type { Aggregates, KeptItem, Landing, Preference, StorageMode, StoredEvent } from '../types.js';

/** Current schema version of {@link StoredState}. */
export const SCHEMA_VERSION = 1;

/** What is stored about a visitor (one IndexedDB record). */
export interface StoredState {
  schema: number;
  /** Raw events, oldest first, capped (older ones are folded into `aggregates`). */
  events: StoredEvent[];
  aggregates: Aggregates;
  preferences: Preference[];
  /** Items the visitor dismissed ("Not interested"); never picked again. */
  dismissed: string[];
  /** When each dismissal was made (ms); retention drops old ones like old events. */
  dismissedAt?: Record<string, number>;
  /** Catalog data of history items, fetched on their own pages (store/keptItems.ts). */
  kept?: Record<string, KeptItem>;
  /** Where the current session came from; recorded only when the shop has rules. */
  landing?: Landing;
  /** The holdout arm's draw and the day's measurement counts (measure/measurementState.ts, validated there). */
  measurement?: unknown;
}

/** A pure change of the state; re-applied to the freshest stored copy inside one transaction. */
export type Mutation = (state: StoredState) => StoredState;

/** Persistence of a {@link StoredState}. Implementations never reject; they degrade to memory. */
export interface VisitorStore {
  /** Where data lives now; switches from `indexeddb` to `memory` after a storage failure. */
  readonly mode: StorageMode;
  /** Reads the stored state (migrated, validated, retention applied); an empty state if none. */
  load(): Promise<StoredState>;
  /** Applies mutations to the freshest stored state in one read-modify-write transaction; returns the result. */
  commit(mutations: Mutation[]): Promise<StoredState>;
  /**
   * Synchronously hands events not yet committed to storage, as the page is being hidden or
   * unloaded: an asynchronous read-modify-write would not finish then. They are folded into the
   * state by the next load or commit (of any tab); event ids make this idempotent.
   */
  rescue(events: StoredEvent[]): void;
  /** Deletes the database (or memory copy) entirely. */
  destroy(): Promise<void>;
  /** Stops listening to other tabs. */
  close(): void;
}
