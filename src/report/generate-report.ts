import { join } from 'node:path';
import type { Adapter } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import type { ParsedProject } from '../parse/parse-project';
import { buildReportData } from './build-report-data';
import { GoldReader } from './read-gold';
import type { ReportData } from './report-types';
import { writeReport } from './write-report';

export interface GenerateReportOptions {
  readonly adapter: Adapter;
  readonly now?: () => Date;
}

export interface GenerateReportResult {
  readonly outDir: string;
  readonly data: ReportData;
}

/** `target/report`: where `tb report` writes. */
export function reportDir(project: ParsedProject): string {
  return join(project.config.projectDir, project.config.targetPath, 'report');
}

/** D: the `as_of` var when set, else the newest date of daily_activity_summary. */
export async function resolveAsOf(project: ParsedProject, reader: GoldReader): Promise<string> {
  const given = project.vars.as_of;
  if (given instanceof Date) return given.toISOString().slice(0, 10);
  if (given !== null && given !== undefined && String(given).trim() !== '') {
    const text = String(given).trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
      throw new TbError(ErrorCodes.configInvalidValue, `as_of must be a date YYYY-MM-DD, not ${text}`, {
        hint: "e.g. --vars '{as_of: 2026-02-05}'",
      });
    }
    return text;
  }
  const newest = await reader.newestActivityDate();
  if (!newest) {
    throw new TbError(ErrorCodes.varMissing, 'daily_activity_summary is empty: no date to report as of', {
      hint: "build gold first (tb run), or give the date: --vars '{as_of: 2026-02-05}'",
    });
  }
  return newest;
}

/** Reads gold through the adapter, shapes the four dashboards and writes target/report. */
export async function generateReport(
  project: ParsedProject,
  options: GenerateReportOptions,
): Promise<GenerateReportResult> {
  const reader = new GoldReader(options.adapter, project.manifest);
  const data = await readingGold(async () =>
    buildReportData(reader, {
      title: `${project.config.name} report`,
      asOf: await resolveAsOf(project, reader),
      generatedAt: (options.now?.() ?? new Date()).toISOString(),
      target: `${project.target.name} (${project.target.type})`,
    }),
  );
  const outDir = reportDir(project);
  writeReport(outDir, data);
  return { outDir, data };
}

/** A database error while reading gold most often means gold was never built: say so. */
async function readingGold<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof TbError) throw err;
    throw new TbError(ErrorCodes.database, `reading gold failed: ${(err as Error).message}`, {
      hint: 'build the gold tables first: tb run (or tb build)',
      cause: err,
    });
  }
}
