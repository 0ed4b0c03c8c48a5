import type { CompiledNode } from '../core/types';
import type { PlanContext, PlanState } from './plan-context';
import { dropLeftovers, hookStatements, lineOf, selectSql } from './plan-context';
import { swapStatements } from './plan-swap';
import type { MaterializationPlan, Statement } from './statement';

const VIEW_UNIT = 'view';

/**
 * Creates or replaces the view without a moment where the name is missing:
 * - no table in the way: CREATE OR REPLACE VIEW (MySQL), or DROP VIEW + CREATE VIEW in one transaction;
 * - a table in the way: DROP TABLE + CREATE VIEW in one transaction where DDL is transactional, else the
 *   view is created under the temporary name and swapped in with one RENAME (MySQL renames views too).
 */
export function planView(compiled: CompiledNode, state: PlanState, ctx: PlanContext): MaterializationPlan {
  const { dialect, names } = ctx;
  const caps = dialect.capabilities;
  const target = compiled.relation;
  const select = selectSql(compiled);
  const existing = state.existing?.kind;
  const temp = names.temp(target);
  const backup = names.backup(target);
  const build = (sql: string, unit?: string): Statement => ({
    sql,
    role: 'build',
    compiledSqlLine: lineOf(sql, select),
    ...(unit ? { unit } : {}),
  });
  let body: Statement[];
  let cleanup: Statement[] = [];
  if (existing !== 'table' && caps.createOrReplaceView) {
    body = [build(dialect.createView(target, select, true))];
  } else if (caps.transactionalDdl) {
    const drop = existing === 'table' ? dialect.dropTable(target) : dialect.dropView(target);
    body = [
      { sql: drop, role: 'prepare', unit: VIEW_UNIT },
      build(dialect.createView(target, select, false), VIEW_UNIT),
    ];
  } else {
    body = [
      build(dialect.createView(temp, select, false)),
      ...swapStatements(dialect, { target, temp, backup, existing, incoming: 'view' }),
    ];
    cleanup = [
      { sql: dialect.dropView(temp), role: 'cleanup' },
      { sql: dialect.dropTable(backup), role: 'cleanup' },
    ];
  }
  return {
    materialized: 'view',
    relation: target,
    relationKind: 'view',
    action: 'created view',
    statements: [
      ...hookStatements(compiled.preHooks, 'pre_hook'),
      ...dropLeftovers(state, ctx),
      ...body,
      ...hookStatements(compiled.postHooks, 'post_hook'),
    ],
    cleanup,
    temporaries: cleanup.length > 0 ? [temp, backup] : [],
    warnings: [],
  };
}
