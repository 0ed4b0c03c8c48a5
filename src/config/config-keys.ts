/**
 * Every config key tb knows, by resource type. An unknown key is an error with the nearest key suggested;
 * dbt silently ignores misspellings (`materalized`) and that costs people hours.
 * Adapter-specific keys of other dbt adapters are accepted so that an existing dbt project compiles unmodified.
 */

const COMMON = [
  'enabled',
  'tags',
  'meta',
  'docs',
  'schema',
  'database',
  'alias',
  'pre-hook',
  'post-hook',
  'pre_hook',
  'post_hook',
  'persist_docs',
  'full_refresh',
  'grants',
  'group',
  'access',
  'quoting',
  'column_types',
  'event_time',
  'contract',
  'sql_header',
  'labels',
];

const MODEL = [
  'materialized',
  'unique_key',
  'incremental_strategy',
  'on_schema_change',
  'on_configuration_change',
  'indexes',
  'batch_size',
  'lookback',
  'begin',
  'concurrent_batches',
  'incremental_predicates',
  'merge_update_columns',
  'merge_exclude_columns',
  'freshness',
  // Accepted from other dbt adapters; tb's engines ignore them.
  'partition_by',
  'cluster_by',
  'dist',
  'sort',
  'sort_type',
  'file_format',
  'transient',
  'copy_grants',
  'bind',
  'require_partition_filter',
  'partition_expiration_days',
];

const SEED = ['quote_columns', 'delimiter', 'materialized'];

const SNAPSHOT = [
  'materialized',
  'strategy',
  'unique_key',
  'updated_at',
  'check_cols',
  'hard_deletes',
  'invalidate_hard_deletes',
  'target_schema',
  'target_database',
  'snapshot_meta_column_names',
  'dbt_valid_to_current',
];

const TEST = [
  'materialized',
  'severity',
  'warn_if',
  'error_if',
  'fail_calc',
  'where',
  'limit',
  'store_failures',
  'store_failures_as',
];

const SOURCE = ['freshness', 'loaded_at_field', 'event_time'];

export type ConfigResource = 'models' | 'seeds' | 'snapshots' | 'tests' | 'data_tests' | 'sources';

export const CONFIG_KEYS: Readonly<Record<ConfigResource, ReadonlySet<string>>> = {
  models: new Set([...COMMON, ...MODEL]),
  seeds: new Set([...COMMON, ...SEED]),
  snapshots: new Set([...COMMON, ...SNAPSHOT]),
  tests: new Set([...COMMON, ...TEST]),
  data_tests: new Set([...COMMON, ...TEST]),
  sources: new Set([...COMMON, ...SOURCE]),
};

/** Keys whose values accumulate down the tree instead of replacing (dbt: tags and hooks add up). */
export const ADDITIVE_KEYS: ReadonlySet<string> = new Set(['tags', 'pre_hook', 'post_hook']);

/** `pre-hook` and `pre_hook` are the same key; tb stores the underscore form. */
export function normalizeConfigKey(key: string): string {
  const bare = key.startsWith('+') ? key.slice(1) : key;
  return bare === 'pre-hook' ? 'pre_hook' : bare === 'post-hook' ? 'post_hook' : bare;
}
