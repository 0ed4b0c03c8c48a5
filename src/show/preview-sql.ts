/** No limit at all, as dbt's `--limit -1`. */
export const NO_LIMIT = -1;

/** dbt's default `--limit`. */
export const DEFAULT_PREVIEW_LIMIT = 5;

/**
 * The preview query: the node's SELECT as a derived table, limited. Nothing is materialized. The closing
 * parenthesis goes on its own line so that a trailing `-- comment` in the model cannot swallow it.
 * Note that MySQL/MariaDB may ignore an ORDER BY inside a derived table that has no LIMIT of its own.
 * @see https://mariadb.com/kb/en/why-is-order-by-in-a-from-subquery-ignored/
 */
export function previewSql(compiledSql: string, limit: number): string {
  const body = compiledSql.replace(/[\s;]+$/, '');
  if (limit === NO_LIMIT) return body;
  return `select * from (\n${body}\n) tb_preview limit ${limit}`;
}
