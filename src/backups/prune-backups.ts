import type { Adapter } from '../adapters/adapter';
import type { Logger } from '../core/logger';
import { deleteBackup, readBackups, type BackupRecord } from './backup-table';

/**
 * Keeps the versions kept by the newest `keep` runs of a layer and drops the rest: the table first, then its
 * record, so a crash in between leaves a record of a missing table (skipped by rollback), never an
 * unrecorded table.
 */
export async function pruneBackups(
  adapter: Adapter,
  layer: string,
  keep: number,
  logger?: Logger,
): Promise<BackupRecord[]> {
  const records = await readBackups(adapter, layer);
  const runs = [...new Set(records.map((r) => r.runId))].sort().reverse();
  const expired = new Set(runs.slice(keep));
  const dropped = records.filter((r) => expired.has(r.runId));
  for (const r of dropped) {
    await adapter.execute(adapter.dialect.dropTable({ schema: r.schema, name: r.backup }));
    await deleteBackup(adapter, r.schema, r.backup);
  }
  if (dropped.length > 0) {
    logger?.info(
      'backups_pruned',
      `dropped ${dropped.length} kept ${layer} tables of ${expired.size} old runs`,
      {
        layer,
        runs: [...expired].sort(),
        tables: dropped.length,
      },
    );
  }
  return dropped;
}
