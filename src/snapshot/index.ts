export { runSnapshot, formatSnapshotTime } from './run-snapshot';
export type { RunSnapshotOptions, SnapshotResult } from './run-snapshot';
export { planSnapshot, planSourceStaging } from './plan-snapshot';
export type { SnapshotPlan, SnapshotState, CreatePlan, MergePlan } from './plan-snapshot';
export { resolveSnapshotConfig, DEFAULT_META_COLUMNS } from './snapshot-config';
export type { SnapshotConfig, SnapshotStrategy, HardDeletes, SnapshotMetaColumns } from './snapshot-config';
