import type { Relation } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import type { CompiledNode, ExecutableNode, NodeConfig, RuntimeState } from '../core/types';
import { planMaterialization } from '../materialize/plan-materialization';
import { keptRelation } from '../materialize/relation-names';
import type { MaterializationPlan, Statement } from '../materialize/statement';
import { databaseError } from './database-error';
import { executePlan } from './execute-plan';
import { formatNodeFinished, formatNodeStarted } from './format-node-line';
import type { RunContext } from './run-context';
import { upstreamSchemas } from './run-graph';
import type { NodeResult, TimingEntry } from './run-types';
import { RunCancelled, StatementFailure, runStatements } from './statement-runner';
import { grantStatements } from '../grants/grant-statements';

/** The message of a node stopped by the run's abort. */
export const CANCELLED = 'cancelled';

/** Compiles, plans and builds one model; never throws: every failure becomes the node's error result. */
export async function executeModel(ctx: RunContext, uniqueId: string, thread: number): Promise<NodeResult> {
  const node = ctx.options.manifest.nodes[uniqueId];
  const index = ctx.nextIndex();
  const materialized = String(node.config.materialized);
  const planned: Relation = { schema: node.schema, name: node.alias };
  ctx.logger.info('node_started', formatNodeStarted(index, ctx.total, materialized, display(planned)), {
    unique_id: uniqueId,
    index,
    total: ctx.total,
    materialized,
    relation: display(planned),
    thread,
  });
  const clock = ctx.clock.child();
  const begin = performance.now();
  const timing: TimingEntry[] = [];
  let compiled: CompiledNode | undefined;
  let plan: MaterializationPlan | undefined;
  let result: NodeResult;
  try {
    [compiled, plan] = compileAndPlan(ctx, node, timing);
    for (const w of plan.warnings) ctx.logger.warn(w.event, w.message, { unique_id: uniqueId });
    const scope = { ...ctx, clock, uniqueId };
    const execStart = new Date().toISOString();
    const { rows, deferred } = await executePlan(scope, plan);
    const grants = grantsFor(ctx, compiled, plan);
    if (deferred && ctx.layer) {
      // Grants need the published table: they run after the layer's swap.
      ctx.layer.defer(uniqueId, { ...deferred, after: [...deferred.after, ...grants] });
      ctx.cache.set(deferred.temp, 'table');
    } else {
      await runStatements(scope, grants);
      updateCache(ctx, plan);
    }
    timing.push({ name: 'execute', startedAt: execStart, completedAt: new Date().toISOString() });
    result = {
      uniqueId,
      status: 'success',
      message: rows === undefined ? plan.action : `${plan.action}: ${rows} rows`,
      rowsAffected: rows,
      materialized: plan.materialized,
      ...common(),
    };
  } catch (err) {
    if (plan)
      await ctx.cache
        .refresh(ctx.adapter, [plan.relation, ...plan.temporaries], clock)
        .catch(() => undefined);
    const error = toTbError(err, node, compiled);
    result = {
      uniqueId,
      status: 'error',
      message: err instanceof RunCancelled ? CANCELLED : error.message,
      error: err instanceof RunCancelled ? undefined : error,
      materialized: plan?.materialized ?? materialized,
      ...common(),
    };
  }
  logFinished(ctx, result, plan);
  return result;

  function common() {
    return {
      timing,
      executionTimeMs: performance.now() - begin,
      dbTimeMs: clock.ms,
      compiledSql: compiled?.compiledSql,
      relation: compiled?.relation ?? planned,
      index,
      thread,
    };
  }
}

/**
 * Compiles with the runtime flags the plan will then follow. `is_incremental()` must agree with what the
 * planner builds, or a filtered SELECT would become the whole table: when the runtime config (alias,
 * full_refresh) changes the answer, the node is compiled again with the right one.
 */
function compileAndPlan(
  ctx: RunContext,
  node: ExecutableNode,
  timing: TimingEntry[],
): [CompiledNode, MaterializationPlan] {
  const planned = incrementalRun(ctx, node, node.config, { schema: node.schema, name: node.alias });
  let compiled = timed(timing, 'compile', () => ctx.options.compiler.compile(node.uniqueId, planned));
  const actual = incrementalRun(ctx, node, compiled.config, compiled.relation);
  if (actual.isIncremental !== planned.isIncremental) {
    compiled = timed(timing, 'compile', () => ctx.options.compiler.compile(node.uniqueId, actual));
  }
  const relation = compiled.relation;
  const leftovers = [ctx.names.temp(relation), ctx.names.backup(relation)]
    .map((r) => ctx.cache.get(r))
    .filter((r) => r !== undefined);
  const runId = ctx.options.backupRunId;
  const state = {
    existing: ctx.cache.get(relation),
    leftovers,
    isIncremental: actual.isIncremental,
    upstreamSchemas: upstreamSchemas(ctx.options.manifest, node.uniqueId),
    keepPrevious: runId
      ? keptRelation(relation, runId, ctx.adapter.capabilities.maxIdentifierLength)
      : undefined,
    deferSwap: ctx.layer !== undefined,
  };
  return [compiled, planMaterialization(compiled, state, ctx.adapter.dialect, ctx.names)];
}

