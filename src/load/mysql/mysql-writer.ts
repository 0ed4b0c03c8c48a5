import type { Adapter } from '../../adapters/adapter';
import { ErrorCodes, TbError } from '../../core/errors';
import type { DumpWriter, LoadPhase, WriterOptions } from '../dump-writer';
import type { InsertHeader } from '../parse/insert-header';
import { parseServerVersion, type ServerVersion } from '../parse/server-version';
import type { RowSpans } from '../parse/value-spans';
import { RAW_LITERAL_TYPES, type ColumnDef, type TableDef } from '../table-def';
import { TaskPool } from '../task-pool';
import { databaseError } from '../database-error';
import { CharsetCatalog } from './charset-catalog';
import { Batch, batchTarget, type BatchTarget } from './mysql-batch';
import {
  closeRawConnection,
  openRawConnection,
  quoteId,
  quoteString,
  rawQuery,
  type InfileBody,
  type RawMysqlConnection,
} from './mysql-connection';
import { tableDdl, type TableDdl } from './mysql-ddl';
import { BatchSpool, type SpoolRange } from './batch-spool';
import { swapSchemas } from './mysql-swap';

/** One LOAD DATA body; big enough to amortise a statement, small enough to spread a table over sessions. */
const BATCH_BYTES = 8 << 20;
const MAX_INSERT_CHARS = 4 << 20;
/**
 * The loader's own session: the dump's header is not trusted (`--compact` dumps have none).
 * NO_AUTO_VALUE_ON_ZERO keeps a dumped id 0; no strict mode, like mysqldump's own header, but every warning
 * fails the load (see Batch.run).
 */
const SESSION_SQL =
  "SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO', time_zone = '+00:00', foreign_key_checks = 0, " +
  'unique_checks = 0, character_set_client = utf8mb4, character_set_connection = utf8mb4, ' +
  'collation_connection = utf8mb4_general_ci';

interface TableState {
  readonly def: TableDef;
  readonly ddl: TableDdl;
  readonly useInsert: boolean;
  created: Promise<void>;
  pending: number;
  /** Tasks of this table on a session right now. */
  running: number;
  /** Rows the server reported taking; null once a REPLACE or IGNORE batch makes that count unreliable. */
  serverRows: number | null;
  /** Bytes of LOAD DATA or INSERT text queued so far: the weight of its index build too. */
  bytes: number;
  dataComplete: boolean;
  indexesQueued: boolean;
  dropped: boolean;
  idleWaiters: (() => void)[];
}

/** A batch's body until its task runs, and what to give back once it has. */
interface KeptBody {
  readonly ready: Promise<InfileBody | undefined>;
  release(): void;
}

/**
 * Loads into `<schema>__tb_load` over `jobs` sessions, then swaps into `<schema>` with one RENAME TABLE.
 *
 * Each table is one lane of the pool: its LOAD DATA batches run one after another, and the sessions load
 * different tables at once. InnoDB would serialise them anyway: LOAD DATA into a table with an AUTO_INCREMENT
 * column holds the table's AUTO-INC lock to the end of the statement (innodb_autoinc_lock_mode 1, the default
 * of MySQL 5.7 and MariaDB), so a second session on the same table only waits. To keep both sessions busy the
 * tokenizer reads ahead into the next tables; batches beyond the memory bound wait in a spool file.
 * @see https://dev.mysql.com/doc/refman/8.0/en/innodb-auto-increment-handling.html
 */
