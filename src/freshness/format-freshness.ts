import type { FreshnessThreshold } from '../core/types';
import type { FreshnessResult } from './check-freshness';
import { isThresholdSet } from './freshness-status';

export interface FreshnessCounts {
  readonly pass: number;
  readonly warn: number;
  readonly error: number;
  readonly runtimeError: number;
  readonly total: number;
}

export function freshnessCounts(results: readonly FreshnessResult[]): FreshnessCounts {
  const count = (s: FreshnessResult['status']) => results.filter((r) => r.status === s).length;
  return {
    pass: count('pass'),
    warn: count('warn'),
    error: count('error'),
    runtimeError: count('runtime error'),
    total: results.length,
  };
}

/** `2d 3h`, `5h 12m`, `42m`, `18s`; a negative age (clock skew, future data) keeps its sign. */
export function formatAge(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  let s = Math.floor(Math.abs(seconds));
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d > 0) return `${sign}${d}d ${h}h`;
  if (h > 0) return `${sign}${h}h ${m}m`;
  if (m > 0) return `${sign}${m}m`;
  return `${sign}${s}s`;
}

function threshold(t: FreshnessThreshold): string {
  return `${t.count} ${t.period}${t.count === 1 ? '' : 's'}`;
}

/**
 * What a person reads next to the status, like a test's failure count:
 * `max loaded at 2026-02-05 03:00:00 UTC, 13h 0m ago (warn after 12 hours, error after 1 day)`.
 */
export function describeFreshness(result: FreshnessResult): string {
  if (result.status === 'runtime error') return result.error ?? 'runtime error';
  const limits = [
    isThresholdSet(result.criteria.warn_after)
      ? `warn after ${threshold(result.criteria.warn_after)}`
      : undefined,
    isThresholdSet(result.criteria.error_after)
      ? `error after ${threshold(result.criteria.error_after)}`
      : undefined,
  ].filter((x): x is string => x !== undefined);
  return `max loaded at ${result.maxLoadedAt} UTC, ${formatAge(result.ageSeconds ?? 0)} ago (${limits.join(', ')})`;
}
