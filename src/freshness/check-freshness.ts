import type { Adapter } from '../adapters/adapter';
import type { FreshnessConfig, SourceNode } from '../core/types';
import { freshnessQuery } from './freshness-query';
import {
  criteriaProblem,
  freshnessStatus,
  hasFreshnessCheck,
  type FreshnessStatus,
} from './freshness-status';
import { formatUtc, parseLoadedAt } from './parse-loaded-at';

export interface FreshnessResult {
  readonly uniqueId: string;
  /** `source_name.table_name`, how people name a source. */
  readonly name: string;
  readonly status: FreshnessStatus;
  /** The newest `loaded_at_field`, UTC 'YYYY-MM-DD HH:MM:SS'; absent when it could not be read. */
  readonly maxLoadedAt?: string;
  /** When the check ran (the injected `now`), UTC. */
  readonly snapshottedAt: string;
  /** Seconds from maxLoadedAt to now (negative when the data claims to come from the future). */
  readonly ageSeconds?: number;
  readonly criteria: FreshnessConfig;
  /** Why a runtime error happened. */
  readonly error?: string;
  readonly compiledSql?: string;
  readonly executionTimeMs: number;
}

/**
 * `tb source freshness`: for each source with a loaded_at_field and a threshold, `max(loaded_at_field)` and
 * its age against warn_after / error_after. Sources without them are skipped (not in the result). A source
 * that cannot be checked (missing table, bad config, no rows) is a `runtime error` result, never a throw.
 */
export async function checkFreshness(
  adapter: Adapter,
  sources: readonly SourceNode[],
  now: Date = new Date(),
): Promise<FreshnessResult[]> {
  const results: FreshnessResult[] = [];
  for (const source of sources) {
    if (!source.loadedAtField || !hasFreshnessCheck(source.freshness)) continue;
    results.push(await checkOne(adapter, source, source.freshness!, now));
  }
  return results;
}

async function checkOne(
  adapter: Adapter,
  source: SourceNode,
  criteria: FreshnessConfig,
  now: Date,
): Promise<FreshnessResult> {
  const started = performance.now();
  const base = {
    uniqueId: source.uniqueId,
    name: `${source.sourceName}.${source.name}`,
    snapshottedAt: formatUtc(now),
    criteria,
  };
  const failed = (error: string, compiledSql?: string): FreshnessResult => ({
    ...base,
    status: 'runtime error',
    error,
    compiledSql,
    executionTimeMs: performance.now() - started,
  });
  const problem = criteriaProblem(criteria);
  if (problem) return failed(`invalid freshness config in ${source.originalFilePath}: ${problem}`);
  const relation = { schema: source.schema, name: source.identifier };
  if (!(await adapter.getRelation(relation)))
    return failed(`relation ${relation.schema}.${relation.name} does not exist`);
  const sql = freshnessQuery(adapter.dialect, source);
  let value: unknown;
  try {
    value = (await adapter.execute(sql)).rows[0]?.max_loaded_at;
  } catch (err) {
    return failed(databaseMessage(err, sql), sql);
  }
  if (value === null || value === undefined)
    return failed(
      `no value of ${source.loadedAtField} in ${relation.schema}.${relation.name}: the table is empty or the field is always NULL`,
      sql,
    );
  const loadedAt = parseLoadedAt(value);
  if (!loadedAt)
    return failed(`max(${source.loadedAtField}) is ${JSON.stringify(value)}, not a timestamp`, sql);
  const ageSeconds = (now.getTime() - loadedAt.getTime()) / 1000;
  return {
    ...base,
    status: freshnessStatus(ageSeconds, criteria),
    maxLoadedAt: formatUtc(loadedAt),
    ageSeconds,
    compiledSql: sql,
    executionTimeMs: performance.now() - started,
  };
}

function databaseMessage(err: unknown, sql: string): string {
  const e = err as { sqlMessage?: string; message?: string } | undefined;
  if (e?.sqlMessage) return e.sqlMessage;
  const message = e?.message ?? String(err);
  return message.startsWith(sql) ? message.slice(sql.length).replace(/^\s*-\s*/, '') : message;
}
