import type BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { SqliteTarget } from '../core/target';
import { lockBusyError, lockCancelledError } from './lock-busy-error';
import type { LockOptions, WarehouseLock } from './lock-types';
import { lazyModule } from '../core/lazy-module';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a native module, loaded when a lock is taken
const sqlite = lazyModule(() => require('better-sqlite3') as typeof BetterSqlite3);

/** Not `*.db`: every `*.db` file of the warehouse folder is attached as a schema. */
export const SQLITE_LOCK_FILE = 'tb.lock.sqlite';
const HOLDER_FILE = 'tb.lock.json';

/**
 * An exclusive transaction held open on a small database file beside the warehouse. The operating system
 * drops the file lock when the process dies (kill -9 included), so a crashed writer never leaves a stale
 * lock behind, unlike a pid file. The pid is written next to it for the message only.
 * @see https://www.sqlite.org/lang_transaction.html (BEGIN EXCLUSIVE), https://www.sqlite.org/lockingv3.html
 */
export async function acquireSqliteLock(target: SqliteTarget, options: LockOptions): Promise<WarehouseLock> {
  mkdirSync(target.path, { recursive: true });
  const file = join(target.path, SQLITE_LOCK_FILE);
  const info = join(target.path, HOLDER_FILE);
  const poll = options.pollMs ?? 1000;
  let announced = false;
  for (;;) {
    const db = tryExclusive(file);
    if (db) {
      writeFileSync(info, JSON.stringify(holderInfo(options.command)) + '\n');
      options.logger?.debug('lock_acquired', `took the warehouse lock ${file}`, { lock: file });
      return {
        name: file,
        ensureHeld: async () => undefined,
        release: async () => {
          rmSync(info, { force: true });
          db.close();
        },
      };
    }
    const who = readHolder(info);
    if (!options.wait) throw lockBusyError(file, who);
    if (options.signal?.aborted) throw lockCancelledError(file);
    if (!announced) options.logger?.info('lock_waiting', `waiting for the warehouse lock ${file} (${who})`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, poll));
  }
}

/** The open connection holding the lock, or null when another process holds it. */
function tryExclusive(file: string): BetterSqlite3.Database | null {
  const Database = sqlite();
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (err) {
    db.close();
    if (String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) return null;
    throw err;
  }
}

function holderInfo(command?: string): Record<string, unknown> {
  return { pid: process.pid, host: hostname(), since: new Date().toISOString(), command: command ?? 'tb' };
}

function readHolder(info: string): string {
  try {
    const h = JSON.parse(readFileSync(info, 'utf8')) as Record<string, unknown>;
    return `${String(h.command)} (pid ${String(h.pid)} on ${String(h.host)}) since ${String(h.since)}`;
  } catch {
    return 'another process';
  }
}
