/** The runner's public surface: what the CLI (`tb run`) and the programmatic API use. */
export { runNodes } from './run-nodes';
export { abortOnSignals } from './abort-on-signals';
export type {
  HookResult,
  NodeResult,
  NodeStatus,
  RunCounts,
  RunHooks,
  RunOptions,
  RunResult,
  TimingEntry,
} from './run-types';
export { buildRunResults, writeRunResults } from '../artifacts/run-results';
export type { RunResultsArtifact, RunResultsMeta } from '../artifacts/run-results';
