import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NodeResult, RunResult } from '../run/run-types';

/** dbt's run_results.json shape, so tools that read dbt artifacts read these too. */
export interface RunResultsArtifact {
  readonly metadata: {
    readonly tb_schema_version: string;
    readonly tb_version: string;
    readonly generated_at: string;
    readonly invocation_id: string;
    readonly adapter_type?: string;
  };
  readonly results: readonly RunResultEntry[];
  readonly elapsed_time: number;
  readonly args: Readonly<Record<string, unknown>>;
}

export interface RunResultEntry {
  readonly unique_id: string;
  readonly status: string;
  readonly timing: readonly { name: string; started_at: string; completed_at: string }[];
  readonly thread_id: string | null;
  readonly execution_time: number;
  readonly adapter_response: { readonly rows_affected?: number; readonly db_time: number };
  readonly message: string;
  readonly failures: number | null;
  readonly compiled: boolean;
  readonly compiled_code: string | null;
  readonly relation_name: string | null;
  readonly materialized?: string;
  readonly error_code?: string;
}

export interface RunResultsMeta {
  readonly tbVersion: string;
  readonly invocationId: string;
  readonly generatedAt?: string;
  readonly adapterType?: string;
  /** The command's arguments as given (select, threads, full_refresh, ...). */
  readonly args?: Readonly<Record<string, unknown>>;
}

export const RUN_RESULTS_SCHEMA_VERSION = 'https://tb.dev/schemas/run-results/v1.json';

export function buildRunResults(run: RunResult, meta: RunResultsMeta): RunResultsArtifact {
  return {
    metadata: {
      tb_schema_version: RUN_RESULTS_SCHEMA_VERSION,
      tb_version: meta.tbVersion,
      generated_at: meta.generatedAt ?? new Date().toISOString(),
      invocation_id: meta.invocationId,
      ...(meta.adapterType ? { adapter_type: meta.adapterType } : {}),
    },
    results: run.results.map(entry),
    elapsed_time: run.elapsedMs / 1000,
    args: meta.args ?? {},
  };
}

function entry(r: NodeResult): RunResultEntry {
  return {
    unique_id: r.uniqueId,
    status: r.status,
    timing: r.timing.map((t) => ({ name: t.name, started_at: t.startedAt, completed_at: t.completedAt })),
    thread_id: r.thread === undefined ? null : `Thread-${r.thread}`,
    execution_time: r.executionTimeMs / 1000,
    adapter_response: { rows_affected: r.rowsAffected, db_time: r.dbTimeMs / 1000 },
    message: r.message,
    failures: r.failures ?? null,
    compiled: r.compiledSql !== undefined,
    compiled_code: r.compiledSql ?? null,
    relation_name: r.relation ? `${r.relation.schema}.${r.relation.name}` : null,
    materialized: r.materialized,
    ...(r.error ? { error_code: r.error.code } : {}),
  };
}

/**
 * Writes `<targetDir>/run_results.json` through a temporary file and a rename, so a reader never sees
 * half a file. Returns the path written.
 */
export async function writeRunResults(targetDir: string, artifact: RunResultsArtifact): Promise<string> {
  await mkdir(targetDir, { recursive: true });
  const path = join(targetDir, 'run_results.json');
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(artifact, null, 2) + '\n');
  await rename(tmp, path);
  return path;
}
