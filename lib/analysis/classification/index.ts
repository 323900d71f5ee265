/** Classification of services as mutable, immutable or mixed: the pure logic, no database. */
export { classifyChangeEvents, classifyService, type ClassifyServiceOptions, MIXED_MIN_SHARE, type ServiceClassification, type Verdict } from "./classify-service";
export {
  type ChangeEvent,
  type ChangeKind,
  type ComponentChange,
  detectChangeEvents,
  detectTransitionEvents,
  diffHosts,
  type HostChange,
  IMAGE_COMPONENT,
  isRelaunched,
} from "./change-events";
export { detectRole, isDataServiceName, isStatefulHost, type ServiceRole } from "./detect-role";
export { describeHostHistory, describeInPlaceChanges, type HostHistoryEntry, type HostHistoryKind } from "./host-history";
export {
  isMigrationCandidate,
  MIGRATION_PATH,
  type MigrationStep,
  type MigrationStepId,
  suggestNextMigrationStep,
  type SuggestNextMigrationStepInput,
} from "./migration-step";
export { collectSnapshotHints, identifySourceTool, type Leaning, type SnapshotHint, type SnapshotHints } from "./snapshot-hints";
export { applyVerdictOverride, type OverriddenVerdict, type VerdictOverride } from "./verdict-override";
