import { ErrorCodes, TbError } from '../core/errors';
import type { CompiledNode } from '../core/types';
import { runSnapshot } from '../snapshot/run-snapshot';
import { display } from './execute-model';
import { formatNodeFinished, formatNodeStarted } from './format-node-line';
import { resultBase } from './node-result-base';
import type { RunContext } from './run-context';
import type { NodeResult } from './run-types';

/** Runs one snapshot (SCD type 2) as a node of the DAG; never throws. */
export async function executeSnapshot(
  ctx: RunContext,
  uniqueId: string,
  thread: number,
): Promise<NodeResult> {
  const node = ctx.options.manifest.nodes[uniqueId];
  const relation = { schema: node.schema, name: node.alias };
  const index = ctx.nextIndex();
  ctx.logger.info('node_started', formatNodeStarted(index, ctx.total, 'snapshot', display(relation)), {
    unique_id: uniqueId,
    index,
    total: ctx.total,
    resource_type: 'snapshot',
    relation: display(relation),
    thread,
  });
  const begin = performance.now();
  const startedAt = new Date().toISOString();
  const clock = ctx.clock.child();
  let compiled: CompiledNode | undefined;
  let result: NodeResult;
  try {
    compiled = ctx.options.compiler.compile(uniqueId, { isIncremental: false, fullRefresh: false });
    const done = await clock.time(() =>
      runSnapshot(ctx.adapter, compiled as CompiledNode, { logger: ctx.logger }),
    );
    ctx.cache.set(done.relation, 'table');
    result = {
      uniqueId,
      status: 'success',
      message: done.message,
      rowsAffected: done.rowsInserted,
      materialized: 'snapshot',
      compiledSql: compiled.compiledSql,
      dbTimeMs: clock.ms,
      ...resultBase(begin, startedAt, index, thread, done.relation),
    };
  } catch (err) {
    const error =
      err instanceof TbError
        ? err
        : new TbError(ErrorCodes.internal, `${uniqueId}: ${(err as Error).message}`, {
            file: node.originalFilePath,
            cause: err,
          });
    result = {
      uniqueId,
      status: 'error',
      message: error.message,
      error,
      materialized: 'snapshot',
      compiledSql: compiled?.compiledSql,
      dbTimeMs: clock.ms,
      ...resultBase(begin, startedAt, index, thread, relation),
    };
  }
  const line = formatNodeFinished(
    {
      index,
      total: ctx.total,
      status: result.status,
      action: result.status === 'success' ? 'snapshotted' : 'snapshot',
      relation: display(relation),
      ms: result.executionTimeMs,
      rows: result.rowsAffected,
    },
    ctx.color,
  );
  const data = {
    unique_id: uniqueId,
    status: result.status,
    index,
    total: ctx.total,
    relation: display(relation),
    rows: result.rowsAffected,
    message: result.message,
  };
  if (result.status === 'error') ctx.logger.error('node_finished', line, data);
  else ctx.logger.info('node_finished', line, data);
  return result;
}
