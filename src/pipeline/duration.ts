import { ErrorCodes, TbError } from '../core/errors';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `5m`, `90s`, `1h`, `250ms`, or a bare number of seconds → milliseconds. */
export function parseDuration(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * 1000;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(String(value));
  if (!m) {
    throw new TbError(ErrorCodes.configInvalidValue, `${where}: '${String(value)}' is not a duration`, {
      hint: 'write it as 30s, 5m, 1h or a number of seconds',
    });
  }
  return Math.round(Number(m[1]) * UNITS[m[2] ?? 's']);
}

/** 300000 → `5m`, 90000 → `90s`: how a person would write it back. */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
