import type { Adapter, Relation } from '../adapters/adapter';

/** Where kept versions are recorded: in the target's default schema, beside tb_load_log. */
export const BACKUPS_TABLE = 'tb_backups';

export interface BackupRecord {
  /** The run that replaced the table and kept its previous version. */
  readonly runId: string;
  /** The pipeline stage the table belongs to (silver, gold). */
  readonly layer: string;
  readonly schema: string;
  readonly table: string;
  /** The kept version: `<table>__tb_bk_<run id>` in the same schema. */
  readonly backup: string;
  readonly rows: number;
  readonly createdAt: string;
}

export function backupsRelation(adapter: Adapter): Relation {
  return { schema: adapter.target.schema, name: BACKUPS_TABLE };
}

/** Portable DDL: the same text on MySQL and SQLite. */
export async function ensureBackupsTable(adapter: Adapter): Promise<void> {
  await adapter.ensureSchema(adapter.target.schema);
  await adapter.execute(
    `CREATE TABLE IF NOT EXISTS ${adapter.quoteRelation(backupsRelation(adapter))} (
       run_id VARCHAR(32) NOT NULL,
       layer VARCHAR(64) NOT NULL,
       schema_name VARCHAR(64) NOT NULL,
       table_name VARCHAR(64) NOT NULL,
       backup_name VARCHAR(64) NOT NULL,
       row_count BIGINT NOT NULL,
       created_at VARCHAR(32) NOT NULL,
       PRIMARY KEY (schema_name, backup_name)
     )`,
  );
}

export async function readBackups(adapter: Adapter, layer?: string): Promise<BackupRecord[]> {
  await ensureBackupsTable(adapter);
  const where = layer === undefined ? '' : ' WHERE layer = ?';
  const { rows } = await adapter.execute(
    `SELECT run_id, layer, schema_name, table_name, backup_name, row_count, created_at
     FROM ${adapter.quoteRelation(backupsRelation(adapter))}${where}
     ORDER BY run_id DESC, schema_name, table_name`,
    layer === undefined ? [] : [layer],
  );
  return rows.map((r) => ({
    runId: String(r.run_id),
    layer: String(r.layer),
    schema: String(r.schema_name),
    table: String(r.table_name),
    backup: String(r.backup_name),
    rows: Number(r.row_count),
    createdAt: String(r.created_at),
  }));
}

export async function insertBackup(adapter: Adapter, record: BackupRecord): Promise<void> {
  await adapter.execute(
    `INSERT INTO ${adapter.quoteRelation(backupsRelation(adapter))}
       (run_id, layer, schema_name, table_name, backup_name, row_count, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [record.runId, record.layer, record.schema, record.table, record.backup, record.rows, record.createdAt],
  );
}

export async function deleteBackup(adapter: Adapter, schema: string, backup: string): Promise<void> {
  await adapter.execute(
    `DELETE FROM ${adapter.quoteRelation(backupsRelation(adapter))} WHERE schema_name = ? AND backup_name = ?`,
    [schema, backup],
  );
}
