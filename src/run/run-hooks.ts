import { databaseMessage, sqlExcerpt } from './database-error';
import type { RunContext } from './run-context';
import type { HookResult } from './run-types';
import { StatementFailure, runStatements } from './statement-runner';

/**
 * Runs the project's `on-run-start` or `on-run-end` hooks in order, each rendered right before it runs.
 * Stops at the first failure (later hooks may depend on it) and reports it.
 */
export async function runProjectHooks(
  ctx: RunContext,
  kind: HookResult['kind'],
  hooks: readonly string[],
): Promise<HookResult[]> {
  const results: HookResult[] = [];
  for (const [index, raw] of hooks.entries()) {
    const start = performance.now();
    let sql = raw;
    try {
      sql = ctx.options.compiler.renderHook(raw).replace(/[\s;]+$/, '');
      if (sql.trim() !== '') {
        const scope = { ...ctx, uniqueId: `${kind}.${index}` };
        await runStatements(scope, [{ sql, role: 'run_hook' }]);
      }
      results.push({
        kind,
        index,
        sql,
        status: 'success',
        message: 'OK',
        executionTimeMs: performance.now() - start,
      });
      ctx.logger.info('hook_finished', `${kind} hook ${index + 1} of ${hooks.length} OK`, {
        hook: kind,
        index,
      });
    } catch (err) {
      const cause = err instanceof StatementFailure ? err.dbError : err;
      const message = `${kind} hook ${index + 1} failed: ${databaseMessage(cause, sql)}`;
      results.push({
        kind,
        index,
        sql,
        status: 'error',
        message,
        executionTimeMs: performance.now() - start,
      });
      ctx.logger.error('hook_finished', `${message}\n${sqlExcerpt(sql)}`, {
        hook: kind,
        index,
        status: 'error',
      });
      break;
    }
  }
  return results;
}
