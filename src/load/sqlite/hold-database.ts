import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteAdapter } from '../../adapters/sqlite/sqlite-adapter';

export interface HeldDatabase {
  readonly db: BetterSqlite3.Database;
  release(): Promise<void>;
}

/** Holds the adapter's one connection across the whole load (the loader's steps are not one callback). */
export function holdDatabase(adapter: SqliteAdapter): Promise<HeldDatabase> {
  return new Promise((resolveHeld, rejectHeld) => {
    const done = adapter.withDatabase(
      (db) =>
        new Promise<void>((releaseConnection) => {
          resolveHeld({
            db,
            release: async () => {
              releaseConnection();
              await done;
            },
          });
        }),
    );
    done.catch(rejectHeld);
  });
}
