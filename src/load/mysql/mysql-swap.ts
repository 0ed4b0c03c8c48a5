import { quoteId, quoteString, rawQuery, type RawMysqlConnection } from './mysql-connection';

export interface SwapPlan {
  readonly schema: string;
  readonly shadow: string;
  /** Where the previous tables go for the instant of the swap; dropped right after. */
  readonly old: string;
  readonly tables: readonly string[];
}

/**
 * One RENAME TABLE moves every old table out and every new one in: MySQL and MariaDB run a multi-table rename
 * atomically, across databases, so a reader sees the old staging or the new one, never a mix. Tables of the
 * old staging that the new dump lacks go out with the rest (staging mirrors the dump).
 * @see https://dev.mysql.com/doc/refman/8.0/en/rename-table.html
 */
export async function swapSchemas(conn: RawMysqlConnection, plan: SwapPlan): Promise<void> {
  const { schema, shadow, old } = plan;
  await rawQuery(conn, `CREATE DATABASE IF NOT EXISTS ${quoteId(schema)} CHARACTER SET utf8mb4`);
  await rawQuery(conn, `DROP DATABASE IF EXISTS ${quoteId(old)}`);
  await rawQuery(conn, `CREATE DATABASE ${quoteId(old)} CHARACTER SET utf8mb4`);
  const { rows } = await rawQuery(
    conn,
    `SELECT TABLE_NAME AS name FROM information_schema.TABLES
     WHERE TABLE_SCHEMA = ${quoteString(schema)} AND TABLE_TYPE = 'BASE TABLE'`,
  );
  const existing = rows.map((r) => String(r.name));
  const rel = (db: string, t: string) => `${quoteId(db)}.${quoteId(t)}`;
  const renames = [
    ...existing.map((t) => `${rel(schema, t)} TO ${rel(old, t)}`),
    ...plan.tables.map((t) => `${rel(shadow, t)} TO ${rel(schema, t)}`),
  ];
  if (renames.length > 0) await rawQuery(conn, `RENAME TABLE ${renames.join(', ')}`);
  await rawQuery(conn, `DROP DATABASE IF EXISTS ${quoteId(old)}`);
  await rawQuery(conn, `DROP DATABASE IF EXISTS ${quoteId(shadow)}`);
}
