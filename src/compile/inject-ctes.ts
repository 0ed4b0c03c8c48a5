/**
 * Prepends ephemeral models as CTEs. A query that already starts with WITH gets them added to its list,
 * since `with a as (...) with b as (...)` is not SQL.
 */
export function injectCtes(sql: string, ctes: readonly { name: string; sql: string }[]): string {
  if (ctes.length === 0) return sql;
  const defs = ctes.map((c) => `${c.name} as (\n${c.sql}\n)`).join(',\n');
  const lead = /^(\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*)with\s+(recursive\s+)?/i.exec(sql);
  if (lead) {
    const rest = sql.slice(lead[0].length);
    return `${lead[1]}with ${lead[2] ?? ''}${defs},\n${rest}`;
  }
  return `with ${defs}\n${sql}`;
}
