import type { SeedNode } from '../core/types';
import { seedSpecFromNode } from '../seed/seed-spec-from-node';
import { seedTable } from '../seed/seed-table';
import { display } from './execute-model';
import { formatNodeStarted } from './format-node-line';
import { executeWork, finishedLineOf } from './node-executor';
import type { RunContext } from './run-context';
import type { NodeResult } from './run-types';

/** Loads one seed file (streamed, typed, swapped in atomically); never throws. */
export function executeSeed(ctx: RunContext, uniqueId: string, thread: number): Promise<NodeResult> {
  const node = ctx.options.manifest.nodes[uniqueId] as SeedNode;
  const relation = { schema: node.schema, name: node.alias };
  const label = display(relation);
  return executeWork(
    ctx,
    uniqueId,
    thread,
    {
      kind: 'seed file',
      label,
      relation,
      run: async (clock) => {
        const options = { fullRefresh: ctx.options.fullRefresh, logger: ctx.logger, signal: ctx.signal };
        const loaded = await clock.time(() => seedTable(ctx.adapter, seedSpecFromNode(node), options));
        ctx.cache.set(relation, 'table');
        const message = `loaded seed file: ${loaded.rows} rows`;
        return { status: 'success', message, rowsAffected: loaded.rows, materialized: 'seed' };
      },
      finishedLine: finishedLineOf(ctx, label, 'loaded seed file', 'seed file'),
    },
    (index) => formatNodeStarted(index, ctx.total, 'seed file', label),
  );
}
