/**
 * `@curio/core` — on-device personalization: events → store → profile → rank → picks with reasons.
 * @packageDocumentation
 */
export { createCurio } from './curio.js';
export { CurioError, type CurioErrorCode } from './errors.js';
export type { CatalogFile, CatalogProduct, NeighborKind, NeighborList, NeighborShards } from './catalog/format.js';
export type { ListWeight, RankingWeights } from './rank/weights.js';
export type {
  Aggregates,
  Consent,
  Curio,
  CurioOptions,
  EventType,
  ExportedData,
  Interest,
  Locale,
  Pick,
  Placement,
  Preference,
  PreferenceUpdate,
  Product,
  ProfileView,
  Reason,
  ReasonCode,
  ReasonEvidence,
  RecommendRequest,
  StorageMode,
  StoredEvent,
  TrackEvent,
} from './types.js';
