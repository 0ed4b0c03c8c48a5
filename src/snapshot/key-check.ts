import type { SqlDialect } from '../adapters/sql-dialect';
import type { Relation } from '../core/types';

export interface KeyCheckQueries {
  /** Up to three duplicated keys with their counts (`n`). */
  readonly duplicates: string;
  /** `n`: rows whose key has a NULL part. */
  readonly nullKeys: string;
}

/**
 * dbt trusts `unique_key`; tb checks it on the staged SELECT, because a duplicated key makes the merge
 * close one version twice and a NULL key looks like a new row on every run.
 */
export function keyCheckQueries(
  dialect: SqlDialect,
  source: Relation,
  keys: readonly string[],
): KeyCheckQueries {
  const list = keys.map((k) => dialect.quoteIdentifier(k)).join(', ');
  const rel = dialect.quoteRelation(source);
  return {
    duplicates: `SELECT ${list}, COUNT(*) AS n FROM ${rel} GROUP BY ${list} HAVING COUNT(*) > 1 ORDER BY ${list} LIMIT 3`,
    nullKeys: `SELECT COUNT(*) AS n FROM ${rel} WHERE ${keys.map((k) => `${dialect.quoteIdentifier(k)} IS NULL`).join(' OR ')}`,
  };
}
