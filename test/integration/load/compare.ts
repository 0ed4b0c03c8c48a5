import type { Adapter } from '../../../src/adapters/adapter';
import type { SqliteAdapter } from '../../../src/adapters/sqlite/sqlite-adapter';

/** `CHECKSUM TABLE` per table: equal checksums mean equal rows under equal column definitions. */
export async function checksums(
  adapter: Adapter,
  schema: string,
  tables: readonly string[],
): Promise<Record<string, string>> {
  const list = tables.map((t) => adapter.quoteRelation({ schema, name: t })).join(', ');
  const { rows } = await adapter.execute(`CHECKSUM TABLE ${list}`);
  return Object.fromEntries(rows.map((r) => [String(r.Table).split('.').pop(), String(r.Checksum)]));
}

const INT64_MAX = 9223372036854775807n;

/** A value reduced to what both engines must agree on, given the MySQL column type. */
function normalize(value: unknown, mysqlType: string, side: 'mysql' | 'sqlite'): string | null {
  if (value === null || value === undefined) return null;
  const base = mysqlType.replace(/\(.*$/, '').replace(/ .*$/, '').toLowerCase();
  if (base === 'bit' && Buffer.isBuffer(value)) value = BigInt('0x' + (value.toString('hex') || '0'));
  if (base === 'bit' && typeof value === 'bigint' && value > INT64_MAX) return `real:${Number(value)}`;
  if (base === 'bit' && typeof value === 'number') return `real:${value}`;
  if (/int$|^year$|^bit$/.test(base)) {
    if (typeof value === 'number' && !Number.isInteger(value)) return `real:${value}`;
    const big = BigInt(String(value));
    // SQLite has no unsigned 64-bit integer: past INT64_MAX it keeps the nearest REAL.
    if (side === 'mysql' && big > INT64_MAX) return `real:${Number(big)}`;
    if (side === 'sqlite' && typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER)
      return `real:${value}`;
    return big.toString();
  }
  if (['float', 'double', 'decimal'].includes(base)) return String(Number(value));
  if (/blob|binary/.test(base))
    return Buffer.isBuffer(value) ? value.toString('hex') : `not bytes: ${String(value)}`;
  if (Buffer.isBuffer(value)) return `bytes: ${value.toString('hex')}`;
  return String(value);
}

function isJsonValue(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Buffer.isBuffer(v);
}

/** Every row and value of `table` in the MariaDB source against the SQLite copy. */
export async function compareWithSqlite(
  mysql: Adapter,
  sourceSchema: string,
  sqlite: SqliteAdapter,
  schema: string,
  table: string,
): Promise<void> {
  const columns = await mysql.getColumns({ schema: sourceSchema, name: table });
  const source = (
    await mysql.execute(
      `SELECT * FROM ${mysql.quoteRelation({ schema: sourceSchema, name: table })} ORDER BY 1`,
    )
  ).rows;
  const copy = await sqlite.withDatabase(
    (db) =>
      db.prepare(`SELECT * FROM "${schema}"."${table}" ORDER BY 1`).safeIntegers(true).all() as Record<
        string,
        unknown
      >[],
  );
  // mysql2 hands JSON columns over parsed: both sides are compared as canonical JSON text.
  const json = new Set(columns.filter((c) => source.some((r) => isJsonValue(r[c.name]))).map((c) => c.name));
  const value = (r: Record<string, unknown>, name: string, type: string, side: 'mysql' | 'sqlite') => {
    const v = r[name];
    if (json.has(name) && v !== null) return JSON.stringify(typeof v === 'string' ? JSON.parse(v) : v);
    return normalize(v, type, side);
  };
  const expected = source.map((r) => columns.map((c) => [c.name, value(r, c.name, c.dataType, 'mysql')]));
  const actual = copy.map((r) => columns.map((c) => [c.name, value(r, c.name, c.dataType, 'sqlite')]));
  expect({ table, rows: actual }).toEqual({ table, rows: expected });
}
