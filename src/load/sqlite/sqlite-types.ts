import { GEOMETRY_TYPES, type ColumnDef } from '../table-def';

/**
 * MySQL column types to SQLite type affinities. Dates and times stay text as dumped (zero dates survive),
 * DECIMAL gets NUMERIC affinity (SQLite keeps 15 significant digits), BLOBs stay bytes, text stays UTF-8.
 * @see https://www.sqlite.org/datatype3.html#determination_of_column_affinity
 */
export type SqliteAffinity = 'INTEGER' | 'REAL' | 'NUMERIC' | 'TEXT' | 'BLOB';

const INTEGER_TYPES = new Set([
  'tinyint',
  'smallint',
  'mediumint',
  'int',
  'integer',
  'bigint',
  'year',
  'bit',
  'bool',
  'boolean',
  'serial',
]);
const REAL_TYPES = new Set(['float', 'double', 'real']);
const NUMERIC_TYPES = new Set(['decimal', 'numeric', 'dec', 'fixed']);
const BLOB_TYPES = new Set([
  'binary',
  'varbinary',
  'tinyblob',
  'blob',
  'mediumblob',
  'longblob',
  ...GEOMETRY_TYPES,
]);

export function sqliteAffinity(column: ColumnDef): SqliteAffinity {
  const type = column.type;
  if (INTEGER_TYPES.has(type)) return 'INTEGER';
  if (REAL_TYPES.has(type)) return 'REAL';
  if (NUMERIC_TYPES.has(type)) return 'NUMERIC';
  if (BLOB_TYPES.has(type)) return 'BLOB';
  return 'TEXT';
}

/** How one value of a column becomes a JavaScript value to bind. */
export const enum Converter {
  Integer,
  Bit,
  Real,
  Numeric,
  Text,
  Blob,
}

export function converterFor(column: ColumnDef): Converter {
  if (column.type === 'bit') return Converter.Bit;
  switch (sqliteAffinity(column)) {
    case 'INTEGER':
      return Converter.Integer;
    case 'REAL':
      return Converter.Real;
    case 'NUMERIC':
      return Converter.Numeric;
    case 'BLOB':
      return Converter.Blob;
    default:
      return Converter.Text;
  }
}
