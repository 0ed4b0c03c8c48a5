import type { LoadEvent, LoadResult } from './load-types';

type ProgressEvent = Extract<LoadEvent, { type: 'progress' }>;

const MB = 1024 * 1024;

function mb(bytes: number): string {
  return (bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0);
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

/**
 * One terminal line: `[#######.......]  45%  430/945 MB  120.5 MB/s  ETA 4s  88 MB queued  movings, access_logs`
 * (the queue shows how far the database is behind the reading; after the dump is read, it is what is left).
 */
export function formatProgressLine(e: ProgressEvent, width = 24): string {
  const fraction = e.totalBytes ? Math.min(1, e.bytes / e.totalBytes) : null;
  const bar =
    fraction === null
      ? ''
      : `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${String(Math.floor(fraction * 100)).padStart(3)}%  `;
  const size = e.totalBytes ? `${mb(e.bytes)}/${mb(e.totalBytes)} MB` : `${mb(e.bytes)} MB`;
  const eta = e.etaSeconds === null ? '' : `  ETA ${duration(e.etaSeconds)}`;
  const queued = e.queuedBytes >= MB ? `  ${mb(e.queuedBytes)} MB queued` : '';
  const tables = e.activeTables.length > 0 ? `  ${e.activeTables.slice(0, 3).join(', ')}` : '';
  return `${bar}${size}  ${(e.bytesPerSecond / MB).toFixed(1)} MB/s${eta}${queued}${tables}`;
}

/** The per-table summary printed at the end, largest tables first; the dropped empty tables on one line. */
export function formatSummary(result: LoadResult): string[] {
  const tables = result.tables
    .filter((t) => t.status !== 'dropped-empty')
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  const dropped = result.tables.filter((t) => t.status === 'dropped-empty').map((t) => t.name);
  const nameWidth = Math.max(5, ...tables.map((t) => t.name.length));
  const lines = [`${'table'.padEnd(nameWidth)}  ${'rows'.padStart(12)}  ${'MB'.padStart(9)}`];
  for (const t of tables)
    lines.push(`${t.name.padEnd(nameWidth)}  ${String(t.rows).padStart(12)}  ${mb(t.bytes).padStart(9)}`);
  if (dropped.length > 0) lines.push(`empty, dropped: ${dropped.join(', ')}`);
  const seconds = result.durationMs / 1000;
  const verb = result.dryRun ? 'Parsed' : `Loaded into ${result.schema}:`;
  lines.push(
    `${verb} ${tables.length} tables, ${result.rows} rows, ${mb(result.bytes)} MB in ${seconds.toFixed(1)}s ` +
      `(${(result.bytes / MB / Math.max(seconds, 0.001)).toFixed(1)} MB/s)`,
  );
  return lines;
}
