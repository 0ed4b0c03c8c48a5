import type { Relation } from '../adapters/adapter';
import type { SqlDialect, TableRename } from '../adapters/sql-dialect';
import type { RelationKind, Statement } from './statement';

export const SWAP_UNIT = 'swap';

export interface SwapInput {
  readonly target: Relation;
  /** The freshly built relation (a table, or on MySQL a view) that takes the target's name. */
  readonly temp: Relation;
  readonly backup: Relation;
  /** What the target is now, if it exists. */
  readonly existing?: RelationKind;
  /** Kind of the relation being swapped in. */
  readonly incoming: RelationKind;
  /** Statements that must land with the swap (SQLite: the indexes, see planTable). */
  readonly alongside?: readonly Statement[];
  /** A replaced table is renamed to this instead of being dropped (backups); views are still dropped. */
  readonly keep?: Relation;
}

/** A swap in three parts, so that several tables' renames can be rendered as one statement. */
export interface SwapParts {
  readonly before: readonly string[];
  readonly renames: readonly TableRename[];
  readonly replaced: readonly string[];
}

/**
 * Puts `temp` in place of `target` so that a reader sees the old relation or the new one, never neither:
 * one multi-table RENAME where the engine has it (MySQL), else renames inside one transaction (SQLite).
 * What it replaced is dropped last, inside the same unit, unless `keep` names where it stays.
 */
export function swapStatements(dialect: SqlDialect, input: SwapInput): Statement[] {
  const parts = swapParts(dialect, input);
  const sqls = [...parts.before, ...dialect.renameTables(parts.renames), ...parts.replaced];
  const swap = sqls.map((sql): Statement => ({ sql, role: 'swap', unit: SWAP_UNIT }));
  const alongside = (input.alongside ?? []).map((s): Statement => ({ ...s, unit: SWAP_UNIT }));
  return [...swap, ...alongside];
}

export function swapParts(dialect: SqlDialect, input: SwapInput): SwapParts {
  const { target, temp, backup, existing } = input;
  const into: TableRename = { from: temp, to: target.name };
  if (existing === undefined) return { before: [], renames: [into], replaced: [] };
  if (existing === 'view' && dialect.capabilities.transactionalDdl) {
    // SQLite cannot rename a view; dropping it inside the transaction is just as invisible to readers.
    return { before: [dialect.dropView(target)], renames: [into], replaced: [] };
  }
  if (existing === 'table' && input.keep) {
    // The same one RENAME (MySQL) or transaction (SQLite), with the old table moved aside for good.
    return { before: [], renames: [{ from: target, to: input.keep.name }, into], replaced: [] };
  }
  const drop = existing === 'view' ? dialect.dropView(backup) : dialect.dropTable(backup);
  return { before: [], renames: [{ from: target, to: backup.name }, into], replaced: [drop] };
}
