import { ErrorCodes, TbError } from '../core/errors';
import type { NodeConfig } from '../core/types';

export type IncrementalStrategy = 'append' | 'delete+insert' | 'merge';
export type OnSchemaChange = 'ignore' | 'fail' | 'append_new_columns';

export interface IncrementalConfig {
  readonly strategy: IncrementalStrategy;
  readonly uniqueKey: readonly string[];
  readonly onSchemaChange: OnSchemaChange;
}

const STRATEGIES: readonly string[] = ['append', 'delete+insert', 'merge'];
const SCHEMA_CHANGES: readonly string[] = ['ignore', 'fail', 'append_new_columns'];

/**
 * Reads and checks the incremental settings. Without `incremental_strategy`, a model with a `unique_key`
 * gets delete+insert (it works without a unique index and tolerates duplicate keys), else append.
 */
export function incrementalConfig(config: NodeConfig, file?: string): IncrementalConfig {
  const raw = config.unique_key;
  const uniqueKey = raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw];
  const strategy = config.incremental_strategy ?? (uniqueKey.length > 0 ? 'delete+insert' : 'append');
  const onSchemaChange = config.on_schema_change ?? 'ignore';
  if (!STRATEGIES.includes(strategy)) {
    throw new TbError(ErrorCodes.configInvalidValue, `unknown incremental_strategy '${String(strategy)}'`, {
      file,
      hint: `use one of: ${STRATEGIES.join(', ')}`,
    });
  }
  if (!SCHEMA_CHANGES.includes(onSchemaChange)) {
    throw new TbError(ErrorCodes.configInvalidValue, `unknown on_schema_change '${String(onSchemaChange)}'`, {
      file,
      hint: `use one of: ${SCHEMA_CHANGES.join(', ')}`,
    });
  }
  if (strategy !== 'append' && uniqueKey.length === 0) {
    throw new TbError(
      ErrorCodes.configInvalidValue,
      `incremental_strategy '${strategy}' needs a unique_key`,
      {
        file,
        hint: "set unique_key: 'id' (or a list of columns), or use incremental_strategy: 'append'",
      },
    );
  }
  return { strategy, uniqueKey, onSchemaChange };
}
