import type { CompiledNode } from '../core/types';
import { runSnapshot } from '../snapshot/run-snapshot';
import { display } from './execute-model';
import { formatNodeStarted } from './format-node-line';
import { executeWork, finishedLineOf } from './node-executor';
import type { RunContext } from './run-context';
import type { NodeResult } from './run-types';

/** Runs one snapshot (SCD type 2) as a node of the DAG; never throws. */
export function executeSnapshot(ctx: RunContext, uniqueId: string, thread: number): Promise<NodeResult> {
  const node = ctx.options.manifest.nodes[uniqueId];
  const relation = { schema: node.schema, name: node.alias };
  const label = display(relation);
  let compiled: CompiledNode | undefined;
  return executeWork(
    ctx,
    uniqueId,
    thread,
    {
      kind: 'snapshot',
      label,
      relation,
      run: async (clock) => {
        compiled = ctx.options.compiler.compile(uniqueId, { isIncremental: false, fullRefresh: false });
        const c = compiled;
        const done = await clock.time(() => runSnapshot(ctx.adapter, c, { logger: ctx.logger }));
        ctx.cache.set(done.relation, 'table');
        return {
          status: 'success',
          message: done.message,
          rowsAffected: done.rowsInserted,
          materialized: 'snapshot',
          compiledSql: c.compiledSql,
          relation: done.relation,
        };
      },
      finishedLine: finishedLineOf(ctx, label, 'snapshotted', 'snapshot'),
    },
    (index) => formatNodeStarted(index, ctx.total, 'snapshot', label),
  );
}
