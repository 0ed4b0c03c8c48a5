import type { Relation } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import type { CompiledNode } from '../core/types';
import type { IncrementalConfig } from './incremental-config';
import { incrementalConfig } from './incremental-config';
import type { PlanContext, PlanState } from './plan-context';
import { dropLeftovers, hookStatements, lineOf, selectSql } from './plan-context';
import { planTable } from './plan-table';
import { resolveSchemaChange } from './schema-change';
import type { IntrospectedColumns, MaterializationPlan, Statement } from './statement';

/**
 * First run or --full-refresh: a table build (merge adds a unique index on the key, which both upserts
 * need). Later runs: the new rows go to a temporary table, the runner reads both column lists, then the
 * schema change is applied and the strategy's statements move the rows in.
 */
export function planIncremental(
  compiled: CompiledNode,
  state: PlanState,
  ctx: PlanContext,
): MaterializationPlan {
  const file = compiled.node.originalFilePath;
  const inc = incrementalConfig(compiled.config, file);
  if (!state.isIncremental) {
    const extraIndexes = inc.strategy === 'merge' ? [{ columns: inc.uniqueKey, unique: true }] : [];
    return planTable(compiled, state, ctx, {
      materialized: 'incremental',
      action: 'created incremental',
      extraIndexes,
    });
  }
  const { dialect, names } = ctx;
  const target = compiled.relation;
  const temp = names.temp(target);
  const select = selectSql(compiled);
  const create = dialect.createTableAs(temp, select);
  return {
    materialized: 'incremental',
    relation: target,
    relationKind: 'table',
    action: `${inc.strategy === 'merge' ? 'merged' : 'inserted'} into incremental`,
    statements: [
      ...hookStatements(compiled.preHooks, 'pre_hook'),
      ...dropLeftovers(state, ctx),
      { sql: create, role: 'build', compiledSqlLine: lineOf(create, select) },
      { sql: dialect.countRows(temp), role: 'count', rows: 'count' },
    ],
    finish: {
      introspect: { target: true, temp: true },
      plan: (columns) => [
        ...applyStatements(ctx, inc, target, temp, columns, file),
        { sql: dialect.dropTable(temp), role: 'cleanup' },
        ...hookStatements(compiled.postHooks, 'post_hook'),
      ],
    },
    cleanup: [{ sql: dialect.dropTable(temp), role: 'cleanup' }],
    temp,
    temporaries: [temp],
    warnings: [],
  };
}

function applyStatements(
  ctx: PlanContext,
  inc: IncrementalConfig,
  target: Relation,
  temp: Relation,
  columns: IntrospectedColumns,
  file: string,
): Statement[] {
  const { dialect } = ctx;
  const resolution = resolveSchemaChange(
    inc.onSchemaChange,
    columns.target ?? [],
    columns.temp ?? [],
    target,
    file,
  );
  const lower = new Set(resolution.insertColumns.map((c) => c.toLowerCase()));
  const missingKeys = inc.uniqueKey.filter((k) => !lower.has(k.toLowerCase()));
  if (missingKeys.length > 0) {
    throw new TbError(
      ErrorCodes.configInvalidValue,
      `unique_key column${missingKeys.length > 1 ? 's' : ''} ${missingKeys.join(', ')} ` +
        `must be in both ${target.schema}.${target.name} and the model's SELECT`,
      { file },
    );
  }
  const out: Statement[] = resolution.addColumns.map((c) => ({
    sql: dialect.addColumn(target, c),
    role: 'schema_change' as const,
  }));
  const cols = resolution.insertColumns;
  if (inc.strategy === 'delete+insert') {
    out.push({ sql: dialect.deleteMatching(target, temp, inc.uniqueKey), role: 'delete' });
  }
  const insert =
    inc.strategy === 'merge'
      ? dialect.upsert(target, cols, inc.uniqueKey, temp)
      : dialect.insertSelect(target, cols, temp);
  out.push({ sql: insert, role: 'insert' });
  return out;
}
