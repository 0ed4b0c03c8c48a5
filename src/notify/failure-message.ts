import type { PipelineResult } from '../pipeline/pipeline-types';

/** A Slack incoming-webhook payload: `text` for any consumer, `blocks` for Slack's layout. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
}

/** What on-call needs first: which stage, why, which run, and where to look. Secrets are masked by the caller. */
export function failureMessage(
  result: PipelineResult,
  context: { project: string; target: string },
): SlackMessage {
  const stage = result.failedStage ?? 'unknown';
  const text = `tb pipeline failed at stage ${stage} (${context.project}, target ${context.target}, run ${result.runId}): ${result.reason ?? 'no reason recorded'}`;
  const lines = result.stages.map(
    (s) =>
      `• ${s.stage}: ${s.status}${s.status === 'skipped' ? '' : ` in ${s.duration_s} s, ${s.rows} rows, ${s.retries} retries`}`,
  );
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `tb pipeline failed: ${stage}` } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Reason:* ${result.reason ?? 'unknown'}` } },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `run ${result.runId} · ${context.project} · target ${context.target} · see docs/runbook.md`,
          },
        ],
      },
    ],
  };
}
