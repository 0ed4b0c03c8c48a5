import type { ColumnDef } from '../adapters/adapter';
import { suggestion } from '../core/did-you-mean';
import { ErrorCodes, TbError } from '../core/errors';
import type { CompiledNode } from '../core/types';
import type { SnapshotConfig, SnapshotMetaColumns } from './snapshot-config';

/** The config's column names resolved against the SELECT's real columns (and the table's, on later runs). */
export interface SnapshotColumns {
  /** The SELECT's columns, as the engine spells them. */
  readonly source: readonly string[];
  readonly keys: readonly string[];
  /** The strategy's updated_at column; absent for a check snapshot without one. */
  readonly updatedAt?: string;
  /** Check strategy: the columns compared, those the table already has (dbt's intersection). */
  readonly checkCols: readonly string[];
  /** Check strategy: a compared column is new to the table, so every current row counts as changed (dbt). */
  readonly checkColumnAdded: boolean;
  /** SELECT columns the table lacks (added before the merge), and the meta columns it lacks. */
  readonly missingInTarget: readonly ColumnDef[];
}

/**
 * Matches names case-insensitively (both engines compare column names that way) and fails with the
 * snapshot's file and a did-you-mean when the SELECT lacks a configured column.
 */
export function resolveSnapshotColumns(
  compiled: CompiledNode,
  config: SnapshotConfig,
  sourceColumns: readonly ColumnDef[],
  targetColumns?: readonly ColumnDef[],
): SnapshotColumns {
  const source = sourceColumns.map((c) => c.name);
  const find = (name: string, role: string): string => {
    const hit = source.find((s) => s.toLowerCase() === name.toLowerCase());
    if (hit !== undefined) return hit;
    throw new TbError(
      ErrorCodes.configInvalidValue,
      `snapshot '${compiled.node.name}': ${role} '${name}' is not a column of its SELECT`,
      {
        file: compiled.node.originalFilePath,
        hint: suggestion(name, source) ?? `the SELECT has: ${source.join(', ')}`,
      },
    );
  };
  rejectMetaCollisions(compiled, config.meta, source);
  const strategy = config.strategy;
  const keys = config.uniqueKey.map((k) => find(k, 'unique_key'));
  const updatedAt = strategy.updatedAt === undefined ? undefined : find(strategy.updatedAt, 'updated_at');
  const wanted =
    strategy.kind === 'timestamp'
      ? []
      : strategy.checkCols === 'all'
        ? source
        : strategy.checkCols.map((c) => find(c, 'check_cols entry'));
  const inTarget = (name: string): boolean =>
    targetColumns === undefined || targetColumns.some((t) => t.name.toLowerCase() === name.toLowerCase());
  return {
    source,
    keys,
    updatedAt,
    checkCols: wanted.filter(inTarget),
    checkColumnAdded: wanted.some((c) => !inTarget(c)),
    missingInTarget: targetColumns === undefined ? [] : sourceColumns.filter((c) => !inTarget(c.name)),
  };
}

function rejectMetaCollisions(
  compiled: CompiledNode,
  meta: SnapshotMetaColumns,
  source: readonly string[],
): void {
  const reserved = new Set([...Object.values(meta), 'tb_change_type'].map((n) => n.toLowerCase()));
  const clash = source.filter((s) => reserved.has(s.toLowerCase()));
  if (clash.length === 0) return;
  throw new TbError(
    ErrorCodes.configInvalidValue,
    `snapshot '${compiled.node.name}': its SELECT has column${clash.length > 1 ? 's' : ''} ${clash.join(', ')}, which the snapshot adds itself`,
    {
      file: compiled.node.originalFilePath,
      hint: 'rename the column in the SELECT, or set snapshot_meta_column_names',
    },
  );
}

/** The meta columns a snapshot table must already have before a merge (dbt's assert_valid_snapshot_target). */
export function missingMetaColumns(meta: SnapshotMetaColumns, targetColumns: readonly ColumnDef[]): string[] {
  const have = new Set(targetColumns.map((c) => c.name.toLowerCase()));
  return [meta.scdId, meta.updatedAt, meta.validFrom, meta.validTo].filter((n) => !have.has(n.toLowerCase()));
}
