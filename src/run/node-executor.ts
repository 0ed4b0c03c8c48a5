import type { Relation } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import type { ExecutableNode } from '../core/types';
import type { DbClock } from './db-clock';
import { formatNodeFinished } from './format-node-line';
import type { RunContext } from './run-context';
import type { NodeResult, NodeStatus } from './run-types';

/** What an executor's work produced (the skeleton adds timing, position and thread). */
export type WorkOutcome = Omit<
  NodeResult,
  'uniqueId' | 'timing' | 'executionTimeMs' | 'dbTimeMs' | 'index' | 'thread'
>;

export interface NodeWork {
  /** `seed file`, `snapshot`, `test`: how the node is named in its lines. */
  readonly kind: string;
  /** The `START ...` line's subject (`main.wards`, a test's name). */
  readonly label: string;
  readonly relation: Relation;
  run(clock: DbClock): Promise<WorkOutcome>;
  /** The finished line a person reads, and the level it is logged at. */
  finishedLine(result: NodeResult): { line: string; level: 'info' | 'warn' | 'error' };
  /** What a failure of `run` (a thrown error) is reported as. */
  readonly failedAs?: (err: unknown) => TbError;
}

/**
 * The skeleton every non-model executor shares: the START line, timing, database clock, turning a thrown
 * error into the node's error result (an executor never throws), and the finished line with its data.
 */
export async function executeWork(
  ctx: RunContext,
  uniqueId: string,
  thread: number,
  work: NodeWork,
  startLine: (index: number) => string,
): Promise<NodeResult> {
  const node = ctx.options.manifest.nodes[uniqueId];
  const index = ctx.nextIndex();
  ctx.logger.info('node_started', startLine(index), {
    unique_id: uniqueId,
    index,
    total: ctx.total,
    resource_type: node.resourceType,
    relation: work.label,
    thread,
  });
  const begin = performance.now();
  const startedAt = new Date().toISOString();
  const clock = ctx.clock.child();
  let outcome: WorkOutcome;
  try {
    outcome = await work.run(clock);
  } catch (err) {
    const error = work.failedAs?.(err) ?? asTbError(err, node);
    outcome = {
      status: 'error',
      message: error.message,
      error,
      relation: work.relation,
      materialized: work.kind,
    };
  }
  const result: NodeResult = {
    relation: work.relation,
    ...outcome,
    uniqueId,
    timing: [{ name: 'execute', startedAt, completedAt: new Date().toISOString() }],
    executionTimeMs: performance.now() - begin,
    dbTimeMs: clock.ms,
    index,
    thread,
  };
  const { line, level } = work.finishedLine(result);
  ctx.logger[level]('node_finished', line, {
    unique_id: uniqueId,
    status: result.status,
    index,
    total: ctx.total,
    relation: work.label,
    rows: result.rowsAffected,
    failures: result.failures,
    execution_time: result.executionTimeMs / 1000,
    compiled_path: result.compiledPath,
    message: result.message,
    ...(result.error ? { error_code: result.error.code, file: result.error.file } : {}),
  });
  return result;
}

/**
 * The finished line of a node whose line shows `done` on success and `kind` otherwise (`loaded seed file` /
 * `seed file`), its relation, time and rows.
 */
export function finishedLineOf(
  ctx: RunContext,
  label: string,
  done: string,
  kind: string,
): NodeWork['finishedLine'] {
  return (r) => ({
    level: levelOf(r.status),
    line: formatNodeFinished(
      {
        index: r.index ?? 0,
        total: ctx.total,
        status: r.status,
        action: r.status === 'success' ? done : kind,
        relation: label,
        ms: r.executionTimeMs,
        rows: r.rowsAffected,
      },
      ctx.color,
    ),
  });
}

export function levelOf(status: NodeStatus): 'info' | 'warn' | 'error' {
  return status === 'error' || status === 'fail' ? 'error' : status === 'warn' ? 'warn' : 'info';
}

function asTbError(err: unknown, node: ExecutableNode): TbError {
  if (err instanceof TbError) return err;
  return new TbError(ErrorCodes.internal, `${node.uniqueId}: ${(err as Error)?.message ?? String(err)}`, {
    file: node.originalFilePath,
    cause: err,
  });
}
