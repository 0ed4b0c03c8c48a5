/**
 * Reads the analytics tables of one engine into plain, engine-neutral rows, so that the truth file and the
 * other engine can be compared with them value for value.
 */
import type { Adapter } from '../../../src/adapters/adapter';

export const GOLD_TABLES = [
  'daily_activity_summary',
  'new_contracts',
  'moveouts',
  'moveout_notices',
  'moveout_analysis',
  'moveout_summary',
] as const;

export const SILVER_TABLES = [
  'stg_apartments',
  'stg_rooms',
  'stg_tenants',
  'stg_movings',
  'stg_inquiries',
  'int_contracts',
] as const;

export type Value = string | number | null;
export type Row = Readonly<Record<string, Value>>;

export interface Table {
  readonly columns: readonly string[];
  /** Sorted by their JSON text, so two engines' tables line up row by row whatever their collations. */
  readonly rows: readonly Row[];
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * One value as both engines should agree on it: MySQL answers DECIMAL and BIGINT as strings and DATE as
 * 'YYYY-MM-DD' (dateStrings); SQLite answers numbers and the text it stored. Numbers become numbers, so
 * '37.00' (DECIMAL) and 37 (REAL) are equal; a DATETIME keeps its text.
 */
export function normalise(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  if (Buffer.isBuffer(v)) return v.toString('hex');
  const s = String(v);
  return NUMERIC.test(s) && !/^-?0\d/.test(s) ? Number(s) : s;
}

export async function readTable(adapter: Adapter, schema: string, name: string): Promise<Table> {
  const relation = adapter.quoteRelation({ schema, name });
  const { rows } = await adapter.execute(`select * from ${relation}`);
  const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
  const out = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, normalise(v)])));
  const keyed = out.map((r) => [JSON.stringify(columns.map((c) => r[c])), r] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { columns, rows: keyed.map(([, r]) => r) };
}

export async function readTables(
  adapter: Adapter,
  schema: string,
  names: readonly string[],
): Promise<Record<string, Table>> {
  const out: Record<string, Table> = {};
  for (const n of names) out[n] = await readTable(adapter, schema, n);
  return out;
}
