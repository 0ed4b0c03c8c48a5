export { checkFreshness } from './check-freshness';
export type { FreshnessResult } from './check-freshness';
export {
  freshnessStatus,
  thresholdSeconds,
  hasFreshnessCheck,
  type FreshnessStatus,
} from './freshness-status';
export { freshnessCounts, describeFreshness, formatAge, type FreshnessCounts } from './format-freshness';
export { parseLoadedAt } from './parse-loaded-at';
export { freshnessQuery } from './freshness-query';
