import { paint } from './colors';
import { formatSeconds } from './format-node-line';
import type { NodeResult, RunCounts } from './run-types';

export function countResults(results: readonly NodeResult[]): RunCounts {
  let pass = 0;
  let warn = 0;
  let error = 0;
  let skip = 0;
  for (const r of results) {
    if (r.status === 'success' || r.status === 'pass') pass++;
    else if (r.status === 'warn') warn++;
    else if (r.status === 'error' || r.status === 'fail') error++;
    else skip++;
  }
  return { pass, warn, error, skip, total: results.length };
}

/** `PASS=10 WARN=0 ERROR=1 SKIP=2 TOTAL=13`, each count coloured when it matters. */
export function formatCounts(c: RunCounts, color: boolean): string {
  const part = (name: string, n: number, col: 'green' | 'yellow' | 'red'): string =>
    n > 0 ? paint(`${name}=${n}`, col, color) : `${name}=${n}`;
  return [
    part('PASS', c.pass, 'green'),
    part('WARN', c.warn, 'yellow'),
    part('ERROR', c.error, 'red'),
    part('SKIP', c.skip, 'yellow'),
    `TOTAL=${c.total}`,
  ].join(' ');
}

/** `Finished running 13 models in 1.23s.` / `... interrupted after 1.23s.` */
export function formatFinished(total: number, ms: number, interrupted: boolean, what?: string): string {
  const models = what ?? `${total} model${total === 1 ? '' : 's'}`;
  return interrupted
    ? `Run of ${models} interrupted after ${formatSeconds(ms)}.`
    : `Finished running ${models} in ${formatSeconds(ms)}.`;
}

/** `Completed successfully` or `Completed with 1 error and 2 warnings:` */
export function formatCompletion(c: RunCounts, color: boolean): string {
  if (c.error === 0 && c.warn === 0) return paint('Completed successfully', 'green', color);
  const parts: string[] = [];
  if (c.error > 0) parts.push(`${c.error} error${c.error === 1 ? '' : 's'}`);
  if (c.warn > 0) parts.push(`${c.warn} warning${c.warn === 1 ? '' : 's'}`);
  return paint(`Completed with ${parts.join(' and ')}:`, c.error > 0 ? 'red' : 'yellow', color);
}
