import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * SQL functions MySQL has and SQLite lacks, registered on every connection so that the cross-database
 * macros can emit the same call on both engines.
 */
export function registerSqliteFunctions(db: BetterSqlite3.Database): void {
  const opts = { deterministic: true };
  db.function('md5', opts, (v: unknown) =>
    v === null ? null : createHash('md5').update(String(v)).digest('hex'),
  );
  db.function('regexp', opts, (pattern: unknown, value: unknown) =>
    pattern === null || value === null ? null : new RegExp(String(pattern)).test(String(value)) ? 1 : 0,
  );
}
