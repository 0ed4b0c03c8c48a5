import { ErrorCodes, TbError } from '../core/errors';
import type { CompiledNode, TestNode } from '../core/types';
import { executeDataTest } from '../data-tests/execute-test';
import { dotted, formatSeconds } from './format-node-line';
import { paint } from './colors';
import { resultBase } from './node-result-base';
import type { RunContext } from './run-context';
import type { NodeResult, NodeStatus } from './run-types';

/** Runs one data test: PASS, WARN n or FAIL n (error severity), or ERROR when its SQL fails; never throws. */
export async function executeTest(ctx: RunContext, uniqueId: string, thread: number): Promise<NodeResult> {
  const node = ctx.options.manifest.nodes[uniqueId] as TestNode;
  const relation = { schema: node.schema, name: node.alias };
  const index = ctx.nextIndex();
  ctx.logger.info('node_started', dotted(`${index} of ${ctx.total} START test ${node.name}`, 'RUN'), {
    unique_id: uniqueId,
    index,
    total: ctx.total,
    resource_type: 'test',
    thread,
  });
  const begin = performance.now();
  const startedAt = new Date().toISOString();
  const clock = ctx.clock.child();
  let compiled: CompiledNode | undefined;
  let result: NodeResult;
  try {
    compiled = ctx.options.compiler.compile(uniqueId, { isIncremental: false, fullRefresh: false });
    const compiledPath = await ctx.options.writeCompiled?.(compiled);
    const outcome = await clock.time(() =>
      executeDataTest(ctx.adapter, compiled as CompiledNode, {
        storeFailures: ctx.options.storeFailures || undefined,
      }),
    );
    result = {
      uniqueId,
      status: outcome.status,
      message:
        outcome.status === 'pass'
          ? 'pass'
          : `Got ${outcome.failures} result${outcome.failures === 1 ? '' : 's'}, configured to ${outcome.status === 'fail' ? 'fail' : 'warn'} if ${compiled.config[outcome.status === 'fail' ? 'error_if' : 'warn_if'] ?? '!= 0'}`,
      failures: outcome.failures,
      rowsAffected: outcome.failures,
      sample: outcome.sample,
      compiledPath,
      compiledSql: compiled.compiledSql,
      materialized: 'test',
      dbTimeMs: clock.ms,
      storedIn: outcome.storedIn,
      ...resultBase(begin, startedAt, index, thread, relation),
    };
  } catch (err) {
    const error =
      err instanceof TbError
        ? err
        : new TbError(ErrorCodes.database, `test ${node.name} failed to run: ${(err as Error).message}`, {
            file: node.originalFilePath,
            cause: err,
          });
    result = {
      uniqueId,
      status: 'error',
      message: error.message,
      error,
      compiledSql: compiled?.compiledSql,
      materialized: 'test',
      dbTimeMs: clock.ms,
      ...resultBase(begin, startedAt, index, thread, relation),
    };
  }
  logTestFinished(ctx, node, result);
  return result;
}

const WORD: Partial<Record<NodeStatus, [string, 'green' | 'yellow' | 'red']>> = {
  pass: ['PASS', 'green'],
  warn: ['WARN', 'yellow'],
  fail: ['FAIL', 'red'],
  error: ['ERROR', 'red'],
};

/** `5 of 76 PASS not_null_stg_rooms_room_id ........ [PASS in 0.05s]`, `[FAIL 3 in 0.05s]` */
function logTestFinished(ctx: RunContext, node: TestNode, r: NodeResult): void {
  const [word, color] = WORD[r.status] ?? ['ERROR', 'red'];
  const count = r.status === 'warn' || r.status === 'fail' ? ` ${r.failures}` : '';
  const right = `${word}${count} in ${formatSeconds(r.executionTimeMs)}`;
  const plain = dotted(`${r.index} of ${ctx.total} ${word} ${node.name}`, right);
  const line = ctx.color ? plain.replace(` ${word} `, ` ${paint(word, color, true)} `) : plain;
  const data = {
    unique_id: r.uniqueId,
    status: r.status,
    index: r.index,
    total: ctx.total,
    failures: r.failures,
    execution_time: r.executionTimeMs / 1000,
    compiled_path: r.compiledPath,
    message: r.message,
  };
  if (r.status === 'error' || r.status === 'fail') ctx.logger.error('node_finished', line, data);
  else if (r.status === 'warn') ctx.logger.warn('node_finished', line, data);
  else ctx.logger.info('node_finished', line, data);
}
