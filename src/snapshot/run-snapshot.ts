import type { Adapter, ColumnDef, Session } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { CompiledNode, Relation } from '../core/types';
import { keyCheckQueries } from './key-check';
import { planSnapshot, planSourceStaging, type CreatePlan, type MergePlan } from './plan-snapshot';
import { resolveSnapshotColumns } from './snapshot-columns';
import { resolveSnapshotConfig, type SnapshotConfig } from './snapshot-config';
import { snapshotDatabaseError } from './snapshot-error';
import { snapshotNames } from './snapshot-names';

export interface RunSnapshotOptions {
  /** The snapshot time; default the clock. Tests inject it to simulate days. */
  readonly now?: Date;
  readonly logger?: Logger;
}

export interface SnapshotResult {
  readonly uniqueId: string;
  readonly relation: Relation;
  readonly status: 'success';
  /** `create` on the first run, `merge` after. */
  readonly action: 'create' | 'merge';
  /** The snapshot time, UTC, 'YYYY-MM-DD HH:MM:SS'. */
  readonly snapshotTime: string;
  /** New versions: new keys, changed keys, and (new_record) deletion records. */
  readonly rowsInserted: number;
  /** Versions closed because their row changed. */
  readonly rowsUpdated: number;
  /** Versions closed because their key left the SELECT (hard_deletes invalidate or new_record). */
  readonly rowsInvalidated: number;
  /** Columns added to the table because the SELECT gained them. */
  readonly addedColumns: readonly string[];
  readonly message: string;
}

/** UTC text, the format snapshot timestamps are stored in on both engines. */
export function formatSnapshotTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Runs one snapshot: stages the SELECT, checks the key, plans, then creates the table or merges into it.
 * The merge's UPDATE and INSERT run in one transaction (on SQLite the DDL too). Throws a TbError naming
 * the snapshot on failure; the caller turns it into the node's error result.
 */
export async function runSnapshot(
  adapter: Adapter,
  compiled: CompiledNode,
  options: RunSnapshotOptions = {},
): Promise<SnapshotResult> {
  const now = formatSnapshotTime(options.now ?? new Date());
  const config = resolveSnapshotConfig(compiled);
  const exec = executor(adapter, compiled, options.logger);
  await exec.run('creating the schema', undefined, () => adapter.ensureSchema(config.relation.schema));
  const existing = await adapter.getRelation(config.relation);
  if (existing?.kind === 'view')
    throw new TbError(
      ErrorCodes.database,
      `snapshot '${compiled.node.name}': ${config.relation.schema}.${config.relation.name} is a view, not a snapshot table`,
      { file: compiled.node.originalFilePath, hint: 'drop the view, or give the snapshot another name' },
    );
  for (const hook of compiled.preHooks) await exec.statement('running a pre-hook', hook);
  const names = snapshotNames(config.relation, adapter.capabilities);
  let outcome: Omit<SnapshotResult, 'message'>;
  try {
    const staging = planSourceStaging(compiled, adapter.dialect);
    for (const sql of staging.statements) await exec.statement('running the SELECT', sql);
    const sourceColumns = await adapter.getColumns(staging.relation);
    const targetColumns = existing ? await adapter.getColumns(config.relation) : undefined;
    await checkKeys(adapter, compiled, config, staging.relation, sourceColumns, exec);
    // Versions start at the snapshot time only under the check strategy without updated_at.
    if (existing && config.strategy.kind === 'check' && !config.strategy.updatedAt)
      await checkSnapshotTime(adapter, compiled, config, now, exec);
    const plan = planSnapshot(
      compiled,
      { exists: !!existing, sourceColumns, targetColumns },
      adapter.dialect,
      now,
    );
    const counts =
      plan.action === 'create' ? await create(adapter, plan, exec) : await merge(adapter, plan, exec);
    outcome = {
      uniqueId: compiled.node.uniqueId,
      relation: config.relation,
      status: 'success',
      action: plan.action,
      snapshotTime: now,
      addedColumns: plan.action === 'merge' ? plan.addedColumns : [],
      ...counts,
    };
  } finally {
    // Dropping work tables must not hide the error that got us here.
    for (const rel of [names.changes, names.source])
      await adapter.execute(adapter.dialect.dropTable(rel)).catch(() => undefined);
  }
  for (const hook of compiled.postHooks) await exec.statement('running a post-hook', hook);
  return { ...outcome, message: describe(outcome) };
}

/**
 * Snapshot times have one-second resolution. A second snapshot within the same second as the newest
 * version would give the new version that version's start time (and scd id), closing the old one without
 * opening the new: refuse instead of losing a change.
 */
async function checkSnapshotTime(
  adapter: Adapter,
  compiled: CompiledNode,
  config: SnapshotConfig,
  now: string,
  exec: Executor,
): Promise<void> {
  const col = adapter.quoteIdentifier(config.meta.updatedAt);
  const sql = `SELECT MAX(${col}) AS newest FROM ${adapter.quoteRelation(config.relation)}`;
  const { rows } = await exec.statement('checking the snapshot time', sql);
  const newest = rows[0]?.newest;
  if (newest !== null && newest !== undefined && String(newest).slice(0, 19) >= now) {
    throw new TbError(
      ErrorCodes.database,
      `snapshot '${compiled.node.name}': the snapshot time ${now} is not after its newest version (${String(newest).slice(0, 19)})`,
      {
        file: compiled.node.originalFilePath,
        hint: 'snapshot times have one-second resolution; run it again a second later (or check the clock)',
      },
    );
  }
}

