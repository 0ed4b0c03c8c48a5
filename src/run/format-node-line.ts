import type { Color } from './colors';
import { paint } from './colors';
import type { NodeStatus } from './run-types';

export const LINE_WIDTH = 80;

/** `left .......... [right]`, padded with dots to LINE_WIDTH (at least three dots). */
export function dotted(left: string, right: string, width = LINE_WIDTH): string {
  const dots = Math.max(3, width - left.length - right.length - 4);
  return `${left} ${'.'.repeat(dots)} [${right}]`;
}

/** `0.41s` under a minute, `2m 03.0s` above. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(2)}s`;
  const m = Math.floor(s / 60);
  return `${m}m ${(s - m * 60).toFixed(1).padStart(4, '0')}s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export interface NodeLine {
  readonly index: number;
  readonly total: number;
  readonly status: NodeStatus;
  /** `created table`, `created view`, ... (success) or the materialization (error, skip). */
  readonly action: string;
  /** `gold.moveouts` */
  readonly relation: string;
  readonly ms?: number;
  readonly rows?: number;
}

const WORDS: Readonly<Record<NodeStatus, [string, Color]>> = {
  success: ['OK', 'green'],
  pass: ['PASS', 'green'],
  warn: ['WARN', 'yellow'],
  error: ['ERROR', 'red'],
  fail: ['FAIL', 'red'],
  skipped: ['SKIP', 'yellow'],
};

/** `3 of 12 OK created table gold.moveouts ......... [15,262 rows in 0.41s]` */
export function formatNodeFinished(line: NodeLine, color: boolean): string {
  const [word, c] = WORDS[line.status];
  const time = line.ms === undefined ? '' : ` in ${formatSeconds(line.ms)}`;
  let right: string;
  if (line.status === 'skipped') right = 'SKIP';
  else if (line.status === 'error' || line.status === 'fail') right = `ERROR${time}`;
  else if (line.rows !== undefined) right = `${formatCount(line.rows)} rows${time}`;
  else right = `OK${time}`;
  const verb = line.status === 'error' ? `creating ${line.action}` : line.action;
  const plain = dotted(`${line.index} of ${line.total} ${word} ${verb} ${line.relation}`, right);
  return color
    ? plain.replace(word, paint(word, c, true)).replace(`[${right}]`, `[${paint(right, c, true)}]`)
    : plain;
}

/** `3 of 12 START table gold.moveouts .............. [RUN]` */
export function formatNodeStarted(
  index: number,
  total: number,
  materialized: string,
  relation: string,
): string {
  return dotted(`${index} of ${total} START ${materialized} ${relation}`, 'RUN');
}
