import { ErrorCodes, TbError } from '../../core/errors';
import type { ColumnDef, Relation } from '../adapter';
import type { IndexColumn, SqlDialect, TableRename } from '../sql-dialect';
import { commonDialectParts } from '../sql-dialect';
import { sqliteCapabilities } from './sqlite-capabilities';

function quoteIdentifier(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

const common = commonDialectParts(quoteIdentifier);

/** SQLite SQL over attached schema files: `"silver"."stg_rooms"` is the same text as on MySQL. */
export const sqliteDialect: SqlDialect = {
  ...common,
  capabilities: sqliteCapabilities,
  indexNeedsColumnTypes: false,
  beginTransaction: 'BEGIN',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
  createView: (relation: Relation, select: string, orReplace: boolean): string => {
    if (orReplace) throw new TbError(ErrorCodes.internal, 'SQLite has no CREATE OR REPLACE VIEW');
    return `CREATE VIEW ${common.quoteRelation(relation)} AS\n${select}`;
  },
  // @see https://www.sqlite.org/lang_altertable.html: the new name stays in the table's own schema.
  renameTables: (renames: readonly TableRename[]): string[] =>
    renames.map((r) => `ALTER TABLE ${common.quoteRelation(r.from)} RENAME TO ${quoteIdentifier(r.to)}`),
  // `WHERE true` resolves the parsing ambiguity between a join's ON and the upsert's ON CONFLICT.
  // @see https://www.sqlite.org/lang_upsert.html (2.2 Parsing Ambiguity)
  upsert: (
    target: Relation,
    columns: readonly string[],
    keys: readonly string[],
    source: Relation,
  ): string => {
    const keySet = new Set(keys.map((k) => k.toLowerCase()));
    const updated = columns.filter((c) => !keySet.has(c.toLowerCase()));
    const action =
      updated.length === 0
        ? 'DO NOTHING'
        : 'DO UPDATE SET\n  ' +
          updated.map((c) => `${quoteIdentifier(c)} = excluded.${quoteIdentifier(c)}`).join(',\n  ');
    return `${common.insertSelect(target, columns, source)} WHERE true\nON CONFLICT (${common.list(keys)}) ${action}`;
  },
  // @see https://www.sqlite.org/lang_expr.html#isisnot
  nullSafeEquals: (left: string, right: string): string => `${left} IS ${right}`,
  // @see https://www.sqlite.org/lang_dropindex.html: index names are per schema.
  dropIndex: (schema: string, name: string): string =>
    `DROP INDEX IF EXISTS ${quoteIdentifier(schema)}.${quoteIdentifier(name)}`,
  // A column without a declared type is valid in SQLite (CREATE TABLE AS gives expressions none).
  addColumn: (relation: Relation, column: ColumnDef): string =>
    `ALTER TABLE ${common.quoteRelation(relation)} ADD COLUMN ${quoteIdentifier(column.name)}${column.dataType ? ` ${column.dataType}` : ''}`,
  // The index's schema goes on its name; the table is then named without one.
  // @see https://www.sqlite.org/lang_createindex.html
  createIndex: (relation: Relation, name: string, columns: readonly IndexColumn[], unique: boolean): string =>
    `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${common.quoteRelation({ schema: relation.schema, name })} ON ${quoteIdentifier(relation.name)} (${common.list(columns.map((c) => c.name))})`,
};
