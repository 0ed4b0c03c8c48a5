import type { Knex } from 'knex';

/**
 * knex treats every `?` as a placeholder once a bindings array is given, even an empty one, so SQL with a
 * literal '?' (a string, a JSON path) must go without bindings.
 */
export function rawQuery(knex: Knex, sql: string, bindings: readonly unknown[] = []): Knex.Raw {
  return bindings.length > 0 ? knex.raw(sql, bindings as Knex.RawBinding[]) : knex.raw(sql);
}
