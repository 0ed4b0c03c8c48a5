import type BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { attachSchema } from '../../adapters/sqlite/sqlite-knex';
import { schemaFile } from '../../adapters/sqlite/sqlite-files';
import { ErrorCodes, TbError } from '../../core/errors';
import { quoteSqlite } from './sqlite-ddl';

export function attachedSchemas(db: BetterSqlite3.Database): string[] {
  return (db.pragma('database_list') as { name: string }[]).map((d) => d.name);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The atomic step on SQLite: the shadow file replaces `<schema>.db` with rename(2). Both files leave WAL mode
 * first, so no `-wal` of the old file can be read as the new file's; a `-wal` or `-journal` still there means
 * another process has staging open, and the swap stops with the old staging untouched.
 * @see https://www.sqlite.org/wal.html#the_wal_file  @see https://www.sqlite.org/howtocorrupt.html#_unlinking_or_renaming_a_database_file_while_in_use
 */
export function swapSqliteFile(
  db: BetterSqlite3.Database,
  folder: string,
  schema: string,
  shadow: string,
): void {
  const shadowPath = schemaFile(folder, shadow);
  const livePath = schemaFile(folder, schema);
  db.pragma(`${quoteSqlite(shadow)}.journal_mode = DELETE`);
  db.prepare(`DETACH DATABASE ${quoteSqlite(shadow)}`).run();
  fsyncPath(shadowPath);
  if (attachedSchemas(db).includes(schema)) {
    db.pragma(`${quoteSqlite(schema)}.wal_checkpoint(TRUNCATE)`);
    const mode = db.pragma(`${quoteSqlite(schema)}.journal_mode = DELETE`, { simple: true });
    if (String(mode).toLowerCase() !== 'delete') throw busy(schema);
    db.prepare(`DETACH DATABASE ${quoteSqlite(schema)}`).run();
  }
  if (existsSync(`${livePath}-wal`) || existsSync(`${livePath}-journal`)) {
    attachSchema(db, folder, schema);
    throw busy(schema);
  }
  renameSync(shadowPath, livePath);
  fsyncPath(dirname(livePath));
  attachSchema(db, folder, schema);
}

function busy(schema: string): TbError {
  return new TbError(ErrorCodes.database, `cannot swap '${schema}': another process has ${schema}.db open`, {
    hint: 'stop the other tb command and load again; the previous staging is untouched',
  });
}