function incrementalRun(
  ctx: RunContext,
  node: ExecutableNode,
  config: NodeConfig,
  relation: Relation,
): RuntimeState {
  const fullRefresh =
    typeof config.full_refresh === 'boolean' ? config.full_refresh : (ctx.options.fullRefresh ?? false);
  const isIncremental =
    config.materialized === 'incremental' && ctx.cache.get(relation)?.kind === 'table' && !fullRefresh;
  // A view binds names when it is queried: it must name the live tables, not temporaries about to vanish.
  if (!ctx.layer || node.config.materialized === 'view') return { isIncremental, fullRefresh };
  return { isIncremental, fullRefresh, relationOverrides: ctx.layer.overrides() };
}

/** `grants:` for after the build and swap, on the built relation (SQLite: none, with a debug line). */
function grantsFor(ctx: RunContext, compiled: CompiledNode, plan: MaterializationPlan): Statement[] {
  const grants = compiled.config.grants;
  if (grants === undefined) return [];
  const statements = grantStatements(
    grants,
    plan.relation,
    ctx.adapter.dialect,
    compiled.node.originalFilePath,
  );
  if (statements.length === 0) {
    ctx.logger.debug(
      'grants_skipped',
      `${display(plan.relation)}: ${ctx.adapter.capabilities.type} has no grants`,
      {
        unique_id: compiled.node.uniqueId,
      },
    );
  }
  return statements;
}

function updateCache(ctx: RunContext, plan: MaterializationPlan): void {
  for (const t of plan.temporaries) ctx.cache.delete(t);
  ctx.cache.set(plan.relation, plan.relationKind);
}

function toTbError(err: unknown, node: ExecutableNode, compiled: CompiledNode | undefined): TbError {
  if (err instanceof StatementFailure)
    return databaseError(node, err.statement, err.dbError, compiled?.compiledSql);
  if (err instanceof TbError) return err;
  if (err instanceof RunCancelled)
    return new TbError(ErrorCodes.database, CANCELLED, { file: node.originalFilePath });
  const message = err instanceof Error ? err.message : String(err);
  return new TbError(ErrorCodes.internal, `${node.uniqueId}: ${message}`, {
    file: node.originalFilePath,
    cause: err,
  });
}

function timed<T>(timing: TimingEntry[], name: 'compile' | 'execute', fn: () => T): T {
  const startedAt = new Date().toISOString();
  const value = fn();
  timing.push({ name, startedAt, completedAt: new Date().toISOString() });
  return value;
}

export function display(r: Relation): string {
  return `${r.schema}.${r.name}`;
}

function logFinished(ctx: RunContext, r: NodeResult, plan: MaterializationPlan | undefined): void {
  const line = formatNodeFinished(
    {
      index: r.index ?? 0,
      total: ctx.total,
      status: r.status,
      action: r.status === 'success' ? (plan?.action ?? '') : (r.materialized ?? ''),
      relation:
        (r.relation ? display(r.relation) : r.uniqueId) +
        (r.status === 'success' && ctx.layer?.isDeferred(r.uniqueId) ? ' (publishing with its layer)' : ''),
      ms: r.executionTimeMs,
      rows: r.rowsAffected,
    },
    ctx.color,
  );
  const data = {
    unique_id: r.uniqueId,
    status: r.status,
    index: r.index,
    total: ctx.total,
    relation: r.relation ? display(r.relation) : undefined,
    materialized: r.materialized,
    rows: r.rowsAffected,
    execution_time: r.executionTimeMs / 1000,
    db_time: r.dbTimeMs / 1000,
    message: r.message,
    thread: r.thread,
    ...(r.error ? { error_code: r.error.code, file: r.error.file } : {}),
  };
  if (r.status === 'error') ctx.logger.error('node_finished', line, data);
  else ctx.logger.info('node_finished', line, data);
}
