import type { RunResult } from '../run/run-types';
import { transientReason } from './transient-error';
import type { StageAttempt } from './pipeline-types';

/**
 * A runNodes result as one attempt: runNodes does not throw for a model's failure, so a stage is
 * transient-failed only when every errored node failed for a transient reason, no data test failed, no
 * hook failed and nobody pressed Ctrl-C.
 */
export function classifyRun(result: RunResult): StageAttempt & { readonly retryIds: readonly string[] } {
  const rows = result.results
    .filter((r) => r.status === 'success' || r.status === 'pass')
    .reduce((sum, r) => sum + (r.rowsAffected ?? 0), 0);
  if (result.success) return { ok: true, transient: false, rows, retryIds: [] };
  const errored = result.results.filter((r) => r.status === 'error');
  const failedTests = result.results.filter((r) => r.status === 'fail');
  const hookFailed = result.hooks.find((h) => h.status === 'error');
  const reasons = errored.map((r) => transientReason(r.error));
  const transient =
    !result.interrupted &&
    !hookFailed &&
    failedTests.length === 0 &&
    errored.length > 0 &&
    reasons.every((r) => r !== undefined);
  const retryIds = result.results
    .filter((r) => r.status === 'error' || r.status === 'skipped')
    .map((r) => r.uniqueId);
  return { ok: false, transient, rows, retryIds, reason: describe(result, errored, failedTests, hookFailed) };
}

function describe(
  result: RunResult,
  errored: RunResult['results'],
  failedTests: RunResult['results'],
  hook: RunResult['hooks'][number] | undefined,
): string {
  if (result.interrupted) return 'interrupted (SIGINT/SIGTERM)';
  if (hook) return `${hook.kind} hook failed: ${firstLine(hook.message)}`;
  const parts: string[] = [];
  if (errored.length > 0) {
    const first = errored[0];
    const why = transientReason(first.error) ?? firstLine(first.error?.message ?? first.message);
    parts.push(
      `${errored.length} node${errored.length === 1 ? '' : 's'} errored (${first.uniqueId}: ${why})`,
    );
  }
  if (failedTests.length > 0) {
    const names = failedTests.slice(0, 3).map((r) => r.uniqueId.split('.').pop());
    parts.push(
      `${failedTests.length} data test${failedTests.length === 1 ? '' : 's'} failed (${names.join(', ')})`,
    );
  }
  return parts.join('; ') || 'the run did not succeed';
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
