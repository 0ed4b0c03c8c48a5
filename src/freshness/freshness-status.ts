import type { FreshnessConfig, FreshnessThreshold } from '../core/types';

export type FreshnessStatus = 'pass' | 'warn' | 'error' | 'runtime error';

const PERIOD_SECONDS: Readonly<Record<FreshnessThreshold['period'], number>> = {
  minute: 60,
  hour: 3600,
  day: 86400,
};

export function thresholdSeconds(threshold: FreshnessThreshold): number {
  return threshold.count * PERIOD_SECONDS[threshold.period];
}

/** A threshold is set when it has both parts (dbt: `warn_after: {}` or a null count means "no threshold"). */
export function isThresholdSet(
  threshold: FreshnessThreshold | null | undefined,
): threshold is FreshnessThreshold {
  return threshold != null && threshold.count != null && threshold.period != null;
}

/** A source is checked when it has a loaded_at_field and at least one threshold. */
export function hasFreshnessCheck(criteria: FreshnessConfig | undefined): boolean {
  return (
    criteria !== undefined && (isThresholdSet(criteria.warn_after) || isThresholdSet(criteria.error_after))
  );
}

/**
 * dbt's FreshnessThreshold.status: error_after first, then warn_after; a threshold is exceeded only when the
 * age is strictly greater (an age of exactly 12 hours passes `warn_after: 12 hour`).
 */
export function freshnessStatus(
  ageSeconds: number,
  criteria: FreshnessConfig,
): Exclude<FreshnessStatus, 'runtime error'> {
  if (isThresholdSet(criteria.error_after) && ageSeconds > thresholdSeconds(criteria.error_after))
    return 'error';
  if (isThresholdSet(criteria.warn_after) && ageSeconds > thresholdSeconds(criteria.warn_after))
    return 'warn';
  return 'pass';
}

/** Why a config cannot be used: count a positive number, period one of minute, hour, day. */
export function criteriaProblem(criteria: FreshnessConfig): string | undefined {
  for (const key of ['warn_after', 'error_after'] as const) {
    const t = criteria[key] as unknown as { count?: unknown; period?: unknown } | null | undefined;
    if (t == null || (t.count == null && t.period == null)) continue;
    if (typeof t.count !== 'number' || !(t.count > 0))
      return `${key}.count must be a positive number, got ${JSON.stringify(t.count)}`;
    if (typeof t.period !== 'string' || !(t.period in PERIOD_SECONDS))
      return `${key}.period must be minute, hour or day, got ${JSON.stringify(t.period)}`;
  }
  return undefined;
}
