import type { SqlDialect } from '../adapters/sql-dialect';
import type { SourceNode } from '../core/types';

/**
 * dbt's collect_freshness: `loaded_at_field` is an expression (a column, or e.g. a conversion of one), so it
 * goes in unquoted, as does `filter`.
 */
export function freshnessQuery(dialect: SqlDialect, source: SourceNode): string {
  const where = source.freshness?.filter ? `\nWHERE ${source.freshness.filter}` : '';
  const relation = dialect.quoteRelation({ schema: source.schema, name: source.identifier });
  return `SELECT MAX(${source.loadedAtField}) AS max_loaded_at\nFROM ${relation}${where}`;
}
