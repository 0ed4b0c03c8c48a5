import type { Adapter, Relation } from '../adapters/adapter';
import type { TableRename } from '../adapters/sql-dialect';
import { ErrorCodes, TbError } from '../core/errors';
import type { Logger } from '../core/logger';
import { keptRelation } from '../materialize/relation-names';
import { deleteBackup, insertBackup, readBackups, type BackupRecord } from './backup-table';
import { countRows } from './register-backups';

export interface RollbackResult {
  /** The run whose kept versions were put back. */
  readonly restoredRun: string;
  readonly tables: readonly Relation[];
  /** The versions that were live until now, kept under the rollback's own id (a rollback can be undone). */
  readonly keptAs: string;
}

/**
 * Puts back the versions of a layer's tables that run `toRunId` (default: the newest run) replaced, all at
 * once: one multi-table `RENAME TABLE` on MySQL, one transaction on SQLite. The live versions are kept as
 * the rollback run's backups, so `tb rollback` twice is a round trip.
 */
export async function rollbackLayer(
  adapter: Adapter,
  layer: string,
  rollbackRunId: string,
  toRunId?: string,
  logger?: Logger,
): Promise<RollbackResult> {
  const records = await readBackups(adapter, layer);
  const runId = toRunId ?? records[0]?.runId;
  const chosen = records.filter((r) => r.runId === runId);
  if (!runId || chosen.length === 0) {
    const runs = [...new Set(records.map((r) => r.runId))];
    throw new TbError(
      ErrorCodes.configInvalidValue,
      `no kept ${layer} tables${toRunId ? ` of run ${toRunId}` : ''}`,
      {
        hint: runs.length
          ? `runs with kept tables: ${runs.join(', ')} (see tb backups)`
          : 'tb backups lists them',
      },
    );
  }
  const max = adapter.capabilities.maxIdentifierLength;
  const renames: TableRename[] = [];
  const live: Relation[] = [];
  for (const r of chosen) {
    const target = { schema: r.schema, name: r.table };
    const kept = { schema: r.schema, name: r.backup };
    if (!(await adapter.getRelation(kept))) {
      throw new TbError(ErrorCodes.database, `the kept table ${r.schema}.${r.backup} is missing`, {
        hint: `remove its row from tb_backups, or roll back to another run`,
      });
    }
    const current = await adapter.getRelation(target);
    if (current?.kind === 'view') {
      throw new TbError(ErrorCodes.database, `${r.schema}.${r.table} is a view now; only tables roll back`);
    }
    if (current) {
      renames.push({ from: target, to: keptRelation(target, rollbackRunId, max).name });
      live.push(target);
    }
    renames.push({ from: kept, to: r.table });
  }
  await adapter.executeAtomically(adapter.dialect.renameTables(renames));
  await recordRollback(adapter, layer, rollbackRunId, chosen, live);
  logger?.info(
    'rollback_finished',
    `${layer}: restored ${chosen.length} tables as they were before run ${runId}`,
    {
      layer,
      restored_run: runId,
      tables: chosen.length,
      kept_as: rollbackRunId,
    },
  );
  return {
    restoredRun: runId,
    tables: chosen.map((r) => ({ schema: r.schema, name: r.table })),
    keptAs: rollbackRunId,
  };
}

async function recordRollback(
  adapter: Adapter,
  layer: string,
  rollbackRunId: string,
  restored: readonly BackupRecord[],
  live: readonly Relation[],
): Promise<void> {
  for (const r of restored) await deleteBackup(adapter, r.schema, r.backup);
  const max = adapter.capabilities.maxIdentifierLength;
  for (const t of live) {
    const kept = keptRelation(t, rollbackRunId, max);
    await insertBackup(adapter, {
      runId: rollbackRunId,
      layer,
      schema: t.schema,
      table: t.name,
      backup: kept.name,
      rows: await countRows(adapter, kept),
      createdAt: new Date().toISOString(),
    });
  }
}
