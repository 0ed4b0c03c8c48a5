import type { Adapter, Relation } from '../adapters/adapter';
import type { Logger } from '../core/logger';
import { KEPT_INFIX, keptRelation } from '../materialize/relation-names';
import { ensureBackupsTable, insertBackup, readBackups, type BackupRecord } from './backup-table';

const KEPT_NAME = new RegExp(`${KEPT_INFIX}(\\d{8}_\\d{6}_\\d{3})$`);

/**
 * Records the tables a run kept (`<table>__tb_bk_<run id>`, made by the swap) in tb_backups. It scans the
 * layer's schemas rather than trusting the run to report, so versions kept by a run that was killed before
 * it could record them are found and recorded by the next one. `relations` are the layer's tables: they map
 * a kept name (cut with a hash when long) back to its table.
 */
export async function registerBackups(
  adapter: Adapter,
  layer: string,
  relations: readonly Relation[],
  logger?: Logger,
): Promise<BackupRecord[]> {
  await ensureBackupsTable(adapter);
  const known = new Set((await readBackups(adapter)).map((b) => `${b.schema}.${b.backup}`));
  const max = adapter.capabilities.maxIdentifierLength;
  const schemas = [...new Set(relations.map((r) => r.schema))].sort();
  const added: BackupRecord[] = [];
  for (const schema of schemas) {
    const tables = relations.filter((r) => r.schema === schema);
    for (const rel of await adapter.listRelations(schema)) {
      const runId = KEPT_NAME.exec(rel.name)?.[1];
      if (!runId || rel.kind !== 'table' || known.has(`${schema}.${rel.name}`)) continue;
      const table = tables.find((t) => keptRelation(t, runId, max).name === rel.name);
      if (!table) {
        logger?.warn('backup_unknown', `${schema}.${rel.name} looks like a kept table of no ${layer} model`);
        continue;
      }
      const record: BackupRecord = {
        runId,
        layer,
        schema,
        table: table.name,
        backup: rel.name,
        rows: await countRows(adapter, rel),
        createdAt: new Date().toISOString(),
      };
      await insertBackup(adapter, record);
      added.push(record);
    }
  }
  return added;
}

export async function countRows(adapter: Adapter, relation: Relation): Promise<number> {
  const { rows } = await adapter.execute(adapter.dialect.countRows(relation));
  return Number(rows[0]?.n ?? 0);
}
