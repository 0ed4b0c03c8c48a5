import type { Adapter } from '../adapters/adapter';

/**
 * `tb_load_log` in the target's default schema: one row per load, written 'running' at the start and
 * finished at the end, so that a killed load stays visible (the next load marks it 'aborted').
 * The SQL is the same on both engines: no AUTO_INCREMENT, the key is the load id.
 */
export const LOAD_LOG_TABLE = 'tb_load_log';

export interface LoadLogStart {
  readonly loadId: string;
  readonly schema: string;
  readonly source: string;
  readonly dumpDate: string | null;
  readonly startedAt: Date;
}

export interface LoadLogFinish {
  readonly bytes: number;
  readonly tables: number;
  readonly rows: number;
  readonly durationMs: number;
  readonly status: 'success' | 'failed';
  readonly error?: string;
}

export class LoadLog {
  private readonly relation: string;
  private startedAt = '';

  constructor(private readonly adapter: Adapter) {
    this.relation = adapter.quoteRelation({ schema: adapter.target.schema, name: LOAD_LOG_TABLE });
  }

  async start(entry: LoadLogStart): Promise<void> {
    this.startedAt = sqlTimestamp(entry.startedAt);
    await this.adapter.ensureSchema(this.adapter.target.schema);
    await this.adapter.execute(
      `CREATE TABLE IF NOT EXISTS ${this.relation} (
        load_id VARCHAR(36) NOT NULL PRIMARY KEY,
        target_schema VARCHAR(64) NOT NULL,
        source VARCHAR(1024) NOT NULL,
        dump_date DATE NULL,
        bytes BIGINT NULL,
        tables_loaded INTEGER NULL,
        rows_loaded BIGINT NULL,
        duration_ms BIGINT NULL,
        status VARCHAR(16) NOT NULL,
        error TEXT NULL,
        started_at DATETIME NOT NULL,
        finished_at DATETIME NULL
      )`,
    );
    await this.adapter.execute(
      `INSERT INTO ${this.relation} (load_id, target_schema, source, dump_date, status, started_at)
       VALUES (?, ?, ?, ?, 'running', ?)`,
      [entry.loadId, entry.schema, entry.source, entry.dumpDate, this.startedAt],
    );
  }

  async finish(loadId: string, result: LoadLogFinish, now: Date = new Date()): Promise<void> {
    await this.adapter.execute(
      `UPDATE ${this.relation} SET bytes = ?, tables_loaded = ?, rows_loaded = ?, duration_ms = ?, status = ?,
       error = ?, finished_at = ? WHERE load_id = ?`,
      [
        result.bytes,
        result.tables,
        result.rows,
        result.durationMs,
        result.status,
        result.error ?? null,
        sqlTimestamp(now),
        loadId,
      ],
    );
    // A row still 'running' from before this load belongs to a load that was killed.
    await this.adapter.execute(
      `UPDATE ${this.relation} SET status = 'aborted' WHERE status = 'running' AND load_id <> ? AND started_at <= ?`,
      [loadId, this.startedAt],
    );
  }
}

/** `YYYY-MM-DD HH:MM:SS` in UTC: a DATETIME both engines store as written. */
export function sqlTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}
