import type { PortableType } from '../portable-types';

/**
 * Up to this many characters a text column is VARCHAR: three such utf8mb4 key parts (3 x 255 x 4 bytes) fit
 * InnoDB's 3,072-byte index key, so seeds can be indexed and joined; longer text is TEXT.
 * @see https://dev.mysql.com/doc/refman/8.0/en/innodb-limits.html
 */
export const MYSQL_MAX_SEED_VARCHAR = 255;

/**
 * A row's VARCHAR bytes must stay under 65,535 (utf8mb4: 4 bytes a character, plus a length prefix); a
 * margin is kept for the other columns' bytes.
 * @see https://dev.mysql.com/doc/refman/8.0/en/column-count-limit.html#row-size-limits
 */
const ROW_BYTES_BUDGET = 60_000;

/** TEXT holds 65,535 bytes: 16,383 utf8mb4 characters at worst; MEDIUMTEXT 16 MiB. */
const TEXT_CHARS = 16_383;
const MEDIUMTEXT_CHARS = 4_194_303;

function textType(maxLength: number): string {
  if (maxLength >= 1 && maxLength <= MYSQL_MAX_SEED_VARCHAR) return `VARCHAR(${maxLength})`;
  if (maxLength <= TEXT_CHARS) return 'TEXT';
  return maxLength <= MEDIUMTEXT_CHARS ? 'MEDIUMTEXT' : 'LONGTEXT';
}

/** @see https://dev.mysql.com/doc/refman/8.0/en/data-types.html */
export function mysqlColumnType(type: PortableType): string {
  switch (type.kind) {
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      return `DECIMAL(${type.precision},${type.scale})`;
    case 'boolean':
      return 'TINYINT(1)';
    case 'date':
      return 'DATE';
    case 'datetime':
      // Without a precision MySQL would round fractional seconds away.
      return type.fractionDigits > 0 ? `DATETIME(${type.fractionDigits})` : 'DATETIME';
    case 'text':
      return textType(type.maxLength);
  }
}

function varcharBytes(type: PortableType): number {
  return type.kind === 'text' && type.maxLength >= 1 && type.maxLength <= MYSQL_MAX_SEED_VARCHAR
    ? type.maxLength * 4 + 2
    : 0;
}

/** A very wide seed turns its longest VARCHARs into TEXT until the row fits. */
export function mysqlColumnTypes(types: readonly PortableType[]): string[] {
  const out = types.map(mysqlColumnType);
  let bytes = types.reduce((sum, t) => sum + varcharBytes(t), 0);
  const longestFirst = types
    .map((t, i) => ({ i, b: varcharBytes(t) }))
    .filter((x) => x.b > 0)
    .sort((x, y) => y.b - x.b || x.i - y.i);
  for (const { i, b } of longestFirst) {
    if (bytes <= ROW_BYTES_BUDGET) break;
    out[i] = 'TEXT';
    bytes -= b;
  }
  return out;
}
