import type { SqlDialect } from '../adapters/sql-dialect';
import { engineColumnTypes } from '../adapters/portable-types';
import { ErrorCodes, TbError } from '../core/errors';
import type { SnapshotColumns } from './snapshot-columns';
import type { SnapshotConfig } from './snapshot-config';

/** Aliases of the two sides in every statement, as dbt's `source_data` and `snapshotted_data`. */
export const SRC = 'tb_src';
export const SNAP = 'tb_snap';
export const CHANGE_TYPE = 'tb_change_type';

const SNAPSHOT_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * The SQL fragments of the strategies, in one engine's spelling: the same text on both engines except the
 * timestamp type (MySQL DATETIME, SQLite TEXT) and the null-safe comparison, which come from the adapter.
 */
export class SnapshotSql {
  readonly meta: SnapshotConfig['meta'];
  /** The snapshot time as a typed SQL value, dbt's `snapshot_get_time()`. */
  readonly now: string;
  readonly nullTimestamp: string;

  constructor(
    readonly dialect: SqlDialect,
    readonly config: SnapshotConfig,
    readonly columns: SnapshotColumns,
    nowText: string,
  ) {
    if (!SNAPSHOT_TIME.test(nowText))
      throw new TbError(ErrorCodes.internal, `snapshot time '${nowText}' is not 'YYYY-MM-DD HH:MM:SS'`);
    const timestampType = engineColumnTypes(dialect.capabilities, [
      { kind: 'datetime', fractionDigits: 0 },
    ])[0];
    this.meta = config.meta;
    this.now = `CAST('${nowText}' AS ${timestampType})`;
    this.nullTimestamp = `CAST(NULL AS ${timestampType})`;
  }

  q(name: string): string {
    return this.dialect.quoteIdentifier(name);
  }

  col(alias: string, name: string): string {
    return `${alias}.${this.q(name)}`;
  }

  rel(relation: { schema: string; name: string }): string {
    return this.dialect.quoteRelation(relation);
  }

  /** dbt's snapshot_hash_arguments; CONCAT rather than `||`, which MySQL reads as OR. */
  hash(args: readonly string[]): string {
    return `md5(concat(${args.map((a) => `coalesce(cast(${a} as char), '')`).join(", '|', ")}))`;
  }

  /** The strategy's updated_at: the column (timestamp, or check with updated_at), else the snapshot time. */
  updatedAt(alias: string): string {
    return this.columns.updatedAt === undefined ? this.now : this.col(alias, this.columns.updatedAt);
  }

  /** dbt's scd_id: a hash of the key and the version's start (updated_at, or the snapshot time). */
  scdId(alias: string): string {
    return this.scdIdAt(alias, this.updatedAt(alias));
  }

  /**
   * When a new version starts. With an updated_at column that is the column, unless a version with that
   * start already exists for the key (it disappeared and came back unchanged, or a check column changed
   * without updated_at): dbt would compute the old version's scd_id and silently skip the insert; tb starts
   * the version at the snapshot time instead.
   */
  versionStart(alias: string, target: { schema: string; name: string }): string {
    if (this.columns.updatedAt === undefined) return this.now;
    const seen = `SELECT 1 FROM ${this.rel(target)} AS tb_hist WHERE ${this.col('tb_hist', this.meta.scdId)} = ${this.scdId(alias)}`;
    return `CASE WHEN EXISTS (${seen}) THEN ${this.now} ELSE ${this.updatedAt(alias)} END`;
  }

  /** The scd_id of a version of `alias`'s key starting at `start`. */
  scdIdAt(alias: string, start: string): string {
    return this.hash([...this.columns.keys.map((k) => this.col(alias, k)), start]);
  }

  keyJoin(left: string, right: string): string {
    return this.columns.keys.map((k) => `${this.col(left, k)} = ${this.col(right, k)}`).join(' AND ');
  }

  /** The join found no row on `alias`'s side (keys are never NULL: run-snapshot checks that first). */
  noMatch(alias: string): string {
    return `${this.col(alias, this.columns.keys[0])} IS NULL`;
  }

  isCurrent(alias: string): string {
    return `${this.col(alias, this.meta.validTo)} IS NULL`;
  }

  /** dbt's row_changed of each strategy, `SNAP` against `SRC`. */
  rowChanged(): string {
    if (this.config.strategy.kind === 'timestamp')
      return `(${this.col(SNAP, this.meta.validFrom)} < ${this.col(SRC, this.columns.updatedAt!)})`;
    if (this.columns.checkColumnAdded) return '(1 = 1)';
    return `(${this.columns.checkCols
      .map((c) => `NOT (${this.dialect.nullSafeEquals(this.col(SNAP, c), this.col(SRC, c))})`)
      .join(' OR ')})`;
  }

  /** new_record: the current version is a deletion record. NULL (a column added later) counts as not deleted. */
  isDeleted(alias: string): string {
    return `COALESCE(${this.col(alias, this.meta.isDeleted)}, 'False') = 'True'`;
  }
}
