import { createHash } from 'node:crypto';
import type { RelationKind } from '../adapters/adapter';
import type { SqlDialect } from '../adapters/sql-dialect';
import type { Relation } from '../core/types';

export const TMP_SUFFIX = '__tb_tmp';
export const OLD_SUFFIX = '__tb_old';

/** `<name><suffix>`, shortened with a hash of the name when it would pass the engine's identifier limit. */
export function suffixedName(name: string, suffix: string, maxLength: number): string {
  if (name.length + suffix.length <= maxLength) return name + suffix;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, maxLength - suffix.length - hash.length - 1)}_${hash}${suffix}`;
}

export interface SwapNames {
  readonly tmp: Relation;
  readonly old: Relation;
}

export function swapNames(relation: Relation, maxIdentifierLength: number): SwapNames {
  const at = (suffix: string): Relation => ({
    schema: relation.schema,
    name: suffixedName(relation.name, suffix, maxIdentifierLength),
  });
  return { tmp: at(TMP_SUFFIX), old: at(OLD_SUFFIX) };
}

/**
 * The statements that put `tmp` in place of `target`, for adapter.executeAtomically: MySQL renames both in one
 * atomic RENAME TABLE, SQLite renames inside one transaction. A view of the same name is dropped first.
 */
export function swapStatements(
  dialect: SqlDialect,
  target: Relation,
  names: SwapNames,
  existing: RelationKind | undefined,
): string[] {
  const intoPlace = { from: names.tmp, to: target.name };
  if (existing === 'table') {
    return [
      ...dialect.renameTables([{ from: target, to: names.old.name }, intoPlace]),
      dialect.dropTable(names.old),
    ];
  }
  if (existing === 'view') return [dialect.dropView(target), ...dialect.renameTables([intoPlace])];
  return dialect.renameTables([intoPlace]);
}
