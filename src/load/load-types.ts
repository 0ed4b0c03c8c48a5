import type { ServerVersion } from './parse/server-version';
import type { LoadPhase } from './dump-writer';

export interface LoadOptions {
  /** The live schema the dump's tables land in. Default `staging`. */
  readonly schema?: string;
  /** Parallel MySQL sessions. Default: the number of cores. */
  readonly jobs?: number;
  /** Parse and count only; the database is not touched. */
  readonly dryRun?: boolean;
  /** Keep tables that have no rows (the current system drops them). */
  readonly keepEmptyTables?: boolean;
  readonly onProgress?: (event: LoadEvent) => void;
  readonly signal?: AbortSignal;
  /** `insert` forces re-emitted INSERT statements on MySQL (for servers without LOCAL INFILE, and tests). */
  readonly mysqlMethod?: 'auto' | 'insert';
  /** For a dry run without a target: the server whose conditional comments apply. Default MySQL 8.0. */
  readonly server?: ServerVersion;
  /**
   * MySQL: how many bytes of LOAD DATA batches may wait on disk while the sessions load earlier tables, so
   * that the tokenizer can read ahead to the next table. Default 2 GiB; 0 keeps every batch in memory.
   */
  readonly spoolBytes?: number;
  /** Folder of that spool file. Default: the system's temporary folder. */
  readonly spoolDir?: string;
  /**
   * MySQL: bytes of one LOAD DATA batch (default 8 MiB); three batches per session stay in memory. A tuning
   * knob, and how tests send every batch through the spool file.
   */
  readonly batchBytes?: number;
}

export interface TableSummary {
  readonly name: string;
  readonly rows: number;
  /** Bytes of the dump's row tuples for this table. */
  readonly bytes: number;
  readonly status: 'loaded' | 'dropped-empty' | 'parsed';
}

export interface LoadResult {
  readonly loadId: string;
  readonly source: string;
  /** From the file name's `_YYYYMMDD`, as `YYYY-MM-DD`. */
  readonly dumpDate: string | null;
  readonly schema: string;
  readonly dryRun: boolean;
  /** Dump bytes parsed (decompressed). */
  readonly bytes: number;
  readonly rows: number;
  readonly tables: readonly TableSummary[];
  readonly warnings: readonly string[];
  readonly durationMs: number;
}

export type LoadEvent =
  | {
      readonly type: 'start';
      readonly loadId: string;
      readonly source: string;
      readonly schema: string;
      readonly totalBytes: number | null;
      readonly dryRun: boolean;
    }
  | {
      readonly type: 'progress';
      /** Source bytes read (compressed bytes for a .gz). */
      readonly bytes: number;
      readonly totalBytes: number | null;
      readonly rows: number;
      readonly elapsedMs: number;
      readonly bytesPerSecond: number;
      readonly etaSeconds: number | null;
      readonly activeTables: readonly string[];
      /** Bytes read and not yet in the database (MySQL: batches queued or spooled). */
      readonly queuedBytes: number;
    }
  | { readonly type: 'phase'; readonly phase: LoadPhase }
  | { readonly type: 'warning'; readonly message: string }
  | { readonly type: 'done'; readonly result: LoadResult };
