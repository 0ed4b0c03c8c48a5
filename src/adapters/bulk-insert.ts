import { ErrorCodes, TbError } from '../core/errors';
import type { Adapter, Relation } from './adapter';
import { MysqlAdapter } from './mysql/mysql-adapter';
import { mysqlBulkInsert } from './mysql/mysql-bulk-insert';
import { SqliteAdapter } from './sqlite/sqlite-adapter';
import { sqliteBulkInsert } from './sqlite/sqlite-bulk-insert';

/**
 * One row as text cells, `null` for NULL. Values go in as text and the engine converts each to its column's
 * type (MySQL's implicit conversion, SQLite's type affinity), so a DECIMAL keeps every digit of the text.
 */
export type TextRow = readonly (string | null)[];

export interface BulkInsertTarget {
  readonly relation: Relation;
  readonly columns: readonly string[];
}

export interface BulkInsertOptions {
  /** Checked between statements; the rows inserted so far are rolled back. */
  readonly signal?: AbortSignal;
}

/**
 * Inserts many rows as fast as the engine allows, in one transaction: SQLite through one prepared statement,
 * MySQL through multi-row INSERTs sized under max_allowed_packet. Returns the number of rows inserted.
 */
export async function bulkInsert(
  adapter: Adapter,
  target: BulkInsertTarget,
  batches: AsyncIterable<readonly TextRow[]>,
  options: BulkInsertOptions = {},
): Promise<number> {
  if (adapter instanceof SqliteAdapter) return sqliteBulkInsert(adapter, target, batches, options);
  if (adapter instanceof MysqlAdapter) return mysqlBulkInsert(adapter, target, batches, options);
  throw new TbError(ErrorCodes.internal, `no bulk insert for adapter '${adapter.capabilities.type}'`);
}
