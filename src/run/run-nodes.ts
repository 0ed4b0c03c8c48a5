import { ErrorCodes, TbError } from '../core/errors';
import { defaultRelationNamer } from '../materialize/relation-names';
import { DbClock } from './db-clock';
import { CANCELLED, display } from './execute-model';
import { describeTasks, executeNode } from './execute-node';
import { formatTestFailures } from './format-test-failures';
import { formatNodeFinished } from './format-node-line';
import { LayerPublish, settleLayer } from './layer-publish';
import { countResults, formatCompletion, formatCounts, formatFinished } from './format-summary';
import { RelationCache } from './relation-cache';
import type { RunContext } from './run-context';
import { runTasks } from './run-graph';
import { runProjectHooks } from './run-hooks';
import type { HookResult, NodeResult, RunOptions, RunResult } from './run-types';
import type { SkipCause } from './scheduler';
import { runScheduled } from './scheduler';
import { SessionRegistry } from './session-registry';

/**
 * `tb run`, `seed`, `test`, `snapshot` and `build` as a library call: runs the selected nodes of
 * `options.resourceTypes` in DAG order, `threads` at a time, critical path first, one executor per resource
 * type. A failing node skips its descendants; independent branches go on. Aborting `options.signal`
 * cancels running statements, drops temporaries and skips what has not started. Never throws for a node's
 * failure (it is in the results); throws a TbError when the run cannot start.
 */
