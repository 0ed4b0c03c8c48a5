import { InvalidArgumentError, type Command } from 'commander';
import { resolve } from 'node:path';
import { createAdapter } from '../../adapters/create-adapter';
import { ErrorCodes, TbError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { TargetConfig } from '../../core/target';
import { loadDump, openSource, type LoadEvent } from '../../load';
import type { LoadPhase } from '../../load/dump-writer';
import { formatProgressLine, formatSummary } from '../../load/progress-format';
import { resolveProjectTarget } from '../../project/load-project';
import { loggerFor, withProjectOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';

interface LoadFlags extends GlobalOptions {
  readonly schema: string;
  readonly jobs?: number;
  readonly dryRun?: boolean;
  readonly keepEmptyTables?: boolean;
  readonly latest?: boolean;
  readonly targetUrl?: string;
  readonly spoolMb?: number;
  readonly spoolDir?: string;
}

export function registerLoad(program: Command): void {
  withProjectOptions(
    program
      .command('load <source>')
      .description('load a mysqldump (path, -, .gz, s3://bucket/key) into the staging schema, atomically'),
  )
    .option('--schema <name>', 'schema the tables land in', 'staging')
    .option('-j, --jobs <n>', 'parallel sessions on MySQL (default: the number of cores)', (v) =>
      Number.parseInt(v, 10),
    )
    .option('--dry-run', 'parse and count only; the database is not touched')
    .option('--keep-empty-tables', 'keep tables without rows (they are dropped by default)')
    .option(
      '--spool-mb <n>',
      'MySQL: MB of batches that may wait on disk so that the sessions load several tables at once; 0 keeps them in memory (default: 2048)',
      spoolMegabytes,
    )
    .option('--spool-dir <dir>', 'folder of that spool file (default: the system temporary folder)')
    .option('--latest', 'with s3://bucket/prefix/: load the newest *_YYYYMMDD.sql[.gz]')
    .option(
      '--target-url <url>',
      'mysql://user:pass@host:port/schema or sqlite:///folder, instead of profiles.yml',
    )
    .action(
      runAction(async (source: string, opts: LoadFlags) => {
        const logger = loggerFor(opts);
        const target = opts.dryRun && !opts.targetUrl ? null : loadTarget(opts);
        const adapter = target ? createAdapter(target, { poolSize: 2 }) : null;
        const render = progressRenderer(logger);
        const controller = new AbortController();
        const onSignal = () => controller.abort();
        process.once('SIGINT', onSignal);
        try {
          const dump = await openSource(source, { latest: opts.latest });
          const result = await loadDump(adapter, dump, {
            schema: opts.schema,
            jobs: opts.jobs,
            dryRun: opts.dryRun,
            keepEmptyTables: opts.keepEmptyTables,
            spoolBytes: opts.spoolMb === undefined ? undefined : opts.spoolMb * 1024 * 1024,
            spoolDir: opts.spoolDir,
            onProgress: render,
            signal: controller.signal,
          });
          render.clear();
          if (logger.format === 'text') {
            for (const line of formatSummary(result)) process.stdout.write(`${line}\n`);
          }
          return 0;
        } finally {
          render.clear();
          process.removeListener('SIGINT', onSignal);
          await adapter?.close();
        }
      }),
    );
}

function spoolMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number of megabytes, 0 or more');
  return n;
}

/**
 * The one place that finds the target: `--target-url`, else the project's profiles.yml (the shared loader).
 * `--target-url` lets an operator load a dump without a project folder.
 */
function loadTarget(opts: LoadFlags): TargetConfig {
  if (opts.targetUrl) return targetFromUrl(opts.targetUrl);
  return resolveProjectTarget({ ...opts, projectDir: resolve(opts.projectDir ?? process.cwd()) });
}

export function targetFromUrl(url: string): TargetConfig {
  if (url.startsWith('sqlite://')) {
    return {
      name: 'url',
      type: 'sqlite',
      path: resolve(url.slice('sqlite://'.length)),
      schema: 'main',
      threads: 1,
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TbError(ErrorCodes.configInvalidValue, `cannot read --target-url '${url}'`);
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new TbError(
      ErrorCodes.configInvalidValue,
      `--target-url must be mysql://... or sqlite://..., not ${parsed.protocol}`,
    );
  }
  return {
    name: 'url',
    type: 'mysql',
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    schema: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'analytics',
    threads: 4,
  };
}

type Renderer = ((event: LoadEvent) => void) & { clear(): void };

const PHASE_TEXT: Readonly<Record<LoadPhase, string>> = {
  finishing: 'dump read; loading the queued batches and building indexes',
  indexes: 'building indexes',
  verify: 'checking row counts',
  swap: 'swapping into place',
};

/** A progress bar on a terminal's stderr; JSON events with --log-format json; warnings either way. */
function progressRenderer(logger: Logger): Renderer {
  const tty = logger.format === 'text' && Boolean(process.stderr.isTTY);
  let shown = false;
  const render = ((event: LoadEvent) => {
    if (logger.format === 'json') {
      if (event.type === 'done') logger.info('load_finished', 'load finished', { ...event.result });
      else if (event.type === 'warning') logger.warn('load_warning', event.message);
      else logger.info(`load_${event.type}`, event.type, { ...event });
      return;
    }
    if (event.type === 'progress' && tty) {
      process.stderr.write(`\r\x1b[2K${formatProgressLine(event)}`);
      shown = true;
    } else if (event.type === 'warning') {
      render.clear();
      logger.warn('load_warning', `warning: ${event.message}`);
    } else if (event.type === 'phase' && tty) {
      process.stderr.write(`\r\x1b[2K${PHASE_TEXT[event.phase]}...`);
      shown = true;
    }
  }) as Renderer;
  render.clear = () => {
    if (shown) process.stderr.write('\r\x1b[2K');
    shown = false;
  };
  return render;
}
