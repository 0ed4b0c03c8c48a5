import { ErrorCodes, TbError } from '../core/errors';
import type { SeedNode } from '../core/types';
import { seedSpecFromNode } from '../seed/seed-spec-from-node';
import { seedTable } from '../seed/seed-table';
import { display } from './execute-model';
import { formatNodeFinished, formatNodeStarted } from './format-node-line';
import { resultBase } from './node-result-base';
import type { RunContext } from './run-context';
import type { NodeResult } from './run-types';

/** Loads one seed file (streamed, typed, swapped in atomically); never throws. */
export async function executeSeed(ctx: RunContext, uniqueId: string, thread: number): Promise<NodeResult> {
  const node = ctx.options.manifest.nodes[uniqueId] as SeedNode;
  const relation = { schema: node.schema, name: node.alias };
  const index = ctx.nextIndex();
  ctx.logger.info('node_started', formatNodeStarted(index, ctx.total, 'seed file', display(relation)), {
    unique_id: uniqueId,
    index,
    total: ctx.total,
    resource_type: 'seed',
    relation: display(relation),
    thread,
  });
  const begin = performance.now();
  const startedAt = new Date().toISOString();
  const clock = ctx.clock.child();
  let result: NodeResult;
  try {
    const loaded = await clock.time(() =>
      seedTable(ctx.adapter, seedSpecFromNode(node), {
        fullRefresh: ctx.options.fullRefresh,
        logger: ctx.logger,
        signal: ctx.signal,
      }),
    );
    ctx.cache.set(relation, 'table');
    result = {
      uniqueId,
      status: 'success',
      message: `loaded seed file: ${loaded.rows} rows`,
      rowsAffected: loaded.rows,
      materialized: 'seed',
      dbTimeMs: clock.ms,
      ...resultBase(begin, startedAt, index, thread, relation),
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
      materialized: 'seed',
      dbTimeMs: clock.ms,
      ...resultBase(begin, startedAt, index, thread, relation),
    };
  }
  const line = formatNodeFinished(
    {
      index,
      total: ctx.total,
      status: result.status,
      action: result.status === 'success' ? 'loaded seed file' : 'seed file',
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
    execution_time: result.executionTimeMs / 1000,
  };
  if (result.status === 'error') ctx.logger.error('node_finished', line, data);
  else ctx.logger.info('node_finished', line, data);
  return result;
}