export async function runNodes(options: RunOptions): Promise<RunResult> {
  const startedAt = new Date().toISOString();
  const begin = performance.now();
  const { adapter, logger } = options;
  const caps = adapter.capabilities;
  const tasks = runTasks(options.manifest, options.select, options);
  const threads = caps.parallelWrites
    ? Math.max(1, options.threads ?? adapter.target.threads ?? caps.defaultThreads)
    : 1;
  const controller = new AbortController();
  let stop: { reason: 'signal' } | { reason: 'fail-fast'; failed: string } | undefined;
  const onAbort = (): void => {
    stop ??= { reason: 'signal' };
    controller.abort();
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const clock = new DbClock();
  const nodes = options.manifest.nodes;
  let position = 0;
  try {
    logger.info(
      'run_started',
      `Running ${describeTasks(tasks.map((t) => nodes[t.id]))} with ${threads} thread${threads === 1 ? '' : 's'}`,
      {
        nodes: tasks.length,
        threads,
        adapter: caps.type,
      },
    );
    // Tests only read (store_failures makes its own audit schema).
    const schemas = [
      ...new Set(tasks.filter((t) => nodes[t.id].resourceType !== 'test').map((t) => nodes[t.id].schema)),
    ].sort();
    await setUp(adapter, schemas, clock);
    const ctx: RunContext = {
      options,
      adapter,
      logger,
      cache: await RelationCache.load(adapter, schemas, clock),
      sessions: new SessionRegistry(adapter, controller.signal),
      signal: controller.signal,
      clock,
      names: options.names ?? defaultRelationNamer(caps.maxIdentifierLength),
      layer: options.publishTogether ? new LayerPublish() : undefined,
      total: tasks.length,
      description: describeTasks(tasks.map((t) => nodes[t.id])),
      color: logger.interactive,
      nextIndex: () => ++position,
    };
    const hooks: HookResult[] = await runProjectHooks(ctx, 'on-run-start', options.hooks?.onRunStart ?? []);
    const startFailed = hooks.some((h) => h.status === 'error');
    const results = new Map<string, NodeResult>();
    const skip = (id: string, cause: SkipCause | { kind: 'hook' }): void => {
      results.set(id, skipped(ctx, id, cause, stop));
    };
    if (startFailed) {
      for (const t of tasks) skip(t.id, { kind: 'hook' });
    } else {
      await runScheduled(
        tasks,
        threads,
        {
          run: async (id, slot) => {
            const r = await executeNode(ctx, id, slot);
            results.set(id, r);
            if ((r.status === 'error' || r.status === 'fail') && options.failFast && !stop) {
              stop = { reason: 'fail-fast', failed: id };
              controller.abort();
            }
            if (r.status !== 'error' && r.status !== 'fail') return 'success';
            return r.message === CANCELLED ? 'cancelled' : 'failure';
          },
          skip,
        },
        () => controller.signal.aborted,
      );
      const built = tasks.map((t) => results.get(t.id)).filter((r) => r !== undefined);
      for (const r of await settleLayer(ctx, built, stop !== undefined)) results.set(r.uniqueId, r);
      if (stop?.reason !== 'signal') {
        hooks.push(...(await runProjectHooks(ctx, 'on-run-end', options.hooks?.onRunEnd ?? [])));
      }
    }
    const ordered = tasks.map((t) => results.get(t.id)).filter((r) => r !== undefined);
    return finishRun(ctx, ordered, hooks, startedAt, performance.now() - begin, stop?.reason === 'signal');
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function setUp(
  adapter: RunOptions['adapter'],
  schemas: readonly string[],
  clock: DbClock,
): Promise<void> {
  try {
    for (const schema of schemas) await clock.time(() => adapter.ensureSchema(schema));
  } catch (err) {
    if (err instanceof TbError) throw err;
    throw new TbError(ErrorCodes.connection, `cannot prepare the schemas: ${(err as Error).message}`, {
      cause: err,
      hint: 'check the connection with `tb debug`',
    });
  }
}

function skipped(
  ctx: RunContext,
  id: string,
  cause: SkipCause | { kind: 'hook' },
  stop: { reason: string; failed?: string } | undefined,
): NodeResult {
  const node = ctx.options.manifest.nodes[id];
  const relation = { schema: node.schema, name: node.alias };
  let message: string;
  if (cause.kind === 'upstream') message = `skipped: upstream ${cause.failed} failed`;
  else if (cause.kind === 'hook') message = 'skipped: an on-run-start hook failed';
  else if (stop?.reason === 'fail-fast') message = `skipped: --fail-fast after ${stop.failed} failed`;
  else message = 'skipped: the run was interrupted';
  const index = ctx.nextIndex();
  const result: NodeResult = {
    uniqueId: id,
    status: 'skipped',
    message,
    timing: [],
    executionTimeMs: 0,
    dbTimeMs: 0,
    relation,
    materialized: String(node.config.materialized),
    index,
  };
  const line = formatNodeFinished(
    {
      index,
      total: ctx.total,
      status: 'skipped',
      action: result.materialized ?? '',
      relation: node.resourceType === 'test' ? node.name : display(relation),
    },
    ctx.color,
  );
  const data = {
    unique_id: id,
    status: 'skipped',
    index,
    total: ctx.total,
    relation: display(relation),
    message,
  };
  // After Ctrl-C, a line per untouched model is noise; the summary counts them.
  if (cause.kind === 'stopped') ctx.logger.debug('node_finished', line, data);
  else ctx.logger.info('node_finished', `${line}\n  ${message}`, data);
  return result;
}

function finishRun(
  ctx: RunContext,
  results: NodeResult[],
  hooks: HookResult[],
  startedAt: string,
  elapsedMs: number,
  interrupted: boolean,
): RunResult {
  const { logger, color } = ctx;
  const counts = countResults(results);
  const hookFailed = hooks.some((h) => h.status === 'error');
  logger.info('run_completed', formatFinished(counts.total, elapsedMs, interrupted, ctx.description), {});
  logger.info('run_completion', formatCompletion(counts, color), {});
  for (const block of formatTestFailures(ctx.options.manifest.nodes, results)) {
    logger.warn('test_failure', block.text, block.data);
  }
  for (const r of results) {
    if (r.error)
      logger.error('run_error', r.error.format(), { unique_id: r.uniqueId, error_code: r.error.code });
  }
  const success = counts.error === 0 && !interrupted && !hookFailed;
  logger.info('run_finished', formatCounts(counts, color), {
    pass: counts.pass,
    warn: counts.warn,
    error: counts.error,
    skip: counts.skip,
    total: counts.total,
    elapsed_time: elapsedMs / 1000,
    db_time: ctx.clock.ms / 1000,
    interrupted,
    success,
  });
  return { results, hooks, counts, startedAt, elapsedMs, dbTimeMs: ctx.clock.ms, interrupted, success };
}
