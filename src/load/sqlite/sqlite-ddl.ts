import type { TableDef } from '../table-def';
import { sqliteAffinity } from './sqlite-types';

export function quoteSqlite(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/**
 * The dump's table with SQLite affinities and its primary key (a single INTEGER key becomes the rowid, rows
 * arrive in its order). Defaults, CHECKs and foreign keys are MySQL expressions and stay behind.
 */
export function sqliteCreateTable(def: TableDef, schema: string): string {
  const cols = def.columns.map(
    (c) => `${quoteSqlite(c.name)} ${sqliteAffinity(c)}${c.nullable ? '' : ' NOT NULL'}`,
  );
  const pk = def.primaryKey?.parts.every((p) => p.column !== null) ? def.primaryKey : null;
  if (pk) cols.push(`PRIMARY KEY (${pk.parts.map((p) => quoteSqlite(p.column as string)).join(', ')})`);
  return `CREATE TABLE ${quoteSqlite(schema)}.${quoteSqlite(def.name)} (${cols.join(', ')})`;
}

/**
 * Secondary indexes, built after the rows. SQLite index names are per schema, not per table, so each is
 * prefixed with its table. FULLTEXT, SPATIAL and functional indexes have no SQLite equivalent.
 */
export function sqliteCreateIndexes(def: TableDef, schema: string): string[] {
  return def.indexes
    .filter((ix) => (ix.kind === 'index' || ix.kind === 'unique') && ix.parts.every((p) => p.column !== null))
    .map((ix, n) => {
      const name = `${def.name}__${ix.name ?? `index${n + 1}`}`;
      const cols = ix.parts.map((p) => quoteSqlite(p.column as string)).join(', ');
      const unique = ix.kind === 'unique' ? 'UNIQUE ' : '';
      return `CREATE ${unique}INDEX ${quoteSqlite(schema)}.${quoteSqlite(name)} ON ${quoteSqlite(def.name)} (${cols})`;
    });
}

export function sqliteInsert(
  schema: string,
  table: string,
  columns: readonly string[],
  rows: number,
): string {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const tuples = Array.from({ length: rows }, () => tuple).join(', ');
  return `INSERT INTO ${quoteSqlite(schema)}.${quoteSqlite(table)} (${columns.map(quoteSqlite).join(', ')}) VALUES ${tuples}`;
}
