import type * as KnexModule from 'knex';
import type { Knex } from 'knex';
import { lazyModule } from '../../core/lazy-module';
import { quietKnexLog } from '../knex-log';
import type BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import type { SqliteTarget } from '../../core/target';
import { registerSqliteFunctions } from './sqlite-functions';
import { MAIN_SCHEMA, schemaFile, schemasOnDisk } from './sqlite-files';

/** ATTACH fails past this: better-sqlite3 is compiled with SQLITE_MAX_ATTACHED=10. */
export const MAX_ATTACHED = 10;

export function attachSchema(db: BetterSqlite3.Database, folder: string, schema: string): void {
  db.prepare('ATTACH DATABASE ? AS ' + quote(schema)).run(schemaFile(folder, schema));
  db.pragma(`${quote(schema)}.journal_mode = WAL`);
}

function quote(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/**
 * One connection (SQLite has one writer). Every schema file in the folder is attached on connect, so that
 * `silver.stg_rooms` is the same SQL text as on MySQL.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a SQLite target connects
const knexModule = lazyModule(() => require('knex') as typeof KnexModule);

export function createSqliteKnex(target: SqliteTarget): Knex {
  mkdirSync(target.path, { recursive: true });
  return knexModule().knex({
    client: 'better-sqlite3',
    log: quietKnexLog,
    connection: { filename: schemaFile(target.path, MAIN_SCHEMA) },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      idleTimeoutMillis: 2 ** 31 - 1,
      afterCreate: (db: BetterSqlite3.Database, done: (err: Error | null, db: unknown) => void) => {
        try {
          db.pragma('journal_mode = WAL');
          db.pragma('busy_timeout = 30000');
          // Renaming a table must not rewrite the views that name it: the swap renames the old table away.
          db.pragma('legacy_alter_table = ON');
          registerSqliteFunctions(db);
          for (const schema of schemasOnDisk(target.path)) attachSchema(db, target.path, schema);
          done(null, db);
        } catch (err) {
          done(err as Error, db);
        }
      },
    },
  });
}
