import { randomUUID } from 'node:crypto';
import { availableParallelism, tmpdir } from 'node:os';
import type { Adapter } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import { createDumpWriter } from './create-writer';
import { DumpModel } from './dump-model';
import type { DumpWriter } from './dump-writer';
import { LoadLog } from './load-log';
import type { LoadEvent, LoadOptions, LoadResult, TableSummary } from './load-types';
import { DumpParser } from './parse/dump-parser';
import { DEFAULT_SERVER_VERSION, type ServerVersion } from './parse/server-version';
import { ProgressReporter } from './progress';
import { openSource, type DumpSource } from './source/open-source';

export const DEFAULT_LOAD_SCHEMA = 'staging';

/** Read-ahead on disk for the MySQL writer: more than the largest backlog seen on a 1 GB dump (~0.6 GB). */
export const DEFAULT_SPOOL_BYTES = 2 * 1024 ** 3;

/**
 * `tb load`: the dump into a shadow schema, row counts checked against what was parsed, then one atomic swap
 * into `schema`. Whatever fails, the live schema is untouched and the failure is rethrown (after the load log
 * records it). With `dryRun` (or no adapter) the dump is only parsed and counted.
 */
export async function loadDump(
  adapter: Adapter | null,
  source: string | DumpSource,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const src = typeof source === 'string' ? await openSource(source) : source;
  const run = new LoadRun(src, options);
  if (options.dryRun || adapter === null) return run.dryRun();
  return run.load(adapter);
}

class LoadRun {
  readonly loadId = randomUUID();
  readonly schema: string;
  readonly warnings: string[] = [];
  private readonly startedAt = new Date();
  private readonly progress: ProgressReporter;

  constructor(
    private readonly src: DumpSource,
    private readonly options: LoadOptions,
  ) {
    this.schema = options.schema ?? DEFAULT_LOAD_SCHEMA;
    this.progress = new ProgressReporter(options.onProgress, src.totalBytes);
  }

  async dryRun(): Promise<LoadResult> {
    this.emitStart(true);
    const model = new DumpModel(null);
    await this.pump(model, null, this.options.server ?? DEFAULT_SERVER_VERSION);
    return this.finish(model, true, new Set());
  }

  async load(adapter: Adapter): Promise<LoadResult> {
    this.emitStart(false);
    const writer = createDumpWriter(adapter, {
      schema: this.schema,
      jobs: Math.max(1, this.options.jobs ?? availableParallelism()),
      mysqlMethod: this.options.mysqlMethod ?? 'auto',
      warn: (message) => this.warn(message),
      spoolBytes: this.options.spoolBytes ?? DEFAULT_SPOOL_BYTES,
      spoolDir: this.options.spoolDir ?? tmpdir(),
      batchBytes: this.options.batchBytes,
    });
    const log = new LoadLog(adapter);
    await log.start({
      loadId: this.loadId,
      schema: this.schema,
      source: this.src.name,
      dumpDate: this.src.dumpDate,
      startedAt: this.startedAt,
    });
    const model = new DumpModel(writer);
    let result: LoadResult;
    try {
      result = await this.loadInto(writer, model);
    } catch (err) {
      await writer.abort().catch(() => undefined);
      await writer.close().catch(() => undefined);
      await log
        .finish(this.loadId, { ...this.totals(model), status: 'failed', error: messageOf(err) })
        .catch(() => undefined);
      throw err;
    }
    await writer.close();
    await log.finish(this.loadId, { ...this.totals(model), status: 'success' });
    return result;
  }

  private async loadInto(writer: DumpWriter, model: DumpModel): Promise<LoadResult> {
    await writer.prepare();
    await this.pump(model, writer, writer.server());
    // The sessions may still be working through what the tokenizer read ahead: keep the display moving.
    const ticker = setInterval(() => this.sampleProgress(model, writer, true), 500);
    try {
      await writer.finishData((phase) => this.emit({ type: 'phase', phase }));
    } finally {
      clearInterval(ticker);
    }
    this.emit({ type: 'phase', phase: 'verify' });
    const names = [...model.tables.keys()];
    const counts = await writer.countRows(names);
    for (const [name, tally] of model.tables) {
      if (counts.get(name) !== tally.rows) {
        throw new TbError(
          ErrorCodes.loadMismatch,
          `table \`${name}\`: the dump has ${tally.rows} rows, the database holds ${counts.get(name)}`,
        );
      }
    }
    const empty = this.options.keepEmptyTables ? [] : names.filter((n) => model.tables.get(n)?.rows === 0);
    await writer.dropShadowTables(empty);
    this.emit({ type: 'phase', phase: 'swap' });
    await writer.swap(names.filter((n) => !empty.includes(n)));
    return this.finish(model, false, new Set(empty));
  }

  private async pump(model: DumpModel, writer: DumpWriter | null, server: ServerVersion): Promise<void> {
    const parser = new DumpParser(model, { file: this.src.name, server });
    const signal = this.options.signal;
    const sample = (force: boolean) => this.sampleProgress(model, writer, force);
    for await (const chunk of this.src.stream) {
      if (signal?.aborted) throw new TbError(ErrorCodes.loadCancelled, 'the load was cancelled');
      parser.feed(chunk as Buffer);
      sample(false);
      if (writer) await writer.room();
    }
    parser.end();
    this.bytes = parser.bytesFed;
    sample(true);
    for (const line of model.skippedSummary()) this.warn(line);
  }

  private bytes = 0;

  private sampleProgress(model: DumpModel, writer: DumpWriter | null, force: boolean): void {
    this.progress.sample(
      {
        bytes: this.src.bytesRead(),
        rows: model.rows,
        activeTables: writer?.activeTables() ?? [],
        queuedBytes: writer?.queuedBytes() ?? 0,
      },
      force,
    );
  }

  private finish(model: DumpModel, dryRun: boolean, dropped: ReadonlySet<string>): LoadResult {
    const tables: TableSummary[] = [...model.tables.values()].map((t) => ({
      name: t.def.name,
      rows: t.rows,
      bytes: t.bytes,
      status: dryRun ? 'parsed' : dropped.has(t.def.name) ? 'dropped-empty' : 'loaded',
    }));
    const result: LoadResult = {
      loadId: this.loadId,
      source: this.src.name,
      dumpDate: this.src.dumpDate,
      schema: this.schema,
      dryRun,
      bytes: this.bytes,
      rows: model.rows,
      tables,
      warnings: this.warnings,
      durationMs: Date.now() - this.startedAt.getTime(),
    };
    this.emit({ type: 'done', result });
    return result;
  }

  private totals(model: DumpModel) {
    return {
      bytes: this.bytes,
      tables: model.tables.size,
      rows: model.rows,
      durationMs: Date.now() - this.startedAt.getTime(),
    };
  }

  private emitStart(dryRun: boolean): void {
    this.emit({
      type: 'start',
      loadId: this.loadId,
      source: this.src.name,
      schema: this.schema,
      totalBytes: this.src.totalBytes,
      dryRun,
    });
  }

  private warn(message: string): void {
    this.warnings.push(message);
    this.emit({ type: 'warning', message });
  }

  private emit(event: LoadEvent): void {
    this.options.onProgress?.(event);
  }
}

function messageOf(err: unknown): string {
  if (err instanceof TbError) return err.format();
  return err instanceof Error ? err.message : String(err);
}
