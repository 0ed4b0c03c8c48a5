import { ErrorCodes, TbError } from '../core/errors';
import type { TestNode } from '../core/types';
import { executeDataTest } from '../data-tests/execute-test';
import { paint } from './colors';
import { dotted, formatSeconds } from './format-node-line';
import { executeWork, levelOf } from './node-executor';
import type { RunContext } from './run-context';
import type { NodeResult, NodeStatus } from './run-types';

/** Runs one data test: PASS, WARN n or FAIL n (error severity), or ERROR when its SQL fails; never throws. */
export function executeTest(ctx: RunContext, uniqueId: string, thread: number): Promise<NodeResult> {
  const node = ctx.options.manifest.nodes[uniqueId] as TestNode;
  return executeWork(
    ctx,
    uniqueId,
    thread,
    {
      kind: 'test',
      label: node.name,
      relation: { schema: node.schema, name: node.alias },
      run: async (clock) => {
        const compiled = ctx.options.compiler.compile(uniqueId, { isIncremental: false, fullRefresh: false });
        const compiledPath = await ctx.options.writeCompiled?.(compiled);
        const store = ctx.options.storeFailures || undefined;
        const outcome = await clock.time(() =>
          executeDataTest(ctx.adapter, compiled, { storeFailures: store }),
        );
        const rule = outcome.status === 'fail' ? 'error_if' : 'warn_if';
        const plural = outcome.failures === 1 ? '' : 's';
        return {
          status: outcome.status,
          message:
            outcome.status === 'pass'
              ? 'pass'
              : `Got ${outcome.failures} result${plural}, configured to ${outcome.status === 'fail' ? 'fail' : 'warn'} if ${compiled.config[rule] ?? '!= 0'}`,
          failures: outcome.failures,
          rowsAffected: outcome.failures,
          sample: outcome.sample,
          compiledPath,
          compiledSql: compiled.compiledSql,
          materialized: 'test',
          storedIn: outcome.storedIn,
        };
      },
      failedAs: (err) =>
        err instanceof TbError
          ? err
          : new TbError(ErrorCodes.database, `test ${node.name} failed to run: ${(err as Error).message}`, {
              file: node.originalFilePath,
              cause: err,
            }),
      finishedLine: (r) => ({ level: levelOf(r.status), line: testLine(ctx, node, r) }),
    },
    (index) => dotted(`${index} of ${ctx.total} START test ${node.name}`, 'RUN'),
  );
}

const WORD: Partial<Record<NodeStatus, [string, 'green' | 'yellow' | 'red']>> = {
  pass: ['PASS', 'green'],
  warn: ['WARN', 'yellow'],
  fail: ['FAIL', 'red'],
  error: ['ERROR', 'red'],
};

/** `5 of 76 PASS not_null_stg_rooms_room_id ........ [PASS in 0.05s]`, `[FAIL 3 in 0.05s]` */
function testLine(ctx: RunContext, node: TestNode, r: NodeResult): string {
  const [word, color] = WORD[r.status] ?? ['ERROR', 'red'];
  const count = r.status === 'warn' || r.status === 'fail' ? ` ${r.failures}` : '';
  const plain = dotted(
    `${r.index} of ${ctx.total} ${word} ${node.name}`,
    `${word}${count} in ${formatSeconds(r.executionTimeMs)}`,
  );
  return ctx.color ? plain.replace(` ${word} `, ` ${paint(word, color, true)} `) : plain;
}
