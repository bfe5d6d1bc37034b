/**
 * `@curio/core` — on-device personalization: events → store → profile → rank → picks with reasons.
 * @packageDocumentation
 */
export { createCurio } from './curio.js';
export { CurioError, type CurioErrorCode } from './errors.js';
export { formatPrice } from './numberFormat.js';
export { LOCALES } from './locales.js';
export type { CatalogFile, CatalogProduct, NeighborKind, NeighborList, NeighborShards } from './catalog/format.js';
export type { ListWeight, RankingWeights } from './catalog/weights.js';
export type {
  Aggregates,
  Collection,
  CollectionMatch,
  Consent,
  ConsentSource,
  ContextValue,
  Curio,
  CurioOptions,
  DeviceClass,
  ExperimentOptions,
  EventType,
  ExportedData,
  KeptItem,
  Interest,
  InterestEvidence,
  ItemSelector,
  Landing,
  Locale,
  LocalizedText,
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
  ReportOptions,
  Rule,
  RuleAction,
  RuleConditions,
  RulesReport,
  RuleStatus,
  Season,
  StorageMode,
  StoredEvent,
  TrackEvent,
  TrafficSource,
  VisitorContext,
  Weekday,
} from './types.js';