export class MysqlDumpWriter implements DumpWriter {
  readonly shadow: string;
  readonly old: string;
  private control: RawMysqlConnection | null = null;
  /** Only the holder of the load lock may drop the shadow: another load may be using it. */
  private locked = false;
  private workers: RawMysqlConnection[] = [];
  private pool = new TaskPool<RawMysqlConnection>([]);
  private catalog = new CharsetCatalog(new Set(), new Map());
  private serverVersion: ServerVersion = parseServerVersion('');
  private localInfile = false;
  private maxInsertChars = MAX_INSERT_CHARS;
  private readonly tables = new Map<string, TableState>();
  private ddlChain: Promise<void> = Promise.resolve();
  private target: BatchTarget | null = null;
  private targetState: TableState | null = null;
  private batch: Batch | null = null;
  private lastDataTable: TableState | null = null;
  private spool: BatchSpool | null = null;
  /** Bytes of batch bodies held in memory (queued, running, or being written to the spool). */
  private memoryBytes = 0;
  private memoryLimit = 0;
  private readonly batchBytes: number;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly adapter: Adapter,
    private readonly options: WriterOptions,
  ) {
    this.batchBytes = options.batchBytes ?? BATCH_BYTES;
    this.shadow = `${options.schema}__tb_load`;
    this.old = `${options.schema}__tb_old`;
    if (this.shadow.length > adapter.capabilities.maxIdentifierLength) {
      throw new TbError(
        ErrorCodes.configInvalidValue,
        `schema name '${options.schema}' is too long for a load`,
      );
    }
  }

  server(): ServerVersion {
    return this.serverVersion;
  }

  async prepare(): Promise<void> {
    const control = await openRawConnection(this.adapter);
    this.control = control;
    const lock = await rawQuery(
      control,
      `SELECT GET_LOCK(${quoteString(`tb_load:${this.options.schema}`)}, 10) AS got`,
    );
    if (Number(lock.rows[0]?.got) !== 1) {
      throw new TbError(ErrorCodes.database, `another tb load into '${this.options.schema}' is running`);
    }
    this.locked = true;
    const info = await rawQuery(
      control,
      'SELECT VERSION() AS v, @@local_infile AS li, @@max_allowed_packet AS mp',
    );
    this.serverVersion = parseServerVersion(String(info.rows[0].v));
    this.localInfile = Number(info.rows[0].li) === 1;
    this.maxInsertChars = Math.min(MAX_INSERT_CHARS, Math.floor(Number(info.rows[0].mp) / 2));
    if (!this.localInfile && this.options.mysqlMethod === 'auto') {
      this.options.warn(
        'the server refuses LOAD DATA LOCAL (local_infile=0): loading with INSERT statements',
      );
    }
    this.catalog = await CharsetCatalog.fromServer(control);
    for (const db of [this.shadow, this.old])
      await rawQuery(control, `DROP DATABASE IF EXISTS ${quoteId(db)}`);
    await rawQuery(control, `CREATE DATABASE ${quoteId(this.shadow)} CHARACTER SET utf8mb4`);
    for (let i = 0; i < this.options.jobs; i++) {
      const conn = await openRawConnection(this.adapter);
      this.workers.push(conn);
      await rawQuery(conn, SESSION_SQL);
    }
    this.pool = new TaskPool(this.workers);
    this.memoryLimit = this.options.jobs * 3 * this.batchBytes;
    if (this.options.spoolBytes > 0 && this.localInfile) this.spool = BatchSpool.open(this.options.spoolDir);
  }

  createTable(def: TableDef): void {
    this.flush();
    this.completeLastTable();
    const ddl = tableDdl(def, this.shadow, this.catalog);
    const useInsert =
      this.options.mysqlMethod === 'insert' ||
      !this.localInfile ||
      def.columns.some((c) => RAW_LITERAL_TYPES.has(c.type));
    const state: TableState = {
      def,
      ddl,
      useInsert,
      created: Promise.resolve(),
      pending: 0,
      running: 0,
      serverRows: 0,
      bytes: 0,
      dataComplete: false,
      indexesQueued: false,
      dropped: false,
      idleWaiters: [],
    };
    state.created = this.ddl(async () => {
      await rawQuery(this.control as RawMysqlConnection, ddl.create).catch((err: unknown) => {
        throw databaseError(err, `CREATE TABLE \`${def.name}\``);
      });
    });
    this.tables.set(def.name, state);
  }

  dropTable(name: string): void {
    this.flush();
    const state = this.tables.get(name);
    if (!state) return;
    state.dropped = true;
    this.tables.delete(name);
    if (this.lastDataTable === state) this.lastDataTable = null;
    this.ddl(async () => {
      await this.whenIdle(state);
      await rawQuery(this.control as RawMysqlConnection, `DROP TABLE IF EXISTS ${this.relation(name)}`);
    });
  }

  insertStart(def: TableDef, header: InsertHeader, columns: readonly ColumnDef[]): void {
    const state = this.tables.get(def.name) as TableState;
    const target = batchTarget(this.shadow, def, header, columns, state.useInsert);
    if (this.target?.key !== target.key) this.flush();
    if (this.lastDataTable && this.lastDataTable !== state) this.completeTable(this.lastDataTable);
    this.lastDataTable = state;
    this.target = target;
    this.targetState = state;
  }

  row(buf: Buffer, row: RowSpans): void {
    if (this.batch === null) this.batch = new Batch(this.target as BatchTarget);
    this.batch.add(buf, row);
    const limit = this.batch.target.useInsert ? this.maxInsertChars : this.batchBytes;
    if (this.batch.size >= limit) this.flush();
  }

  insertEnd(): void {
    // Rows of the next INSERT of the same table join the same batch.
  }

  /** Waits while batch bodies fill the memory bound, or the spool its own. */
  async room(): Promise<void> {
    const spoolLimit = this.options.spoolBytes;
    while (
      this.pool.error === undefined &&
      (this.memoryBytes > this.memoryLimit || (this.spool?.bytes ?? 0) > spoolLimit)
    ) {
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.push(resolve)),
        this.pool.whenChanged(),
      ]);
    }
    if (this.pool.error !== undefined) throw this.pool.error;
  }

  queuedBytes(): number {
    return this.memoryBytes + (this.spool?.bytes ?? 0);
  }

  /** The tables the sessions are loading or indexing now, then the one being read (if another). */
  activeTables(): string[] {
    const names = [...this.tables.values()].filter((s) => s.running > 0).map((s) => s.def.name);
    const current = this.targetState?.def.name;
    if (current && !names.includes(current)) names.push(current);
    return names;
  }

  async finishData(onPhase: (phase: LoadPhase) => void): Promise<void> {
    this.flush();
    this.target = null;
    this.targetState = null; // nothing is being read any more (see activeTables)
    onPhase('finishing');
    for (const state of this.tables.values()) this.completeTable(state);
    await this.ddlChain;
    await this.pool.drain();
  }

  /**
   * The rows the server reported taking, summed per table (each LOAD DATA already matched its own count);
   * COUNT(*) only where a REPLACE or IGNORE batch makes the reports unreliable. Counting a 1 GB staging again
   * would add seconds for nothing.
   */
  async countRows(tables: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const name of tables) {
      const reported = this.tables.get(name)?.serverRows;
      if (reported !== undefined && reported !== null) {
        counts.set(name, reported);
        continue;
      }
      this.pool.submit({
        weight: 0,
        run: async (conn) => {
          const { rows } = await rawQuery(conn, `SELECT COUNT(*) AS n FROM ${this.relation(name)}`);
          counts.set(name, Number(rows[0].n));
        },
      });
    }
    await this.pool.drain();
    return counts;
  }

  async dropShadowTables(tables: readonly string[]): Promise<void> {
    if (tables.length === 0) return;
    await rawQuery(this.controlConn(), `DROP TABLE ${tables.map((t) => this.relation(t)).join(', ')}`);
  }

  async swap(tables: readonly string[]): Promise<void> {
    await swapSchemas(this.controlConn(), {
      schema: this.options.schema,
      shadow: this.shadow,
      old: this.old,
      tables,
    });
  }

  /** Kills the sessions' statements first: a dropped client does not stop a running ALTER on the server. */
  async abort(): Promise<void> {
    this.pool.fail(new TbError(ErrorCodes.internal, 'load aborted'));
    this.wake();
    const control = this.control;
    if (!control) return;
    for (const w of this.workers) {
      if (w.threadId !== undefined) await rawQuery(control, `KILL ${w.threadId}`).catch(() => undefined);
      w.destroy();
    }
    this.workers = [];
    if (this.locked) {
      await rawQuery(control, `DROP DATABASE IF EXISTS ${quoteId(this.shadow)}`).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.spool?.close();
    this.spool = null;
    for (const w of this.workers) await closeRawConnection(this.adapter, w);
    this.workers = [];
    if (this.control) await closeRawConnection(this.adapter, this.control);
    this.control = null;
  }

  private flush(): void {
    const batch = this.batch;
    const state = this.targetState;
    this.batch = null;
    if (!batch || batch.rows === 0 || !state) return;
    state.pending++;
    state.bytes += batch.size;
    const body = this.keepBody(batch);
    this.pool.submit({
      // Bytes: the pool starts the table with the most bytes waiting first.
      weight: batch.size,
      // INSERTs into one table do run in parallel (a simple insert takes no table-level AUTO-INC lock).
      lane: batch.target.useInsert ? undefined : state.def.name,
      run: async (conn) => {
        state.running++;
        try {
          await state.created;
          const taken = await batch.run(conn, await body.ready).catch((err: unknown) => {
            throw databaseError(err, `table \`${state.def.name}\``);
          });
          state.serverRows =
            batch.target.countsMatter && state.serverRows !== null ? state.serverRows + taken : null;
        } finally {
          state.running--;
          body.release();
          this.taskDone(state);
        }
      },
    });
  }

  /** In memory while the bound allows, in the spool file beyond it. */
  private keepBody(batch: Batch): KeptBody {
    const size = batch.size;
    this.memoryBytes += size;
    const inMemory: KeptBody = { ready: Promise.resolve(undefined), release: () => this.freeMemory(size) };
    if (batch.target.useInsert || !this.spool || this.memoryBytes <= this.memoryLimit) return inMemory;
    const spool = this.spool;
    let range: SpoolRange | undefined;
    const ready = spool.write(batch.takeBody()).then(
      (written) => {
        range = written;
        this.freeMemory(size);
        return () => spool.stream(written);
      },
      (err: unknown) => {
        throw new TbError(
          ErrorCodes.database,
          `cannot write the load's spool file in ${this.options.spoolDir}: ${(err as Error).message}`,
          {
            hint: 'free space there, choose another folder with --spool-dir, or keep batches in memory with --spool-mb 0',
          },
        );
      },
    );
    ready.catch(() => undefined); // a task dropped after a failure never awaits it
    return {
      ready,
      release: () => {
        if (range) spool.release(range);
        this.wake();
      },
    };
  }

  private freeMemory(size: number): void {
    this.memoryBytes -= size;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private completeLastTable(): void {
    if (this.lastDataTable) this.completeTable(this.lastDataTable);
    this.lastDataTable = null;
  }

  private completeTable(state: TableState): void {
    state.dataComplete = true;
    this.maybeBuildIndexes(state);
  }

  private maybeBuildIndexes(state: TableState): void {
    if (!state.dataComplete || state.pending > 0 || state.indexesQueued || state.dropped) return;
    state.indexesQueued = true;
    if (state.ddl.indexes.length === 0) return;
    state.pending++;
    this.pool.submit({
      // Sorting a table's rows costs about as its size: the largest table's indexes go first.
      weight: state.bytes,
      lane: state.def.name,
      run: async (conn) => {
        state.running++;
        try {
          await state.created;
          for (const sql of state.ddl.indexes) {
            await rawQuery(conn, sql).catch((err: unknown) => {
              throw databaseError(err, `indexes of \`${state.def.name}\``);
            });
          }
        } finally {
          state.running--;
          this.taskDone(state);
        }
      },
    });
  }

  private taskDone(state: TableState): void {
    state.pending--;
    if (state.pending > 0) return;
    const waiters = state.idleWaiters;
    state.idleWaiters = [];
    for (const w of waiters) w();
    this.maybeBuildIndexes(state);
  }

  private whenIdle(state: TableState): Promise<void> {
    if (state.pending === 0) return Promise.resolve();
    return new Promise((resolve) => state.idleWaiters.push(resolve));
  }

  /** DDL runs in dump order on the control session; a failure fails the load. */
  private ddl(fn: () => Promise<void>): Promise<void> {
    const next = this.ddlChain.then(fn);
    this.ddlChain = next.catch((err: unknown) => this.pool.fail(err));
    return next;
  }

  private controlConn(): RawMysqlConnection {
    if (!this.control) throw new TbError(ErrorCodes.internal, 'the MySQL writer is not prepared');
    return this.control;
  }

  private relation(name: string): string {
    return `${quoteId(this.shadow)}.${quoteId(name)}`;
  }
}
