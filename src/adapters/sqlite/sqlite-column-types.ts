import type { PortableType } from '../portable-types';

/**
 * SQLite keeps the five storage classes; declared types only pick an affinity. Dates stay ISO text (what
 * SQLite's date functions read); decimals become REAL, exact to about 15 significant digits.
 * @see https://www.sqlite.org/datatype3.html#type_affinity
 */
export function sqliteColumnType(type: PortableType): string {
  switch (type.kind) {
    case 'integer':
    case 'boolean':
      return 'INTEGER';
    case 'decimal':
      return 'REAL';
    case 'date':
    case 'datetime':
    case 'text':
      return 'TEXT';
  }
}

export function sqliteColumnTypes(types: readonly PortableType[]): string[] {
  return types.map(sqliteColumnType);
}
