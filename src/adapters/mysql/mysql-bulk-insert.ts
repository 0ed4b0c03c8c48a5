import type * as Mysql2 from 'mysql2';
import { lazyModule } from '../../core/lazy-module';
import type { Session } from '../adapter';
import type { BulkInsertOptions, BulkInsertTarget, TextRow } from '../bulk-insert';
import type { MysqlAdapter } from './mysql-adapter';

/** Bigger statements do not load faster (bench:seed: 1 and 4 MiB took the same time), they only hold more memory. */
const MAX_STATEMENT_BYTES = 1 * 1024 * 1024;

/** A UTF-16 code unit is at most 3 UTF-8 bytes, so `length * 3` bounds a statement's bytes without encoding it. */
const MAX_BYTES_PER_CODE_UNIT = 3;

type Quote = (value: string) => string;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a MySQL seed runs
const mysql2 = lazyModule(() => require('mysql2') as typeof Mysql2);

/**
 * Under NO_BACKSLASH_ESCAPES a backslash is an ordinary character and only the quote is doubled.
 * @see https://dev.mysql.com/doc/refman/8.0/en/string-literals.html
 */
async function stringQuoter(session: Session): Promise<{ quote: Quote; packet: number }> {
  const { rows } = await session.execute('SELECT @@max_allowed_packet AS packet, @@SESSION.sql_mode AS mode');
  const noBackslash = String(rows[0].mode).toUpperCase().includes('NO_BACKSLASH_ESCAPES');
  const quote: Quote = noBackslash ? (v) => `'${v.replace(/'/g, "''")}'` : (v) => mysql2().escape(v);
  return { quote, packet: Number(rows[0].packet) };
}

/**
 * Multi-row INSERTs on one connection inside one transaction, each statement well under max_allowed_packet.
 * The next statement is built while the server runs the previous one.
 * @see https://dev.mysql.com/doc/refman/8.0/en/insert-optimization.html
 */
export async function mysqlBulkInsert(
  adapter: MysqlAdapter,
  target: BulkInsertTarget,
  batches: AsyncIterable<readonly TextRow[]>,
  options: BulkInsertOptions,
): Promise<number> {
  return adapter.withSession(async (session) => {
    const { quote, packet } = await stringQuoter(session);
    const maxUnits = Math.floor(Math.min(MAX_STATEMENT_BYTES, packet / 2) / MAX_BYTES_PER_CODE_UNIT);
    const head = `INSERT INTO ${adapter.quoteRelation(target.relation)} (${target.columns.map((c) => adapter.quoteIdentifier(c)).join(', ')}) VALUES `;
    let tuples: string[] = [];
    let units = head.length;
    let inFlight: Promise<unknown> = Promise.resolve();
    let count = 0;
    const send = async (): Promise<void> => {
      const sql = head + tuples.join(',');
      tuples = [];
      units = head.length;
      await inFlight;
      options.signal?.throwIfAborted();
      inFlight = session.execute(sql);
      // Awaited before the next statement or at the end; this only keeps Node from calling it unhandled meanwhile.
      inFlight.catch(() => undefined);
    };
    await session.execute('START TRANSACTION');
    try {
      for await (const batch of batches) {
        for (const row of batch) {
          const tuple = '(' + row.map((v) => (v === null ? 'NULL' : quote(v))).join(',') + ')';
          if (tuples.length > 0 && units + tuple.length + 1 > maxUnits) await send();
          tuples.push(tuple);
          units += tuple.length + 1;
        }
        count += batch.length;
      }
      if (tuples.length > 0) await send();
      await inFlight;
      await session.execute('COMMIT');
    } catch (err) {
      await inFlight.catch(() => undefined);
      await session.execute('ROLLBACK').catch(() => undefined);
      throw err;
    }
    return count;
  });
}
