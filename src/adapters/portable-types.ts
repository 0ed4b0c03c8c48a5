import { ErrorCodes, TbError } from '../core/errors';
import type { AdapterCapabilities } from './adapter';
import { mysqlColumnTypes } from './mysql/mysql-column-types';
import { sqliteColumnTypes } from './sqlite/sqlite-column-types';

/**
 * A column type known without an engine (what seed inference finds); each adapter spells it in its own SQL.
 * Sizes come from the data, so that MySQL gets exact DECIMAL and VARCHAR widths.
 */
export type PortableType =
  | { readonly kind: 'integer' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'date' }
  /** `fractionDigits`: digits after the seconds' point (0-6). */
  | { readonly kind: 'datetime'; readonly fractionDigits: number }
  /** `maxLength` in UTF-16 code units, an upper bound of characters; 0 when the column holds no value. */
  | { readonly kind: 'text'; readonly maxLength: number };

/** Maps a table's portable column types to engine type text, all at once (MySQL budgets its row size). */
export type ColumnTypeMapper = (types: readonly PortableType[]) => string[];

const byType: Readonly<Record<string, ColumnTypeMapper>> = {
  mysql: mysqlColumnTypes,
  sqlite: sqliteColumnTypes,
};

export function engineColumnTypes(
  capabilities: AdapterCapabilities,
  types: readonly PortableType[],
): string[] {
  const mapper = byType[capabilities.type];
  if (!mapper)
    throw new TbError(ErrorCodes.internal, `no column type mapping for adapter '${capabilities.type}'`);
  return mapper(types);
}
