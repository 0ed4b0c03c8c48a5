import { ErrorCodes, TbError } from '../../core/errors';
import type { ColumnDef, Relation } from '../adapter';
import type { IndexColumn, SqlDialect, TableRename } from '../sql-dialect';
import { commonDialectParts } from '../sql-dialect';
import { mysqlCapabilities } from './mysql-capabilities';

/**
 * Key length for TEXT/BLOB columns in an index: 255 characters of utf8mb4 is 1,020 bytes, under InnoDB's
 * 3,072-byte key limit for up to three such columns.
 * @see https://dev.mysql.com/doc/refman/8.0/en/column-indexes.html#column-indexes-prefix
 */
export const MYSQL_TEXT_INDEX_PREFIX = 255;

const TEXT_OR_BLOB = /^(tiny|medium|long)?(text|blob)\b/i;

function quoteIdentifier(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

const common = commonDialectParts(quoteIdentifier);

/**
 * MySQL 8.0 (Aurora MySQL 3) SQL, which MariaDB 10.11 accepts too. Every construct is listed, with its
 * manual page, in src/adapters/README.md.
 */
export const mysqlDialect: SqlDialect = {
  ...common,
  capabilities: mysqlCapabilities,
  indexNeedsColumnTypes: true,
  beginTransaction: 'START TRANSACTION',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
  createView: (relation: Relation, select: string, orReplace: boolean): string =>
    `CREATE ${orReplace ? 'OR REPLACE ' : ''}VIEW ${common.quoteRelation(relation)} AS\n${select}`,
  // @see https://dev.mysql.com/doc/refman/8.0/en/rename-table.html: one statement, atomic, left to right.
  renameTables: (renames: readonly TableRename[]): string[] => [
    'RENAME TABLE ' +
      renames
        .map(
          (r) =>
            `${common.quoteRelation(r.from)} TO ${common.quoteRelation({ schema: r.from.schema, name: r.to })}`,
        )
        .join(', '),
  ],
  // VALUES(col) rather than the 8.0.19 row alias (`AS new`): MariaDB has no row alias, and MySQL 8.0 still
  // accepts VALUES() (deprecated since 8.0.20, with a warning).
  // @see https://dev.mysql.com/doc/refman/8.0/en/insert-on-duplicate.html
  upsert: (
    target: Relation,
    columns: readonly string[],
    keys: readonly string[],
    source: Relation,
  ): string => {
    const t = common.quoteRelation(target);
    const keySet = new Set(keys.map((k) => k.toLowerCase()));
    const updated = columns.filter((c) => !keySet.has(c.toLowerCase()));
    const set = (updated.length > 0 ? updated : keys.slice(0, 1))
      .map((c) => `${t}.${quoteIdentifier(c)} = VALUES(${quoteIdentifier(c)})`)
      .join(',\n  ');
    return `${common.insertSelect(target, columns, source)}\nON DUPLICATE KEY UPDATE\n  ${set}`;
  },
  // @see https://dev.mysql.com/doc/refman/8.0/en/comparison-operators.html#operator_equal-to
  nullSafeEquals: (left: string, right: string): string => `${left} <=> ${right}`,
  // `reader` → 'reader' (a role, or the user 'reader'@'%'); `reader@10.0.%` → 'reader'@'10.0.%'. The name is
  // checked by src/grants before it gets here; quotes are doubled all the same.
  // @see https://dev.mysql.com/doc/refman/8.0/en/grant.html, https://dev.mysql.com/doc/refman/8.0/en/account-names.html
  grantSelect: (relation: Relation, grantee: string): string => {
    const at = grantee.lastIndexOf('@');
    const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const account =
      at < 0 ? quote(grantee) : `${quote(grantee.slice(0, at))}@${quote(grantee.slice(at + 1))}`;
    return `GRANT SELECT ON ${common.quoteRelation(relation)} TO ${account}`;
  },
  addColumn: (relation: Relation, column: ColumnDef): string => {
    if (!column.dataType) {
      throw new TbError(ErrorCodes.internal, `column ${column.name} has no type to add on MySQL`);
    }
    return `ALTER TABLE ${common.quoteRelation(relation)} ADD COLUMN ${quoteIdentifier(column.name)} ${column.dataType}`;
  },
  createIndex: (
    relation: Relation,
    name: string,
    columns: readonly IndexColumn[],
    unique: boolean,
  ): string => {
    const parts = columns.map((c) =>
      c.dataType && TEXT_OR_BLOB.test(c.dataType)
        ? `${quoteIdentifier(c.name)}(${MYSQL_TEXT_INDEX_PREFIX})`
        : quoteIdentifier(c.name),
    );
    return `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${quoteIdentifier(name)} ON ${common.quoteRelation(relation)} (${parts.join(', ')})`;
  },
};
