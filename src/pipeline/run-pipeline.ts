import { ErrorCodes, TbError } from '../core/errors';
import type { StageConfig } from './pipeline-config';
import type { PipelineOptions, PipelineResult, StageAttempt, StageMetrics } from './pipeline-types';
import { sleep as realSleep, withRetries } from './retry-policy';
import { transientReason } from './transient-error';
import { stageRunner, dumpSpec } from './stage-runners';

/**
 * `tb pipeline` as a library call: load → seed → silver → gold → tests (or the configured stages), each
 * with its own retry policy for transient errors; the first stage that still fails stops the run. Never
 * throws for a stage's failure: it is in the result. Throws a TbError for a bad `--from` or a missing source.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const stages = options.config.stages;
  const start = startIndex(stages, options.from);
  if (stages.slice(start).some((s) => s.kind === 'load') && !dumpSpec(options).spec) {
    throw new TbError(ErrorCodes.configInvalidValue, 'the staging stage has no dump to load', {
      hint: 'pass it (tb pipeline s3://bucket/prefix/), set TB_DUMP_SOURCE, or start later with --from seed',
    });
  }
  const startedAt = new Date();
  const metrics: StageMetrics[] = stages.slice(0, start).map((s) => skippedStage(s.name));
  options.logger.info('pipeline_started', `pipeline ${options.runId}: ${describe(stages, start)}`, {
    run_id: options.runId,
    stages: stages.slice(start).map((s) => s.name),
  });
  let failed: StageMetrics | undefined;
  for (const stage of stages.slice(start)) {
    if (failed || options.signal?.aborted) {
      metrics.push(skippedStage(stage.name));
      continue;
    }
    const m = await runStage(stage, options);
    metrics.push(m);
    if (m.status === 'failed') failed = m;
  }
  const finishedAt = new Date();
  return {
    runId: options.runId,
    status: failed ? 'failed' : 'success',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationS: seconds(finishedAt.getTime() - startedAt.getTime()),
    stages: metrics,
    failedStage: failed?.stage,
    reason: failed?.reason,
    interrupted: Boolean(options.signal?.aborted),
  };
}

async function runStage(stage: StageConfig, options: PipelineOptions): Promise<StageMetrics> {
  const { logger } = options;
  const begin = performance.now();
  const run = stageRunner(stage, options);
  let rows = 0;
  logger.info('stage_started', `stage ${stage.name} started`, { stage: stage.name, run_id: options.runId });
  const { last, attempts } = await withRetries(
    stage,
    {
      sleep: options.sleep ?? realSleep,
      delayScale: options.delayScale ?? 1,
      signal: options.signal,
      onRetry: (n, delayMs, outcome) =>
        logger.warn(
          'stage_retry',
          `stage ${stage.name} attempt ${n} failed (${outcome.reason}); retrying in ${seconds(delayMs)} s`,
          { stage: stage.name, attempt: n, delay_s: seconds(delayMs), reason: outcome.reason },
        ),
    },
    async (n): Promise<StageAttempt> => {
      try {
        await options.beforeAttempt?.();
      } catch (err) {
        return beforeAttemptFailure(err);
      }
      const outcome = await run(n);
      rows += outcome.rows;
      return outcome;
    },
  );
  const m: StageMetrics = {
    stage: stage.name,
    status: last.ok ? 'success' : 'failed',
    duration_s: seconds(performance.now() - begin),
    rows,
    retries: attempts - 1,
    attempt: attempts,
    ...(last.ok ? {} : { transient: last.transient, reason: last.reason }),
  };
  const line = last.ok
    ? `stage ${stage.name} succeeded in ${m.duration_s} s (${rows} rows, ${m.retries} retries)`
    : `stage ${stage.name} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${last.reason}`;
  const data = { event_kind: 'metric', run_id: options.runId, ...m };
  if (last.ok) logger.info('stage_finished', line, data);
  else logger.error('stage_finished', line, data);
  return m;
}

function beforeAttemptFailure(err: unknown): StageAttempt {
  const reason = transientReason(err);
  const message = err instanceof TbError ? err.format() : ((err as Error)?.message ?? String(err));
  return { ok: false, transient: reason !== undefined, rows: 0, reason: message.split('\n')[0] };
}

function startIndex(stages: readonly StageConfig[], from: string | undefined): number {
  if (from === undefined) return 0;
  const name = from === 'load' ? 'staging' : from;
  const index = stages.findIndex((s) => s.name === name);
  if (index < 0) {
    throw new TbError(ErrorCodes.configInvalidValue, `--from ${from}: no such stage`, {
      hint: `stages: ${stages.map((s) => s.name).join(', ')}`,
    });
  }
  return index;
}

function skippedStage(stage: string): StageMetrics {
  return { stage, status: 'skipped', duration_s: 0, rows: 0, retries: 0, attempt: 0 };
}

function describe(stages: readonly StageConfig[], start: number): string {
  return stages
    .slice(start)
    .map((s) => s.name)
    .join(' → ');
}

function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}
