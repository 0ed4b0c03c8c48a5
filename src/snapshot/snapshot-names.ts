import { createHash } from 'node:crypto';
import type { AdapterCapabilities } from '../adapters/adapter';
import type { Relation } from '../core/types';

/** Work tables and indexes of one snapshot, all in the snapshot's own schema. */
export interface SnapshotNames {
  /** The snapshot's SELECT, run once and kept for every later step. */
  readonly source: Relation;
  /** dbt's staging table: one row per insert, update and delete. */
  readonly changes: Relation;
  /** Index names: SQLite needs them unique in the schema, so each carries the table's name. */
  readonly targetKeyIndex: string;
  readonly targetScdIndex: string;
  readonly sourceKeyIndex: string;
  readonly changesScdIndex: string;
}

export function snapshotNames(relation: Relation, capabilities: AdapterCapabilities): SnapshotNames {
  const name = (suffix: string): string => fitName(relation.name, suffix, capabilities.maxIdentifierLength);
  return {
    source: { schema: relation.schema, name: name('__tb_snap_src') },
    changes: { schema: relation.schema, name: name('__tb_snap_chg') },
    targetKeyIndex: name('__tb_key'),
    targetScdIndex: name('__tb_scd'),
    sourceKeyIndex: name('__tb_snap_src_key'),
    changesScdIndex: name('__tb_snap_chg_scd'),
  };
}

/** `base + suffix`, or a cut base plus a short hash of it when that is longer than the engine allows. */
export function fitName(base: string, suffix: string, maxLength: number): string {
  if (base.length + suffix.length <= maxLength) return base + suffix;
  const hash = createHash('sha256').update(base).digest('hex').slice(0, 8);
  return `${base.slice(0, maxLength - suffix.length - hash.length - 1)}_${hash}${suffix}`;
}
