import type { Command } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeManifest } from '../../artifacts/manifest-artifact';
import { compiledPath } from '../../compile/compile-project';
import { TbError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { LOCK_BUSY_CODE, acquireWarehouseLock, type WarehouseLock } from '../../lock/warehouse-lock';
import { writeMetrics } from '../../metrics/write-metrics';
import { failureMessage } from '../../notify/failure-message';
import { postWebhook } from '../../notify/post-webhook';
import { EXIT_LOCKED, pipelineExitCode } from '../../pipeline/exit-code';
import { readPipelineConfig } from '../../pipeline/pipeline-config';
import type { PipelineResult } from '../../pipeline/pipeline-types';
import { newRunId } from '../../pipeline/run-id';
import { runPipeline } from '../../pipeline/run-pipeline';
import { collectSecrets, secretRedactor } from '../../pipeline/secret-redactor';
import { loadProject, resolveProjectTarget } from '../../project/load-project';
import { abortOnSignals } from '../../run/abort-on-signals';
import { loggerFor, withProjectOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';

interface PipelineFlags extends GlobalOptions {
  readonly from?: string;
  readonly wait?: boolean;
  readonly notify?: string;
  readonly backups: boolean;
  readonly latest?: boolean;
  readonly jobs?: number;
  readonly retryDelayScale?: number;
}

export function registerPipeline(program: Command): void {
  withProjectOptions(
    program
      .command('pipeline [source]')
      .description('load → seed → silver → gold → tests, with retries, one writer at a time, kept backups'),
  )
    .option('--from <stage>', 'resume at this stage (staging, seed, silver, gold, tests)')
    .option('--wait', 'wait for another writer to finish instead of exiting at once')
    .option('--notify <url>', 'POST a Slack-compatible message here on failure (default: $TB_NOTIFY_URL)')
    .option('--no-backups', 'drop replaced silver/gold tables instead of keeping them')
    .option('--latest', 'with s3://bucket/prefix/: load the newest *_YYYYMMDD.sql[.gz]')
    .option('-j, --jobs <n>', 'parallel load sessions on MySQL', (v) => Number.parseInt(v, 10))
    .option(
      '--retry-delay-scale <x>',
      'multiply retry delays (tests: 0; default $TB_RETRY_DELAY_SCALE or 1)',
      Number,
    )
    .action(runAction((source: string | undefined, opts: PipelineFlags) => pipelineCommand(source, opts)));
}

async function pipelineCommand(source: string | undefined, opts: PipelineFlags): Promise<number> {
  const env = process.env;
  const projectDir = resolve(opts.projectDir ?? process.cwd());
  const notifyUrl = opts.notify ?? (env.TB_NOTIFY_URL || undefined);
  // The target is resolved first so that its password is masked in every line that follows.
  let redact = secretRedactor(collectSecrets(undefined, env, [notifyUrl]));
  let logger = loggerFor(opts, redact);
  let lock: WarehouseLock | undefined;
  try {
    const target = resolveProjectTarget({ ...opts, projectDir });
    redact = secretRedactor(collectSecrets(target, env, [notifyUrl]));
    logger = loggerFor(opts, redact);
    const project = loadProject({ ...opts, projectDir, logger });
    const config = readPipelineConfig(project.config.extras.pipeline, project.config.configFile);
    const controller = new AbortController();
    const dispose = abortOnSignals(controller, logger);
    try {
      lock = await acquireWarehouseLock(target, {
        wait: opts.wait,
        signal: controller.signal,
        logger,
        command: 'tb pipeline',
      });
      const result = await runPipeline({
        project,
        config,
        logger,
        runId: newRunId(),
        from: opts.from,
        source: source ?? (env.TB_DUMP_SOURCE || config.source),
        latest: opts.latest || env.TB_DUMP_LATEST === '1' || config.latest,
        signal: controller.signal,
        backups: opts.backups,
        threads: opts.threads,
        jobs: opts.jobs,
        delayScale: opts.retryDelayScale ?? (env.TB_RETRY_DELAY_SCALE ? Number(env.TB_RETRY_DELAY_SCALE) : 1),
        beforeAttempt: () => lock!.ensureHeld(),
        writeCompiled: async (compiled) => {
          const path = compiledPath(project, compiled);
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, redact(compiled.compiledSql) + '\n');
          return path;
        },
      });
      const targetDir = join(project.config.projectDir, project.config.targetPath);
      writeManifest(project.config.projectDir, project.config.targetPath, project.manifest);
      writeMetrics(join(targetDir, 'metrics.json'), result, redact);
      if (result.status === 'failed' && notifyUrl) {
        const message = failureMessage(result, { project: project.config.name, target: target.name });
        await postWebhook(notifyUrl, message, { redact, logger });
      }
      return finish(logger, result);
    } finally {
      dispose();
    }
  } catch (err) {
    return failedToStart(logger, err);
  } finally {
    await lock?.release().catch(() => undefined);
  }
}

/** The last line says what happened: which stage failed and why, or that all went well. */
function finish(logger: Logger, result: PipelineResult): number {
  const code = pipelineExitCode(result);
  const data = {
    run_id: result.runId,
    status: result.status,
    failed_stage: result.failedStage ?? null,
    reason: result.reason ?? null,
    duration_s: result.durationS,
    exit_code: code,
  };
  if (result.status === 'success') {
    logger.info('pipeline_finished', `pipeline ${result.runId} succeeded in ${result.durationS} s`, data);
  } else {
    const why = `pipeline ${result.runId} failed at stage ${result.failedStage}: ${result.reason} (exit ${code})`;
    logger.error('pipeline_finished', why, data);
  }
  return code;
}

/** Errors before any stage ran: a busy lock (exit 3), a project error (1), anything else (2). */
function failedToStart(logger: Logger, err: unknown): number {
  const isTb = err instanceof TbError;
  const code = isTb ? ((err as TbError).code === LOCK_BUSY_CODE ? EXIT_LOCKED : 1) : 2;
  const message = isTb
    ? (err as TbError).format()
    : `internal error: ${(err as Error)?.stack ?? String(err)}`;
  // One line, hint included: the last line of the output is what a scheduler's log view shows.
  logger.error('pipeline_finished', `pipeline did not start: ${message.replace(/\n\s*/g, ' ')}`, {
    status: code === EXIT_LOCKED ? 'locked' : 'error',
    failed_stage: null,
    reason: message.split('\n')[0],
    error_code: isTb ? (err as TbError).code : null,
    exit_code: code,
  });
  return code;
}
