import type BetterSqlite3 from 'better-sqlite3';
import type { Adapter } from '../../adapters/adapter';
import type { SqliteAdapter } from '../../adapters/sqlite/sqlite-adapter';
import { MAIN_SCHEMA, removeSchemaFiles, schemaFile } from '../../adapters/sqlite/sqlite-files';
import { ErrorCodes, TbError } from '../../core/errors';
import type { SqliteTarget } from '../../core/target';
import type { DumpWriter, LoadPhase, WriterOptions } from '../dump-writer';
import type { InsertHeader } from '../parse/insert-header';
import { DEFAULT_SERVER_VERSION, type ServerVersion } from '../parse/server-version';
import type { RowSpans } from '../parse/value-spans';
import type { ColumnDef, TableDef } from '../table-def';
import { databaseError } from '../database-error';
import { holdDatabase, type HeldDatabase } from './hold-database';
import { quoteSqlite, sqliteCreateIndexes, sqliteCreateTable, sqliteInsert } from './sqlite-ddl';
import { attachedSchemas, swapSqliteFile } from './sqlite-swap';
import { convertRow, type SqliteValue } from './sqlite-values';
import { converterFor, type Converter } from './sqlite-types';

/** Rows per multi-row INSERT: fewer calls into SQLite, within its 32766 bound parameters. */
const ROWS_PER_STATEMENT = 50;
const ROWS_PER_TRANSACTION = 500_000;

interface InsertTarget {
  readonly table: string;
  readonly width: number;
  readonly converters: readonly Converter[];
  readonly single: BetterSqlite3.Statement;
  readonly multi: BetterSqlite3.Statement;
  readonly rowsPerStatement: number;
  readonly values: SqliteValue[];
}

/**
 * Loads into `<folder>/<schema>__tb_load.db` (no journal, no fsync: the file is thrown away on failure),
 * in large transactions of prepared multi-row inserts, indexes after the rows; then swaps the file in.
 */
export class SqliteDumpWriter implements DumpWriter {
  readonly shadow: string;
  private held: HeldDatabase | null = null;
  private readonly tables = new Map<string, TableDef>();
  private target: InsertTarget | null = null;
  private pendingRows = 0;
  private rowsInTransaction = 0;
  private lastDataTable: string | null = null;
  private readonly indexed = new Set<string>();
  private readonly folder: string;

  constructor(
    private readonly adapter: Adapter,
    private readonly options: WriterOptions,
  ) {
    this.shadow = `${options.schema}__tb_load`;
    this.folder = (adapter.target as SqliteTarget).path;
    if (options.schema === MAIN_SCHEMA) {
      throw new TbError(
        ErrorCodes.configInvalidValue,
        'a dump cannot be loaded into the main schema on SQLite',
        {
          hint: 'use --schema staging (the default)',
        },
      );
    }
  }

  server(): ServerVersion {
    return DEFAULT_SERVER_VERSION;
  }

  async prepare(): Promise<void> {
    this.held = await holdDatabase(this.adapter as SqliteAdapter);
    const db = this.db();
    if (attachedSchemas(db).includes(this.shadow))
      db.prepare(`DETACH DATABASE ${quoteSqlite(this.shadow)}`).run();
    removeSchemaFiles(this.folder, this.shadow);
    db.prepare(`ATTACH DATABASE ? AS ${quoteSqlite(this.shadow)}`).run(schemaFile(this.folder, this.shadow));
    const s = quoteSqlite(this.shadow);
    // Larger pages: fewer b-tree pages to split and write (the file is new, so the size still applies).
    db.pragma(`${s}.page_size = 16384`);
    db.pragma(`${s}.journal_mode = OFF`);
    db.pragma(`${s}.synchronous = OFF`);
    // 8 MB of page cache, and a second sorter thread for CREATE INDEX: bounded memory whatever the dump's
    // size. Rows arrive in primary-key order, so a larger cache did not help: 48 MB loaded the bench's 1 GB
    // dump in the same 20 s, at 238 MB peak RSS instead of 195 MB.
    db.pragma(`${s}.cache_size = -8192`);
    db.pragma('threads = 2');
    db.exec('BEGIN');
  }

  createTable(def: TableDef): void {
    this.flush();
    this.completeLastTable();
    this.exec(sqliteCreateTable(def, this.shadow), `CREATE TABLE \`${def.name}\``);
    this.tables.set(def.name, def);
  }

  dropTable(name: string): void {
    this.flush();
    if (this.lastDataTable === name) this.lastDataTable = null;
    this.tables.delete(name);
    this.indexed.delete(name);
    this.db().exec(`DROP TABLE IF EXISTS ${quoteSqlite(this.shadow)}.${quoteSqlite(name)}`);
  }

