import type { ColumnDef, Relation } from '../adapters/adapter';
import type { IndexConfig } from '../core/types';
import type { PlanContext } from './plan-context';
import type { Statement } from './statement';

/** The model's `indexes`, plus any the materialization itself needs, each column list once. */
export function collectIndexes(
  configured: readonly IndexConfig[] | undefined,
  extra: readonly IndexConfig[],
): IndexConfig[] {
  const seen = new Set<string>();
  const out: IndexConfig[] = [];
  for (const index of [...(configured ?? []), ...extra]) {
    const key = index.columns.map((c) => c.toLowerCase()).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(index);
  }
  return out;
}

/**
 * CREATE INDEX for each index on `on` (the temp table before a MySQL swap, the target inside a SQLite
 * swap). Names derive from `target`, so they do not change when the table is renamed into place.
 */
export function indexStatements(
  ctx: PlanContext,
  target: Relation,
  on: Relation,
  indexes: readonly IndexConfig[],
  columns: readonly ColumnDef[] = [],
): Statement[] {
  const typeOf = new Map(columns.map((c) => [c.name.toLowerCase(), c.dataType]));
  return indexes.map((index) => ({
    role: 'index',
    sql: ctx.dialect.createIndex(
      on,
      ctx.names.index(target, index),
      index.columns.map((name) => ({ name, dataType: typeOf.get(name.toLowerCase()) })),
      index.unique === true,
    ),
  }));
}
