import type { CompiledNode, IndexConfig } from '../core/types';
import type { PlanContext, PlanState } from './plan-context';
import { dropLeftovers, hookStatements, lineOf, selectSql } from './plan-context';
import { collectIndexes, indexStatements } from './plan-indexes';
import { swapParts, swapStatements, type SwapInput } from './plan-swap';
import type {
  DeferredSwap,
  FinishStep,
  IntrospectedColumns,
  MaterializationPlan,
  PlanWarning,
  Statement,
} from './statement';

export interface TableOptions {
  readonly materialized?: 'table' | 'incremental';
  readonly action?: string;
  /** Indexes the materialization needs besides the configured ones (merge: a unique index on the key). */
  readonly extraIndexes?: readonly IndexConfig[];
  readonly warnings?: readonly PlanWarning[];
  /** Return the swap as data (`finish.publish`) instead of running it (`PlanState.deferSwap`). */
  readonly defer?: boolean;
}

/**
 * Builds the SELECT into a temporary table, then swaps it in. A failure before the swap leaves the old
 * table untouched; `cleanup` drops the temporary. Indexes exist before readers see the table: on the
 * temporary before a MySQL RENAME, inside the swap transaction on SQLite (where index names are
 * per schema, so the new index can only take its name once the old table is dropped).
 */
export function planTable(
  compiled: CompiledNode,
  state: PlanState,
  ctx: PlanContext,
  options: TableOptions = {},
): MaterializationPlan {
  const { dialect, names } = ctx;
  const target = compiled.relation;
  const temp = names.temp(target);
  const backup = names.backup(target);
  const select = selectSql(compiled);
  const create = dialect.createTableAs(temp, select);
  const indexes = collectIndexes(compiled.config.indexes, options.extraIndexes ?? []);
  const transactional = dialect.capabilities.transactionalDdl;
  const keep = state.existing?.kind === 'table' ? state.keepPrevious : undefined;
  // Where index names are per schema (SQLite), the kept table still holds the names the new indexes take.
  const freeNames: Statement[] =
    keep && transactional && dialect.dropIndex
      ? indexes.map((i) => ({
          sql: dialect.dropIndex!(target.schema, names.index(target, i)),
          role: 'index',
        }))
      : [];
  const statements: Statement[] = [
    ...hookStatements(compiled.preHooks, 'pre_hook'),
    ...dropLeftovers(state, ctx),
    { sql: create, role: 'build', compiledSqlLine: lineOf(create, select) },
    { sql: dialect.countRows(temp), role: 'count', rows: 'count' },
  ];
  const cleanup: Statement[] = [
    { sql: dialect.dropTable(temp), role: 'cleanup' },
    { sql: dialect.dropTable(backup), role: 'cleanup' },
  ];
  const swapInput = (columns: IntrospectedColumns): SwapInput => ({
    target,
    temp,
    backup,
    existing: state.existing?.kind,
    incoming: 'table',
    keep,
    alongside: transactional
      ? [...freeNames, ...indexStatements(ctx, target, target, indexes, columns.temp)]
      : [],
  });
  const beforeSwap = (columns: IntrospectedColumns): Statement[] =>
    transactional ? [] : indexStatements(ctx, target, temp, indexes, columns.temp);
  const postHooks = hookStatements(compiled.postHooks, 'post_hook');
  const introspect = { target: false, temp: indexes.length > 0 && dialect.indexNeedsColumnTypes };
  const finish: FinishStep = options.defer
    ? {
        introspect,
        plan: beforeSwap,
        publish: (columns) => deferredSwap(ctx, swapInput(columns), postHooks, cleanup),
      }
    : {
        introspect,
        plan: (columns) => [
          ...beforeSwap(columns),
          ...swapStatements(dialect, swapInput(columns)),
          ...postHooks,
        ],
      };
  return {
    materialized: options.materialized ?? 'table',
    relation: target,
    relationKind: 'table',
    action: options.action ?? (options.defer ? 'built table' : 'created table'),
    statements,
    finish,
    cleanup,
    temp,
    temporaries: [temp, backup],
    warnings: options.warnings ?? [],
  };
}

function deferredSwap(
  ctx: PlanContext,
  input: SwapInput,
  after: readonly Statement[],
  discard: readonly Statement[],
): DeferredSwap {
  const parts = swapParts(ctx.dialect, input);
  const swap = (sql: string): Statement => ({ sql, role: 'swap' });
  return {
    relation: input.target,
    temp: input.temp,
    before: parts.before.map(swap),
    renames: parts.renames,
    replaced: parts.replaced.map(swap),
    alongside: input.alongside ?? [],
    after,
    discard,
    temporaries: [input.temp, input.backup],
  };
}
