import type { ColumnDef, Relation } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import type { OnSchemaChange } from './incremental-config';

export interface SchemaChange {
  /** Columns of the new data that the target lacks. */
  readonly added: readonly ColumnDef[];
  /** Columns of the target that the new data lacks. */
  readonly removed: readonly ColumnDef[];
}

/** Column names compare case-insensitively, as both engines treat them. */
export function diffColumns(target: readonly ColumnDef[], incoming: readonly ColumnDef[]): SchemaChange {
  const has = (list: readonly ColumnDef[], c: ColumnDef): boolean =>
    list.some((x) => x.name.toLowerCase() === c.name.toLowerCase());
  return {
    added: incoming.filter((c) => !has(target, c)),
    removed: target.filter((c) => !has(incoming, c)),
  };
}

export interface SchemaChangeResolution {
  readonly addColumns: readonly ColumnDef[];
  /** Columns written by the insert, in the target's order (then the added ones). */
  readonly insertColumns: readonly string[];
}

/**
 * dbt's on_schema_change: `ignore` writes the shared columns only, `fail` stops on any difference,
 * `append_new_columns` adds the new columns first (columns the new data lacks are left NULL).
 */
export function resolveSchemaChange(
  mode: OnSchemaChange,
  target: readonly ColumnDef[],
  incoming: readonly ColumnDef[],
  relation: Relation,
  file?: string,
): SchemaChangeResolution {
  const change = diffColumns(target, incoming);
  const shared = target.filter((c) => !change.removed.includes(c)).map((c) => c.name);
  const different = change.added.length > 0 || change.removed.length > 0;
  if (mode === 'fail' && different) {
    const names = (l: readonly ColumnDef[]): string => (l.length ? l.map((c) => c.name).join(', ') : 'none');
    throw new TbError(
      ErrorCodes.database,
      `the columns of ${relation.schema}.${relation.name} and of its new data differ ` +
        `(new: ${names(change.added)}; missing: ${names(change.removed)}), and on_schema_change is 'fail'`,
      { file, hint: "rebuild with --full-refresh, or set on_schema_change: 'append_new_columns'" },
    );
  }
  if (mode === 'append_new_columns') {
    return { addColumns: change.added, insertColumns: [...shared, ...change.added.map((c) => c.name)] };
  }
  return { addColumns: [], insertColumns: shared };
}
