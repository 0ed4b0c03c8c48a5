/** Kept versions of replaced silver and gold tables: record, list, prune, roll back (see docs/runbook.md). */
export { BACKUPS_TABLE, readBackups, ensureBackupsTable, type BackupRecord } from './backup-table';
export { registerBackups } from './register-backups';
export { pruneBackups } from './prune-backups';
export { rollbackLayer, type RollbackResult } from './rollback-layer';
