/**
 * The PMS dump generator: `generateDump` simulates the operator's history, writes
 * `gghouse_YYYYMMDD.sql` (or `.sql.gz`) as MySQL 8.0's mysqldump would, and
 * `gghouse_YYYYMMDD.truth.json` with the figures every gold table must show.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveOptions } from './options';
import type { GenerateOptions, ResolvedOptions } from './options';
import { buildWorld } from './model/world';
import { buildCoreData, DirtLedger } from './core/core-rows';
import { tableContext } from './tables/context';
import type { TableContext } from './tables/context';
import type { DumpTable } from './sql/table-spec';
import { allTables } from './tables/all-tables';
import { fileSink } from './sink';
import { DumpWriter } from './sql/dump-writer';
import { dumpHeader, dumpTrailer } from './sql/dump-frame';
import { buildTruth } from './truth/truth';
import { compactJson } from './truth/compact-json';
import { Rng } from './prng';

export type { GenerateOptions } from './options';
export { resolveDirt, parseDirtOverrides, DEFAULT_DIRT, DIRT_KINDS } from './dirt-rates';
export type { DirtRates } from './dirt-rates';

export interface GenerateResult {
  readonly sqlPath: string;
  readonly truthPath: string;
  /** Bytes of SQL text (before compression). */
  readonly bytes: number;
  /** Bytes of the file on disk (compressed when gzip). */
  readonly fileBytes: number;
  /** Rows written per table, in dump order. */
  readonly tables: Readonly<Record<string, number>>;
  readonly totalRows: number;
  readonly elapsedMs: number;
}

/** `gghouse_20260205` for D = 2026-02-05. */
export function dumpBaseName(asOf: string): string {
  return `gghouse_${asOf.replace(/-/g, '')}`;
}

/** Staff of the operator: property managers, cleaners' supervisors, front desk. */
export function staffCountFor(scale: number): number {
  return Math.max(5, Math.round(80 * Math.sqrt(scale)));
}

export async function generateDump(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const opts = resolveOptions(options);
  const { ctx, list, truthText } = prepare(opts);
  await fs.promises.mkdir(opts.outDir, { recursive: true });
  const base = path.join(opts.outDir, dumpBaseName(opts.asOf));
  const sqlPath = `${base}.sql${opts.gzip ? '.gz' : ''}`;
  const sink = fileSink(sqlPath, opts.gzip);
  const tables: Record<string, number> = {};
  try {
    await writeDump(new DumpWriter(sink), ctx.opts, list, tables);
    await sink.close();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  const truthPath = `${base}.truth.json`;
  await fs.promises.writeFile(`${truthPath}.tmp`, truthText);
  await fs.promises.rename(`${truthPath}.tmp`, truthPath);
  const fileBytes = (await fs.promises.stat(sqlPath)).size;
  return {
    sqlPath,
    truthPath,
    bytes: sink.bytes,
    fileBytes,
    tables,
    totalRows: Object.values(tables).reduce((a, b) => a + b, 0),
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * Simulates, builds the core rows and computes the truth before anything is streamed; the
 * truth's inputs die with this frame, so they are not held while the big tables stream.
 */
function prepare(opts: ResolvedOptions): { ctx: TableContext; list: DumpTable[]; truthText: string } {
  const world = buildWorld(opts);
  const ledger = new DirtLedger();
  const staffCount = staffCountFor(opts.scale);
  const { data, silver } = buildCoreData(world, ledger, staffCount);
  const ctx = tableContext(opts, world, data, staffCount);
  const list = allTables(ctx);
  const tableRows = Object.fromEntries(list.map((t) => [t.spec.name, t.rowCount]));
  const truthText = compactJson(buildTruth(silver, opts, tableRows, ledger)) + '\n';
  return { ctx, list, truthText };
}

async function writeDump(
  writer: DumpWriter,
  opts: ResolvedOptions,
  list: readonly DumpTable[],
  counts: Record<string, number>,
): Promise<void> {
  await writer.text(dumpHeader('10.0.1.23', 'gghouse'));
  for (const t of list) {
    counts[t.spec.name] = await writer.table(t);
    opts.log(`${t.spec.name}: ${counts[t.spec.name]} rows`);
  }
  // The nightly job finishes late on D; the minute and second vary with the seed.
  const rng = new Rng(opts.seed, 'dump:completed');
  await writer.text(dumpTrailer(opts.asOf, 23, 40 + rng.int(0, 19), rng.int(0, 59)));
  await writer.end();
}
