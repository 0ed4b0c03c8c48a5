import { ErrorCodes, TbError } from '../../core/errors';
import type { InsertHeader } from '../parse/insert-header';
import type { RowSpans } from '../parse/value-spans';
import type { ColumnDef, TableDef } from '../table-def';
import { ByteSink } from './byte-sink';
import { encodeInsertTuple } from './insert-encoder';
import { encodeLoadDataRow } from './load-data-encoder';
import { quoteId, rawQuery, type InfileBody, type RawMysqlConnection } from './mysql-connection';

/**
 * Where the rows of the current INSERT go and how they are written: one LOAD DATA body or one multi-row
 * INSERT per batch. Batches of one table may run in parallel on different sessions.
 * @see https://dev.mysql.com/doc/refman/8.0/en/load-data.html
 */
export interface BatchTarget {
  readonly key: string;
  readonly table: string;
  readonly statement: string;
  readonly useInsert: boolean;
  /** For INSERT: which values are kept (generated columns are the server's). */
  readonly keep: readonly boolean[];
  readonly countsMatter: boolean;
}

export function batchTarget(
  schema: string,
  table: TableDef,
  header: InsertHeader,
  columns: readonly ColumnDef[],
  useInsert: boolean,
): BatchTarget {
  const relation = `${quoteId(schema)}.${quoteId(table.name)}`;
  const keep = columns.map((c) => !c.generated);
  const modeWord = header.verb === 'replace' ? 'REPLACE' : header.ignore ? 'IGNORE' : '';
  const key = `${table.name}\0${columns.map((c) => c.name).join(',')}\0${modeWord}`;
  let statement: string;
  if (useInsert) {
    const verb = header.verb === 'replace' ? 'REPLACE' : header.ignore ? 'INSERT IGNORE' : 'INSERT';
    const names = columns.filter((c) => !c.generated).map((c) => quoteId(c.name));
    statement = `${verb} INTO ${relation} (${names.join(',')}) VALUES `;
  } else {
    // A generated column's value goes to a throwaway variable: the server computes the column itself.
    const targets = columns.map((c) => (c.generated ? '@tb_generated' : quoteId(c.name)));
    statement =
      `LOAD DATA LOCAL INFILE 'tb-load' ${modeWord} INTO TABLE ${relation} CHARACTER SET utf8mb4 ` +
      `(${targets.join(',')})`;
  }
  return { key, table: table.name, statement, useInsert, keep, countsMatter: modeWord === '' };
}

export class Batch {
  private readonly sink: ByteSink | null;
  private readonly tuples: string[] = [];
  private tupleChars = 0;
  rows = 0;

  constructor(readonly target: BatchTarget) {
    this.sink = target.useInsert ? null : new ByteSink();
  }

  get size(): number {
    return this.sink ? this.sink.length : this.tupleChars;
  }

  add(buf: Buffer, row: RowSpans): void {
    this.rows++;
    if (this.sink) {
      encodeLoadDataRow(buf, row, this.sink);
    } else {
      const tuple = encodeInsertTuple(buf, row, this.target.keep);
      this.tuples.push(tuple);
      this.tupleChars += tuple.length + 1;
    }
  }

  /** The LOAD DATA body, taken once (the batch may then keep it elsewhere: see BatchSpool). */
  takeBody(): Buffer[] {
    if (!this.sink) throw new TbError(ErrorCodes.internal, 'an INSERT batch has no LOAD DATA body');
    return this.sink.take();
  }

  /**
   * Sends the batch on `conn` (a LOAD DATA batch with `body`); a warning or a row the server did not take is
   * an error. Returns the rows taken.
   */
  async run(conn: RawMysqlConnection, body?: InfileBody): Promise<number> {
    const result = this.sink
      ? await rawQuery(conn, this.target.statement, body ?? this.sink.take())
      : await rawQuery(conn, this.target.statement + this.tuples.join(','));
    if (result.warningStatus > 0) await failOnWarnings(conn, this.target.table, result.warningStatus);
    if (this.target.countsMatter && result.affectedRows !== this.rows) {
      throw new TbError(
        ErrorCodes.loadMismatch,
        `table \`${this.target.table}\`: the server took ${result.affectedRows} of ${this.rows} rows (duplicate keys?)`,
      );
    }
    return result.affectedRows;
  }
}

async function failOnWarnings(conn: RawMysqlConnection, table: string, count: number): Promise<never> {
  const { rows } = await rawQuery(conn, 'SHOW WARNINGS LIMIT 3');
  const shown = rows.map((r) => `${r.Level} ${r.Code}: ${r.Message}`).join('; ');
  throw new TbError(
    ErrorCodes.database,
    `table \`${table}\`: the server reported ${count} warning(s): ${shown}`,
    {
      hint: 'the rows do not fit the table as the dump defines it; a plain client would have loaded them altered',
    },
  );
}
