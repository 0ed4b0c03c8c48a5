import { suggestion } from '../core/did-you-mean';
import { ErrorCodes, TbError } from '../core/errors';
import type { CompiledNode, Relation } from '../core/types';

export type HardDeletes = 'ignore' | 'invalidate' | 'new_record';

/** Names of the columns tb adds to a snapshot table (renamable with `snapshot_meta_column_names`). */
export interface SnapshotMetaColumns {
  readonly scdId: string;
  readonly updatedAt: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly isDeleted: string;
}

export type SnapshotStrategy =
  | { readonly kind: 'timestamp'; readonly updatedAt: string }
  /** `updatedAt` is optional here: without it a new version starts at the snapshot time (dbt). */
  | { readonly kind: 'check'; readonly checkCols: 'all' | readonly string[]; readonly updatedAt?: string };

export interface SnapshotConfig {
  readonly relation: Relation;
  readonly strategy: SnapshotStrategy;
  /** One column, or several for a composite key. */
  readonly uniqueKey: readonly string[];
  readonly hardDeletes: HardDeletes;
  readonly meta: SnapshotMetaColumns;
}

export const DEFAULT_META_COLUMNS: SnapshotMetaColumns = {
  scdId: 'tb_scd_id',
  updatedAt: 'tb_updated_at',
  validFrom: 'tb_valid_from',
  validTo: 'tb_valid_to',
  isDeleted: 'tb_is_deleted',
};

/** `snapshot_meta_column_names` keys: dbt's spelling, and tb's own. */
const META_KEYS: Readonly<Record<string, keyof SnapshotMetaColumns>> = {
  dbt_scd_id: 'scdId',
  dbt_updated_at: 'updatedAt',
  dbt_valid_from: 'validFrom',
  dbt_valid_to: 'validTo',
  dbt_is_deleted: 'isDeleted',
  tb_scd_id: 'scdId',
  tb_updated_at: 'updatedAt',
  tb_valid_from: 'validFrom',
  tb_valid_to: 'validTo',
  tb_is_deleted: 'isDeleted',
};

const HARD_DELETES: readonly HardDeletes[] = ['ignore', 'invalidate', 'new_record'];

/**
 * Reads and validates a snapshot's config, the way dbt 1.9 does (`get_hard_deletes_behavior`, the strategy
 * macros). Every problem is a TbError naming the snapshot's file, never a silently ignored key.
 */
export function resolveSnapshotConfig(compiled: CompiledNode): SnapshotConfig {
  const config = compiled.config as Readonly<Record<string, unknown>>;
  const fail = (message: string, hint?: string): never => {
    throw new TbError(ErrorCodes.configInvalidValue, `snapshot '${compiled.node.name}': ${message}`, {
      file: compiled.node.originalFilePath,
      hint,
    });
  };
  if (config.dbt_valid_to_current !== undefined && config.dbt_valid_to_current !== null)
    fail(
      "'dbt_valid_to_current' is not supported",
      'current versions always have a NULL valid_to; filter with `tb_valid_to is null`',
    );
  const uniqueKey = readUniqueKey(config.unique_key, fail);
  return {
    relation: snapshotRelation(compiled, config.target_schema),
    strategy: readStrategy(config, fail),
    uniqueKey,
    hardDeletes: readHardDeletes(config, fail),
    meta: readMetaColumns(config.snapshot_meta_column_names, fail),
  };
}

type Fail = (message: string, hint?: string) => never;

/** `target_schema` (dbt's older spelling) places the snapshot in exactly that schema. */
function snapshotRelation(compiled: CompiledNode, targetSchema: unknown): Relation {
  if (typeof targetSchema === 'string' && targetSchema !== '')
    return { schema: targetSchema, name: compiled.relation.name };
  return compiled.relation;
}

function readUniqueKey(value: unknown, fail: Fail): readonly string[] {
  const keys = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  if (keys.length === 0 || !keys.every((k) => typeof k === 'string' && k.trim() !== ''))
    fail("'unique_key' must be a column name or a list of column names", "e.g. unique_key='id'");
  return keys.map((k: string) => k.trim());
}

function readStrategy(config: Readonly<Record<string, unknown>>, fail: Fail): SnapshotStrategy {
  const updatedAt = typeof config.updated_at === 'string' ? config.updated_at.trim() : undefined;
  switch (config.strategy) {
    case 'timestamp':
      if (!updatedAt)
        return fail("the timestamp strategy needs 'updated_at'", "e.g. updated_at='updated_at'");
      return { kind: 'timestamp', updatedAt };
    case 'check':
      return { kind: 'check', checkCols: readCheckCols(config.check_cols, fail), updatedAt };
    default:
      return fail(
        config.strategy === undefined
          ? "'strategy' is required"
          : `unknown strategy '${String(config.strategy)}'`,
        suggestion(String(config.strategy ?? ''), ['timestamp', 'check']) ??
          "use strategy='timestamp' or strategy='check'",
      );
  }
}

function readCheckCols(value: unknown, fail: Fail): 'all' | readonly string[] {
  if (value === 'all') return 'all';
  if (Array.isArray(value) && value.length > 0 && value.every((c) => typeof c === 'string' && c !== ''))
    return value as string[];
  return fail(
    "the check strategy needs 'check_cols': a list of columns, or 'all'",
    "e.g. check_cols=['status']",
  );
}

/** dbt: both spellings at once is an error; `invalidate_hard_deletes: true` means `invalidate`. */
function readHardDeletes(config: Readonly<Record<string, unknown>>, fail: Fail): HardDeletes {
  const legacy = config.invalidate_hard_deletes;
  const modern = config.hard_deletes;
  if (legacy !== undefined && legacy !== null && modern !== undefined && modern !== null)
    fail("set either 'hard_deletes' or 'invalidate_hard_deletes', not both", "use hard_deletes='invalidate'");
  if (legacy !== undefined && legacy !== null && typeof legacy !== 'boolean')
    fail("'invalidate_hard_deletes' must be true or false");
  if (legacy === true) return 'invalidate';
  if (modern === undefined || modern === null) return 'ignore';
  if (typeof modern === 'string' && (HARD_DELETES as readonly string[]).includes(modern))
    return modern as HardDeletes;
  return fail(
    `unknown hard_deletes '${String(modern)}'`,
    suggestion(String(modern), HARD_DELETES) ?? `use one of: ${HARD_DELETES.join(', ')}`,
  );
}

function readMetaColumns(value: unknown, fail: Fail): SnapshotMetaColumns {
  if (value === undefined || value === null) return DEFAULT_META_COLUMNS;
  if (typeof value !== 'object' || Array.isArray(value))
    return fail("'snapshot_meta_column_names' must be a mapping, e.g. {dbt_valid_from: valid_from}");
  const out: Record<keyof SnapshotMetaColumns, string> = { ...DEFAULT_META_COLUMNS };
  for (const [key, name] of Object.entries(value as Record<string, unknown>)) {
    const field = META_KEYS[key];
    if (!field)
      fail(`unknown key '${key}' in 'snapshot_meta_column_names'`, suggestion(key, Object.keys(META_KEYS)));
    if (typeof name !== 'string' || name.trim() === '')
      fail(`'snapshot_meta_column_names.${key}' must be a column name`);
    out[field] = (name as string).trim();
  }
  const names = Object.values(out).map((n) => n.toLowerCase());
  if (new Set(names).size !== names.length)
    fail("'snapshot_meta_column_names' gives two columns the same name");
  return out;
}
