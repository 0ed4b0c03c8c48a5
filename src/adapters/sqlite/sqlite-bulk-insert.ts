import type { BulkInsertOptions, BulkInsertTarget, TextRow } from '../bulk-insert';
import type { SqliteAdapter } from './sqlite-adapter';

/** Rows per prepared INSERT: fewer statement steps than one row at a time, far under SQLite's 32,766 variables. */
const ROWS_PER_STATEMENT = 64;

/**
 * Prepared statements inside one transaction on the adapter's only connection: the fast path of better-sqlite3.
 * @see https://www.sqlite.org/faq.html#q19 (one transaction, not one per INSERT)
 */
export async function sqliteBulkInsert(
  adapter: SqliteAdapter,
  target: BulkInsertTarget,
  batches: AsyncIterable<readonly TextRow[]>,
  options: BulkInsertOptions,
): Promise<number> {
  const table = adapter.quoteRelation(target.relation);
  const columns = target.columns.map((c) => adapter.quoteIdentifier(c)).join(', ');
  const tuple = `(${target.columns.map(() => '?').join(', ')})`;
  const sql = (rows: number): string =>
    `INSERT INTO ${table} (${columns}) VALUES ${Array(rows).fill(tuple).join(', ')}`;
  return adapter.withDatabase(async (db) => {
    const many = db.prepare(sql(ROWS_PER_STATEMENT));
    const one = db.prepare(sql(1));
    let count = 0;
    db.exec('BEGIN');
    try {
      for await (const batch of batches) {
        options.signal?.throwIfAborted();
        let i = 0;
        for (; i + ROWS_PER_STATEMENT <= batch.length; i += ROWS_PER_STATEMENT) {
          many.run(batch.slice(i, i + ROWS_PER_STATEMENT).flat());
        }
        for (; i < batch.length; i++) one.run(batch[i]);
        count += batch.length;
      }
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
    return count;
  });
}
