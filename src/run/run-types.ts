import type { Adapter, Relation } from '../adapters/adapter';
import type { TbError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { CompiledNode, Manifest, NodeCompiler, ResourceType } from '../core/types';
import type { RelationNamer } from '../materialize/relation-names';

export type NodeStatus = 'success' | 'error' | 'skipped' | 'warn' | 'pass' | 'fail';

export interface TimingEntry {
  readonly name: 'compile' | 'execute';
  readonly startedAt: string;
  readonly completedAt: string;
}

export interface NodeResult {
  readonly uniqueId: string;
  readonly status: NodeStatus;
  /** `created table`, the error's message, or why the node was skipped. */
  readonly message: string;
  readonly timing: readonly TimingEntry[];
  /** Wall time of compile + execute, in milliseconds. */
  readonly executionTimeMs: number;
  /** Time spent waiting on the database (statements and introspection), in milliseconds. */
  readonly dbTimeMs: number;
  readonly rowsAffected?: number;
  readonly compiledSql?: string;
  readonly relation?: Relation;
  /** What was built: view, table, incremental (a view may have been built as a table). */
  readonly materialized?: string;
  /** `1 of 12` position in the run's output; absent for nodes never reached. */
  readonly index?: number;
  /** Worker slot that ran the node (run_results' thread_id). */
  readonly thread?: number;
  readonly error?: TbError;
  /** Tests: the failing rows counted, a sample of them, and where the compiled test SQL is. */
  readonly failures?: number;
  readonly sample?: readonly Record<string, unknown>[];
  readonly compiledPath?: string;
  /** Tests with store_failures: the audit table holding the failing rows. */
  readonly storedIn?: Relation;
}

export interface HookResult {
  readonly kind: 'on-run-start' | 'on-run-end';
  readonly index: number;
  readonly sql: string;
  readonly status: 'success' | 'error';
  readonly message: string;
  readonly executionTimeMs: number;
}

export interface RunCounts {
  readonly pass: number;
  readonly warn: number;
  readonly error: number;
  readonly skip: number;
  readonly total: number;
}

export interface RunResult {
  readonly results: readonly NodeResult[];
  readonly hooks: readonly HookResult[];
  readonly counts: RunCounts;
  readonly startedAt: string;
  readonly elapsedMs: number;
  /** Database time of the whole run, run-level introspection and hooks included. */
  readonly dbTimeMs: number;
  /** Stopped by the signal (Ctrl-C) before every node ran. */
  readonly interrupted: boolean;
  /** No node errored and the run was not interrupted. */
  readonly success: boolean;
}

export interface RunHooks {
  readonly onRunStart?: readonly string[];
  readonly onRunEnd?: readonly string[];
}

export interface RunOptions {
  /** The manifest, or just the parts the runner reads. */
  readonly manifest: Pick<Manifest, 'nodes' | 'parentMap'> & Partial<Pick<Manifest, 'sources'>>;
  /** Unique ids to run (models only are run); default every enabled model. */
  readonly select?: readonly string[];
  readonly compiler: NodeCompiler;
  readonly adapter: Adapter;
  readonly logger: Logger;
  /** Concurrent nodes; default the target's threads; always 1 where the engine has one writer. */
  readonly threads?: number;
  readonly fullRefresh?: boolean;
  readonly failFast?: boolean;
  /** Aborting stops the run: running statements are cancelled and temporaries dropped. */
  readonly signal?: AbortSignal;
  readonly hooks?: RunHooks;
  readonly names?: RelationNamer;
  /** What runs: `tb run` models; `tb seed` seeds; `tb test` tests; `tb build` all of them. Default models. */
  readonly resourceTypes?: readonly ResourceType[];
  /**
   * `tb build`: a model's tests run right after it and gate its children, so an error-severity failure
   * skips everything downstream.
   */
  readonly testsGateChildren?: boolean;
  /** Keep every test's failing rows in its audit table (`--store-failures`). */
  readonly storeFailures?: boolean;
  /** Writes a node's compiled SQL where a person can open it; returns the path. */
  readonly writeCompiled?: (compiled: CompiledNode) => Promise<string>;
  /**
   * Keep every table a model's swap replaces as `<name>__tb_bk_<backupRunId>` instead of dropping it
   * (`tb pipeline`; src/backups records and prunes them). Off for plain `tb run`.
   */
  readonly backupRunId?: string;
  /**
   * Publish the run's table models together (`tb pipeline`, per layer): each is built into its temporary,
   * later models read the temporaries, and only when every node succeeded do all tables take their places
   * in one atomic swap. Otherwise nothing is published. Views and incremental models are not held back.
   */
  readonly publishTogether?: boolean;
}
