/**
 * A table of the dump: its DDL as MySQL 8.0's SHOW CREATE TABLE prints it, and its rows.
 * Column definitions are written as MySQL prints them (`int unsigned NOT NULL AUTO_INCREMENT`,
 * `datetime DEFAULT NULL`, a TEXT without DEFAULT, numeric defaults quoted), so the dump reads
 * like the real thing.
 */
import type { ValueKind } from './escape';

export interface ColumnSpec {
  readonly name: string;
  /** Everything after the column name in SHOW CREATE TABLE. */
  readonly def: string;
  readonly kind: ValueKind;
}

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** Lines after the columns: PRIMARY KEY, UNIQUE KEY, KEY, CONSTRAINT. */
  readonly keys: readonly string[];
  readonly comment?: string;
}

/** A table ready to stream: its spec, its exact row count, and its rows as `(...)` tuples. */
export interface DumpTable {
  readonly spec: TableSpec;
  readonly rowCount: number;
  /** The AUTO_INCREMENT counter the CREATE TABLE carries (omitted when undefined). */
  readonly autoIncrement?: number;
  rows(): Iterable<string | Buffer>;
}

const NUMERIC = /^(tinyint|smallint|mediumint|int|bigint|decimal)\b/;
const BINARY = /^(tinyblob|blob|mediumblob|longblob|varbinary|binary)\b/;

/** `col('rent', "int NOT NULL DEFAULT '0'")`: the value kind follows from the type. */
export function col(name: string, def: string): ColumnSpec {
  const kind: ValueKind = NUMERIC.test(def) ? 'num' : BINARY.test(def) ? 'bin' : 'str';
  return { name, def, kind };
}

/** The usual Laravel-style id and timestamps, as the PMS vendor's framework creates them. */
export const ID = col('id', 'int unsigned NOT NULL AUTO_INCREMENT');
export const BIG_ID = col('id', 'bigint unsigned NOT NULL AUTO_INCREMENT');
export const CREATED_AT = col('created_at', 'datetime NOT NULL DEFAULT CURRENT_TIMESTAMP');
export const UPDATED_AT = col(
  'updated_at',
  'datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP',
);
export const DELETED_AT = col('deleted_at', 'datetime DEFAULT NULL');
export const PK = 'PRIMARY KEY (`id`)';

export function key(table: string, ...columns: string[]): string {
  return `KEY \`idx_${table}_${columns.join('_')}\` (${columns.map((c) => `\`${c}\``).join(',')})`;
}

export function uniqueKey(table: string, ...columns: string[]): string {
  return `UNIQUE KEY \`uq_${table}_${columns.join('_')}\` (${columns.map((c) => `\`${c}\``).join(',')})`;
}

export function foreignKey(table: string, column: string, ref: string, onDelete = ''): string {
  const tail = onDelete ? ` ON DELETE ${onDelete}` : '';
  return `CONSTRAINT \`fk_${table}_${column}\` FOREIGN KEY (\`${column}\`) REFERENCES \`${ref}\` (\`id\`)${tail}`;
}

export function columnIndex(spec: TableSpec, name: string): number {
  const i = spec.columns.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`table ${spec.name} has no column ${name}`);
  return i;
}
