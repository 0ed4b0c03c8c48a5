import type { Relation } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import type { DeferredSwap, Statement } from '../materialize/statement';
import { display } from './execute-model';
import type { RunContext } from './run-context';
import type { NodeResult } from './run-types';
import { SessionRegistry } from './session-registry';
import { runStatements, type ExecutionScope } from './statement-runner';

const LAYER_UNIT = 'layer';
const PUBLISHED: ReadonlySet<string> = new Set(['success', 'pass', 'warn']);

/**
 * The table swaps of a `publishTogether` run, held back until every node has succeeded, and the
 * temporaries later models read meanwhile (`RuntimeState.relationOverrides`).
 */
export class LayerPublish {
  private readonly swaps = new Map<string, DeferredSwap>();

  defer(uniqueId: string, swap: DeferredSwap): void {
    this.swaps.set(uniqueId, swap);
  }

  isDeferred(uniqueId: string): boolean {
    return this.swaps.has(uniqueId);
  }

  overrides(): Record<string, Relation> {
    return Object.fromEntries([...this.swaps].map(([id, s]) => [id, s.temp]));
  }

  entries(): [string, DeferredSwap][] {
    return [...this.swaps];
  }
}

/**
 * Ends a `publishTogether` run: when every node succeeded and nothing stopped the run, all deferred
 * swaps take effect as one unit (one multi-table RENAME on MySQL, one transaction on SQLite), then each
 * table's post-hooks and grants. Otherwise nothing is published and every temporary is dropped, so the
 * live layer stays wholly the old version. Returns the results, with what was not published marked so.
 */
export async function settleLayer(
  ctx: RunContext,
  results: readonly NodeResult[],
  stopped: boolean,
): Promise<NodeResult[]> {
  const swaps = ctx.layer?.entries() ?? [];
  if (swaps.length === 0) return [...results];
  const complete = !stopped && !ctx.signal.aborted && results.every((r) => PUBLISHED.has(r.status));
  if (!complete) {
    await discard(ctx, swaps);
    return mark(results, swaps, (r) => ({
      ...r,
      status: 'skipped',
      message: 'not published: its layer did not complete',
    }));
  }
  const scope: ExecutionScope = { ...ctx, uniqueId: 'layer' };
  try {
    await runStatements(scope, publishStatements(ctx, swaps));
  } catch (err) {
    await discard(ctx, swaps);
    const error = new TbError(ErrorCodes.database, `publishing the layer failed: ${(err as Error).message}`, {
      cause: err,
    });
    return mark(results, swaps, (r) => ({ ...r, status: 'error', message: error.message, error }));
  }
  for (const [, swap] of swaps) {
    for (const t of swap.temporaries) ctx.cache.delete(t);
    ctx.cache.set(swap.relation, 'table');
  }
  const schemas = [...new Set(swaps.map(([, s]) => s.relation.schema))].sort().join(', ');
  const n = swaps.length;
  ctx.logger.info('layer_published', `published ${n} table${n === 1 ? '' : 's'} of ${schemas} in one swap`, {
    tables: swaps.map(([, s]) => display(s.relation)),
    schemas,
  });
  return runAfter(ctx, results, swaps);
}

/** The one atomic unit: every table's renames rendered together, so MySQL gets a single RENAME TABLE. */
function publishStatements(ctx: RunContext, swaps: readonly [string, DeferredSwap][]): Statement[] {
  const all = swaps.map(([, s]) => s);
  const renames = ctx.adapter.dialect
    .renameTables(all.flatMap((s) => s.renames))
    .map((sql): Statement => ({ sql, role: 'swap' }));
  return [
    ...all.flatMap((s) => s.before),
    ...renames,
    ...all.flatMap((s) => s.replaced),
    ...all.flatMap((s) => s.alongside),
  ].map((s) => ({ ...s, unit: LAYER_UNIT }));
}

/** Post-hooks and grants of each published table; a failure is that model's error (its table is live). */
async function runAfter(
  ctx: RunContext,
  results: readonly NodeResult[],
  swaps: readonly [string, DeferredSwap][],
): Promise<NodeResult[]> {
  const failed = new Map<string, TbError>();
  for (const [id, swap] of swaps) {
    try {
      await runStatements({ ...ctx, uniqueId: id }, swap.after);
    } catch (err) {
      failed.set(id, new TbError(ErrorCodes.database, `${id}: ${(err as Error).message}`, { cause: err }));
    }
  }
  return results.map((r) => {
    const error = failed.get(r.uniqueId);
    return error ? { ...r, status: 'error', message: error.message, error } : r;
  });
}

/** Best effort and never cancelled: dropping temporaries is what a stopped run wants. */
async function discard(ctx: RunContext, swaps: readonly [string, DeferredSwap][]): Promise<void> {
  await ctx.sessions.settled();
  const never = new AbortController().signal;
  for (const [id, swap] of swaps) {
    const calm: ExecutionScope = {
      ...ctx,
      uniqueId: id,
      signal: never,
      sessions: new SessionRegistry(ctx.adapter, never),
    };
    await runStatements(calm, swap.discard).catch((err: Error) =>
      ctx.logger.debug('cleanup_failed', `${id}: cleanup failed: ${err.message}`, { unique_id: id }),
    );
    ctx.cache.delete(swap.temp);
  }
  ctx.logger.info('layer_discarded', `published nothing: dropped ${swaps.length} built tables`, {
    tables: swaps.map(([, s]) => display(s.relation)),
  });
}

function mark(
  results: readonly NodeResult[],
  swaps: readonly [string, DeferredSwap][],
  change: (r: NodeResult) => NodeResult,
): NodeResult[] {
  const ids = new Set(swaps.map(([id]) => id));
  return results.map((r) => (ids.has(r.uniqueId) ? change(r) : r));
}
