import type { Logger } from '../core/logger';

/** One writer at a time per warehouse: held for a command's life, gone with its process. */
export interface WarehouseLock {
  /** What is locked, for messages: `tb:tb_meta` (MySQL) or the lock file (SQLite). */
  readonly name: string;
  /**
   * Before each stage: still ours? A MySQL lock dies with its connection (a server restart); it is taken
   * again when free, and a TbError says so when another writer got it in between.
   */
  ensureHeld(): Promise<void>;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Wait for the holder to finish instead of failing at once (`--wait`). */
  readonly wait?: boolean;
  /** How often a waiting writer tries again. Default 5 s on MySQL (inside GET_LOCK), 1 s on SQLite. */
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
  /** Who takes the lock, written where the holder can be read (`tb pipeline`). */
  readonly command?: string;
}