  insertStart(def: TableDef, _header: InsertHeader, columns: readonly ColumnDef[]): void {
    this.flush();
    if (this.lastDataTable !== null && this.lastDataTable !== def.name) this.completeLastTable();
    this.lastDataTable = def.name;
    const names = columns.map((c) => c.name);
    const rowsPerStatement = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(32766 / names.length)));
    this.target = {
      table: def.name,
      width: names.length,
      converters: columns.map(converterFor),
      single: this.db().prepare(sqliteInsert(this.shadow, def.name, names, 1)),
      multi: this.db().prepare(sqliteInsert(this.shadow, def.name, names, rowsPerStatement)),
      rowsPerStatement,
      values: new Array<SqliteValue>(names.length * rowsPerStatement).fill(null),
    };
  }

  row(buf: Buffer, row: RowSpans): void {
    const t = this.target as InsertTarget;
    convertRow(buf, row, t.converters, t.values, this.pendingRows * t.width);
    if (++this.pendingRows === t.rowsPerStatement) {
      this.run(t.multi, t.values);
      this.pendingRows = 0;
      this.rowsInTransaction += t.rowsPerStatement;
      if (this.rowsInTransaction >= ROWS_PER_TRANSACTION) this.commit();
    }
  }

  insertEnd(): void {
    this.flush();
  }

  async room(): Promise<void> {}

  /** Rows go into SQLite as they are read. */
  queuedBytes(): number {
    return 0;
  }

  activeTables(): string[] {
    return this.lastDataTable ? [this.lastDataTable] : [];
  }

  async finishData(onPhase: (phase: LoadPhase) => void): Promise<void> {
    this.flush();
    onPhase('indexes');
    for (const name of this.tables.keys()) this.buildIndexes(name);
    this.commit();
  }

  async countRows(tables: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const name of tables) {
      const row = this.db()
        .prepare(`SELECT COUNT(*) AS n FROM ${quoteSqlite(this.shadow)}.${quoteSqlite(name)}`)
        .get() as { n: number };
      counts.set(name, Number(row.n));
    }
    return counts;
  }

  async dropShadowTables(tables: readonly string[]): Promise<void> {
    for (const name of tables) this.dropTable(name);
    this.commit();
  }

  async swap(): Promise<void> {
    this.db().exec('COMMIT');
    swapSqliteFile(this.db(), this.folder, this.options.schema, this.shadow);
  }

  async abort(): Promise<void> {
    if (!this.held) return;
    const db = this.db();
    try {
      if (db.inTransaction) db.exec('ROLLBACK');
    } catch {
      // journal_mode=OFF cannot roll back; the file is deleted below anyway.
    }
    if (attachedSchemas(db).includes(this.shadow))
      db.prepare(`DETACH DATABASE ${quoteSqlite(this.shadow)}`).run();
    removeSchemaFiles(this.folder, this.shadow);
  }

  async close(): Promise<void> {
    const held = this.held;
    this.held = null;
    if (held) await held.release();
  }

  private flush(): void {
    const t = this.target;
    if (!t || this.pendingRows === 0) return;
    for (let r = 0; r < this.pendingRows; r++)
      this.run(t.single, t.values.slice(r * t.width, (r + 1) * t.width));
    this.rowsInTransaction += this.pendingRows;
    this.pendingRows = 0;
  }

  private run(statement: BetterSqlite3.Statement, values: SqliteValue[]): void {
    try {
      statement.run(values);
    } catch (err) {
      throw databaseError(err, `table \`${this.target?.table}\``);
    }
  }

  private completeLastTable(): void {
    if (this.lastDataTable !== null) this.buildIndexes(this.lastDataTable);
    this.lastDataTable = null;
  }

  private buildIndexes(name: string): void {
    const def = this.tables.get(name);
    if (!def || this.indexed.has(name)) return;
    this.indexed.add(name);
    for (const sql of sqliteCreateIndexes(def, this.shadow)) this.exec(sql, `indexes of \`${name}\``);
  }

  private exec(sql: string, what: string): void {
    try {
      this.db().exec(sql);
    } catch (err) {
      throw databaseError(err, what);
    }
  }

  private commit(): void {
    const db = this.db();
    if (db.inTransaction) db.exec('COMMIT');
    db.exec('BEGIN');
    this.rowsInTransaction = 0;
  }

  private db(): BetterSqlite3.Database {
    if (!this.held) throw new TbError(ErrorCodes.internal, 'the SQLite writer is not prepared');
    return this.held.db;
  }
}
