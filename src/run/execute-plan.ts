import type { ColumnDef } from '../adapters/adapter';
import type { DeferredSwap, MaterializationPlan } from '../materialize/statement';
import type { ExecutionScope } from './statement-runner';
import { SessionRegistry } from './session-registry';
import { RunCancelled, runStatements } from './statement-runner';

export interface PlanOutcome {
  readonly rows?: number;
  readonly deferred?: DeferredSwap;
}

/**
 * Runs a plan: its statements, then (after reading columns when it asks) its finish step. On any failure
 * or cancel, the plan's cleanup runs before the error goes on, so no temporary is left behind.
 * Returns the row count the plan reported, and the swap it deferred (see `FinishStep.publish`).
 */
export async function executePlan(scope: ExecutionScope, plan: MaterializationPlan): Promise<PlanOutcome> {
  try {
    const finish = plan.finish;
    if (finish && !finish.introspect.target && !finish.introspect.temp) {
      // Nothing to read in between: one session for everything.
      const rows = (await runStatements(scope, [...plan.statements, ...finish.plan({})])).rows;
      return { rows, deferred: finish.publish?.({}) };
    }
    const first = await runStatements(scope, plan.statements);
    if (!finish) return { rows: first.rows };
    if (scope.signal.aborted) throw new RunCancelled();
    const temp = plan.temp;
    const columns = {
      target: finish.introspect.target ? await readColumns(scope, plan.relation) : undefined,
      temp: finish.introspect.temp && temp ? await readColumns(scope, temp) : undefined,
    };
    const second = await runStatements(scope, finish.plan(columns));
    return { rows: second.rows ?? first.rows, deferred: finish.publish?.(columns) };
  } catch (err) {
    await cleanup(scope, plan);
    throw err;
  }
}

function readColumns(
  scope: ExecutionScope,
  relation: { schema: string; name: string },
): Promise<ColumnDef[]> {
  return scope.clock.time(() => scope.adapter.getColumns(relation));
}

/** Best effort, and deliberately not stopped by the abort: dropping temporaries is what an abort wants. */
async function cleanup(scope: ExecutionScope, plan: MaterializationPlan): Promise<void> {
  if (plan.cleanup.length === 0) return;
  // A KILL QUERY still on its way must not hit the cleanup's own DROP; and the cleanup is never cancelled.
  await scope.sessions.settled();
  const never = new AbortController().signal;
  const calm: ExecutionScope = {
    ...scope,
    signal: never,
    sessions: new SessionRegistry(scope.adapter, never),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await runStatements(calm, plan.cleanup);
      return;
    } catch (err) {
      scope.logger.debug('cleanup_failed', `${scope.uniqueId}: cleanup failed: ${(err as Error).message}`, {
        unique_id: scope.uniqueId,
      });
    }
  }
}
