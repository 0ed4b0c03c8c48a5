import type { InsertHeader } from './parse/insert-header';
import type { ServerVersion } from './parse/server-version';
import type { RowSpans } from './parse/value-spans';
import type { ColumnDef, TableDef } from './table-def';

/**
 * What an adapter-specific writer does with the parsed dump. Event methods are synchronous (the tokenizer
 * calls them); the writer queues work and the loader awaits `room()` between chunks.
 */
export interface DumpWriter {
  /** Connects, takes the load lock, removes what a crashed load left, creates the empty shadow. */
  prepare(): Promise<void>;
  /** The server whose version judges the dump's conditional comments (known after prepare). */
  server(): ServerVersion;
  createTable(table: TableDef): void;
  dropTable(name: string): void;
  /** Rows that follow go to `table`, one value per entry of `columns`. */
  insertStart(table: TableDef, header: InsertHeader, columns: readonly ColumnDef[]): void;
  row(buf: Buffer, row: RowSpans): void;
  insertEnd(): void;
  /** Resolves when buffered work fits the memory bound; rejects with the writer's first failure. */
  room(): Promise<void>;
  /** Tables with work in flight, for the progress display. */
  activeTables(): string[];
  /** Bytes of rows read from the dump and not yet in the database (queued or spooled), for the display. */
  queuedBytes(): number;
  /** Flushes the last rows, waits for every load, builds the deferred indexes. */
  finishData(onPhase: (phase: LoadPhase) => void): Promise<void>;
  /** Rows per table in the shadow, counted by the database. */
  countRows(tables: readonly string[]): Promise<Map<string, number>>;
  dropShadowTables(tables: readonly string[]): Promise<void>;
  /** Replaces every table of the live schema with the shadow's, in one atomic step. */
  swap(tables: readonly string[]): Promise<void>;
  /** After a failure: drops the shadow (best effort; the next load starts clean anyway). */
  abort(): Promise<void>;
  close(): Promise<void>;
}

/**
 * After the dump is read: `finishing` (MySQL: the batches still queued or spooled, and the deferred indexes),
 * `indexes` (SQLite), then `verify` and `swap`.
 */
export type LoadPhase = 'finishing' | 'indexes' | 'verify' | 'swap';

export interface WriterOptions {
  /** The live schema, e.g. `staging`. */
  readonly schema: string;
  readonly jobs: number;
  /** `insert` forces re-emitted INSERTs on MySQL even where LOAD DATA LOCAL is allowed. */
  readonly mysqlMethod: 'auto' | 'insert';
  readonly warn: (message: string) => void;
  /** Bytes of batches that may wait on disk (MySQL); 0 for none. */
  readonly spoolBytes: number;
  readonly spoolDir: string;
  /** Bytes of one LOAD DATA batch (MySQL); undefined for the writer's default. */
  readonly batchBytes?: number;
}