type Counts = Pick<SnapshotResult, 'rowsInserted' | 'rowsUpdated' | 'rowsInvalidated'>;

interface Executor {
  run<T>(step: string, sql: string | undefined, fn: () => Promise<T>): Promise<T>;
  statement(
    step: string,
    sql: string,
    session?: Session,
  ): Promise<{ affectedRows?: number; rows: Record<string, unknown>[] }>;
}

function executor(adapter: Adapter, compiled: CompiledNode, logger?: Logger): Executor {
  const run = async <T>(step: string, sql: string | undefined, fn: () => Promise<T>): Promise<T> => {
    if (sql) logger?.debug('snapshot_statement', sql, { uniqueId: compiled.node.uniqueId, step });
    try {
      return await fn();
    } catch (err) {
      throw snapshotDatabaseError(compiled, step, err, sql);
    }
  };
  return {
    run,
    statement: (step, sql, session) => run(step, sql, () => (session ?? adapter).execute(sql)),
  };
}

async function checkKeys(
  adapter: Adapter,
  compiled: CompiledNode,
  config: SnapshotConfig,
  source: Relation,
  sourceColumns: readonly ColumnDef[],
  exec: Executor,
): Promise<void> {
  const { keys } = resolveSnapshotColumns(compiled, config, sourceColumns);
  const queries = keyCheckQueries(adapter.dialect, source, keys);
  const fail = (message: string): never => {
    throw new TbError(ErrorCodes.database, `snapshot '${compiled.node.name}': ${message}`, {
      file: compiled.node.originalFilePath,
      hint: 'a snapshot needs one row per unique_key; fix the SELECT (or the key) and run it again',
    });
  };
  const nulls = await exec.statement('checking the unique key', queries.nullKeys);
  const nullCount = Number(nulls.rows[0]?.n ?? 0);
  if (nullCount > 0) fail(`${nullCount} row(s) of its SELECT have a NULL in unique_key (${keys.join(', ')})`);
  const dups = await exec.statement('checking the unique key', queries.duplicates);
  if (dups.rows.length > 0) {
    const sample = dups.rows.map((r) => `(${keys.map((k) => String(r[k])).join(', ')}) x${String(r.n)}`);
    fail(`unique_key (${keys.join(', ')}) is not unique in its SELECT: ${sample.join(', ')}`);
  }
}

/** The table and its indexes; one transaction where DDL is transactional (SQLite). */
async function create(adapter: Adapter, plan: CreatePlan, exec: Executor): Promise<Counts> {
  await exec.run('creating the snapshot table', plan.statements[0], () =>
    adapter.executeAtomically(plan.statements),
  );
  const { rows } = await exec.statement('counting rows', adapter.dialect.countRows(plan.relation));
  return { rowsInserted: Number(rows[0]?.n ?? 0), rowsUpdated: 0, rowsInvalidated: 0 };
}

/**
 * MySQL commits DDL implicitly, so the change set is built first and only the UPDATE and INSERT share the
 * transaction (InnoDB DML is transactional); on SQLite everything does.
 * @see https://dev.mysql.com/doc/refman/8.0/en/implicit-commit.html
 */
async function merge(adapter: Adapter, plan: MergePlan, exec: Executor): Promise<Counts> {
  const d = adapter.dialect;
  const ddlInTransaction = adapter.capabilities.transactionalDdl;
  return adapter.withSession(async (session) => {
    const run = (step: string, sql: string) => exec.statement(step, sql, session);
    const prepare = async (): Promise<Map<string, number>> => {
      for (const sql of plan.prepare) await run('building the change set', sql);
      const { rows } = await run('counting changes', plan.countChanges);
      return new Map(rows.map((r) => [String(r.change_type), Number(r.n)]));
    };
    const changes = ddlInTransaction ? undefined : await prepare();
    await run('starting a transaction', d.beginTransaction);
    try {
      const byType = changes ?? (await prepare());
      await run('closing changed versions', plan.close);
      const inserted = await run('inserting new versions', plan.insert);
      await run('committing', d.commit);
      return {
        rowsInserted: inserted.affectedRows ?? byType.get('insert') ?? 0,
        rowsUpdated: byType.get('update') ?? 0,
        rowsInvalidated: byType.get('delete') ?? 0,
      };
    } catch (err) {
      await session.execute(d.rollback).catch(() => undefined);
      throw err;
    }
  });
}

function describe(r: Omit<SnapshotResult, 'message'>): string {
  if (r.action === 'create') return `created snapshot with ${r.rowsInserted} rows`;
  const parts = [
    `${r.rowsInserted} inserted`,
    `${r.rowsUpdated} updated`,
    `${r.rowsInvalidated} invalidated`,
  ];
  if (r.addedColumns.length > 0) parts.push(`added columns ${r.addedColumns.join(', ')}`);
  return parts.join(', ');
}
