/**
 * `@curio/catalog-cli` as a library: read product feeds and interaction logs, build neighbour
 * lists and popularity, tune ranking weights on held-out data, and write catalog files.
 * @module
 */
export { buildCatalog, catalogFromLists, type BuildOptions, type BuiltCatalog } from './build/buildCatalog.js';
export { buildCatalogWithEngine, catalogFromSource, computeLists, readInteractionsIntoEngine, type EngineBuildOptions } from './build/buildCatalogWithEngine.js';
export { buildFromListsDirectory } from './build/buildFromListsDirectory.js';
export { ListEngine, formatCount } from './engine/listEngine.js';
export { checkMemoryLimit, engineOptions, type EngineOptions } from './engine/engineOptions.js';
export { loadInteractions, type LoadedInteractions } from './engine/loadInteractions.js';
export { computeListSet, readListSet, listSetRelations, COOCCURRENCE_MARGIN, type ListSetInput, type ReadLists } from './engine/engineLists.js';
export { listQuery, fillTemplate, sqlDirectory, type ListQueryName } from './engine/listQueries.js';
export { heldOutCases, type HeldOutCases } from './engine/heldOutCases.js';
export { productsHash, type ListSource, type ListsManifest } from './engine/listSource.js';
export { writeListsDirectory, listsDirectorySource } from './engine/listsDirectory.js';
export { listDefinitions, type ListDefinition } from './lists/listDefinitions.js';
export { assembleCatalog, GENERATOR } from './build/assembleCatalog.js';
export { neighborTables } from './build/neighborTables.js';
export { parseProductFeed, detectFeedFormat, type FeedFormat, type FeedOptions, type ParsedFeed } from './feeds/parseProductFeed.js';
export { detectPlatform, readPlatformExport, type Platform } from './feeds/platforms/platformExports.js';
export { ExportTable, ExportRow, type LinedProduct, type PlatformFeed, type PlatformOptions } from './feeds/platforms/exportTable.js';
export type { FeedIssue } from './feeds/feedRecord.js';
export { parseDelimited, splitCsvLine, type DelimitedRow } from './feeds/csv.js';
export { productFromRecord, type RecordOptions } from './feeds/productFromRecord.js';
export { convertOrdersExport, parseOrderTime, ORDERS_LAYOUTS, type ConvertedOrders, type OrdersLayout } from './interactions/ordersExport.js';
export { readInteractions, type InteractionsResult } from './interactions/readInteractions.js';
export { detectInteractionKind } from './interactions/detectInteractionKind.js';
export type { InteractionKind, InteractionLog } from './interactions/interactionLog.js';
export { sequentialRules, appendRepeats, ruleUnit, type SequentialRulesOptions } from './lists/sequentialRules.js';
export { cooccurrence, cooccurrenceScore, type CooccurrenceOptions } from './lists/cooccurrence.js';
export { recencyWeightedPopularity, divideByMax, popularityHalfLife } from './lists/popularity.js';
export type { NeighborRow, NeighborTable } from './lists/neighborTable.js';
export { catalogFiles, builtFromFile, autoShardCount, neighborShardCount, INLINE_CATALOG_BYTES, SHARD_BYTES, type OutputFile } from './output/catalogFiles.js';
export { sizeReport, type SizeReport } from './output/sizeReport.js';
export { stableJson } from './output/stableJson.js';
export { tuneWeights, searchWeights, startingWeights, tuningSplit, canTune, type TunedWeights, type TuningInputs, type TuningOptions, type TuningReport } from './tuning/tuneWeights.js';
export { coordinateDescent, type SearchDimension, type SearchResult, type SearchStep } from './tuning/coordinateDescent.js';
export { RankingMetrics, rankOf, type RankingScores } from './tuning/rankingMetrics.js';
export { allCases, sampleCases, replayCase, replayVisit, CLICK_INTERVAL_MS, EARLIER_VISIT_MS, DETOUR_GAP_MS, type ReplayCase, type ReplayOptions, type ReplayPlacement, type ReplayVisit } from './tuning/replayCases.js';
export { scoreCatalog, tuningObjective } from './tuning/scoreCatalog.js';
export { streamProgress, silentProgress, type Progress } from './progress.js';
export { readTextFile } from './readTextFile.js';
export { parseBuildArguments, parseListsArguments, USAGE, type BuildArguments, type ListsArguments } from './cliArguments.js';
export { runBuild } from './runBuild.js';
export { estimateLift, unbiased, bandValue, type Estimate, type LiftReport, type MeasureLift } from './report/estimateLift.js';
export { readReports, toReport, type ReadReports } from './report/readReports.js';
export { runReport, parseReportArguments, formatLift, REPORT_USAGE, type ReportArguments } from './report/reportCommand.js';
export { runLists, sparkJobPath } from './runLists.js';
