import type { ColumnDef } from '../adapters/adapter';
import { engineColumnTypes } from '../adapters/portable-types';
import type { IndexColumn, SqlDialect } from '../adapters/sql-dialect';
import { ErrorCodes, TbError } from '../core/errors';
import type { CompiledNode, Relation } from '../core/types';
import { changesQuery } from './changes-query';
import { missingMetaColumns, resolveSnapshotColumns, type SnapshotColumns } from './snapshot-columns';
import { resolveSnapshotConfig, type SnapshotConfig } from './snapshot-config';
import { snapshotNames, type SnapshotNames } from './snapshot-names';
import { CHANGE_TYPE, SnapshotSql, SRC } from './snapshot-sql';

/** What the executor found in the warehouse, after staging the SELECT into `names.source`. */
export interface SnapshotState {
  /** The snapshot table exists (a view there is an error, reported by the executor). */
  readonly exists: boolean;
  /** Columns of the staged SELECT. */
  readonly sourceColumns: readonly ColumnDef[];
  /** Columns of the snapshot table, when it exists. */
  readonly targetColumns?: readonly ColumnDef[];
}

export type SnapshotPlan = CreatePlan | MergePlan;

interface PlanBase {
  readonly relation: Relation;
  readonly names: SnapshotNames;
  /** Drops the work tables; run even after a failure. */
  readonly cleanup: readonly string[];
}

/** First run: the table is the SELECT plus the meta columns, every row a current version. */
export interface CreatePlan extends PlanBase {
  readonly action: 'create';
  readonly statements: readonly string[];
}

/** Later runs: dbt's staging table, then the merge as an UPDATE and an INSERT that must land together. */
export interface MergePlan extends PlanBase {
  readonly action: 'merge';
  /** DDL: columns new to the table, the change set and its index (MySQL commits each implicitly). */
  readonly prepare: readonly string[];
  /** `change_type`, `n` rows: how many inserts, updates and deletes the change set holds. */
  readonly countChanges: string;
  /** Closes the versions that changed or were deleted (sets valid_to). */
  readonly close: string;
  /** Inserts the new versions, new keys and deletion records. */
  readonly insert: string;
  readonly addedColumns: readonly string[];
}

/** Statements that run the snapshot's SELECT once into a work table, before anything is planned. */
export function planSourceStaging(
  compiled: CompiledNode,
  dialect: SqlDialect,
): {
  readonly relation: Relation;
  readonly statements: readonly string[];
} {
  const config = resolveSnapshotConfig(compiled);
  const source = snapshotNames(config.relation, dialect.capabilities).source;
  return {
    relation: source,
    statements: [dialect.dropTable(source), dialect.createTableAs(source, compiled.compiledSql)],
  };
}

/**
 * Pure: the node, what the warehouse holds and the snapshot time ('YYYY-MM-DD HH:MM:SS', UTC) in; the
 * statements out. dbt's snapshot materialization, with `build_snapshot_table` on the first run and
 * `snapshot_staging_table` + `snapshot_merge_sql` later.
 */
export function planSnapshot(
  compiled: CompiledNode,
  state: SnapshotState,
  dialect: SqlDialect,
  now: string,
): SnapshotPlan {
  const config = resolveSnapshotConfig(compiled);
  const names = snapshotNames(config.relation, dialect.capabilities);
  if (!state.exists) {
    const columns = resolveSnapshotColumns(compiled, config, state.sourceColumns);
    const sql = new SnapshotSql(dialect, config, columns, now);
    return {
      action: 'create',
      relation: config.relation,
      names,
      statements: createStatements(sql, names, config.relation, state.sourceColumns),
      cleanup: [dialect.dropTable(names.source)],
    };
  }
  const targetColumns = state.targetColumns ?? [];
  rejectForeignTable(compiled, config, targetColumns);
  const columns = resolveSnapshotColumns(compiled, config, state.sourceColumns, targetColumns);
  const sql = new SnapshotSql(dialect, config, columns, now);
  const added = columnsToAdd(dialect, config, columns, targetColumns);
  return {
    action: 'merge',
    relation: config.relation,
    names,
    prepare: [
      ...added.map((c) => dialect.addColumn(config.relation, c)),
      // The deletes branch joins the table to the SELECT on the key; MariaDB has no hash join to fall back on.
      dialect.createIndex(
        names.source,
        names.sourceKeyIndex,
        keyColumns(columns, state.sourceColumns),
        false,
      ),
      dialect.dropTable(names.changes),
      dialect.createTableAs(names.changes, changesQuery(sql, names.source, config.relation)),
      dialect.createIndex(names.changes, names.changesScdIndex, [{ name: config.meta.scdId }], false),
    ],
    countChanges: `SELECT ${sql.q(CHANGE_TYPE)} AS change_type, COUNT(*) AS n FROM ${sql.rel(names.changes)} GROUP BY ${sql.q(CHANGE_TYPE)}`,
    close: closeStatement(sql, config.relation, names.changes),
    insert: insertStatement(sql, config.relation, names.changes),
    addedColumns: added.map((c) => c.name),
    cleanup: [dialect.dropTable(names.changes), dialect.dropTable(names.source)],
  };
}

function metaColumnNames(sql: SnapshotSql): string[] {
  const m = sql.meta;
  const names = [m.scdId, m.updatedAt, m.validFrom, m.validTo];
  return sql.config.hardDeletes === 'new_record' ? [...names, m.isDeleted] : names;
}

/** dbt's build_snapshot_table, then indexes on the key and the version id that every later merge joins on. */
function createStatements(
  sql: SnapshotSql,
  names: SnapshotNames,
  target: Relation,
  sourceColumns: readonly ColumnDef[],
): string[] {
  const m = sql.meta;
  const updatedAt = sql.updatedAt(SRC);
  const select = [
    ...sql.columns.source.map((c) => sql.col(SRC, c)),
    `${sql.scdId(SRC)} AS ${sql.q(m.scdId)}`,
    `${updatedAt} AS ${sql.q(m.updatedAt)}`,
    `${updatedAt} AS ${sql.q(m.validFrom)}`,
    `${sql.nullTimestamp} AS ${sql.q(m.validTo)}`,
    ...(sql.config.hardDeletes === 'new_record' ? [`'False' AS ${sql.q(m.isDeleted)}`] : []),
  ];
  const d = sql.dialect;
  return [
    d.createTableAs(target, `SELECT\n  ${select.join(',\n  ')}\nFROM ${sql.rel(names.source)} AS ${SRC}`),
    d.createIndex(target, names.targetKeyIndex, keyColumns(sql.columns, sourceColumns), false),
    d.createIndex(target, names.targetScdIndex, [{ name: m.scdId }], false),
  ];
}

/** The key's columns with their types (MySQL indexes TEXT keys by a prefix). */
function keyColumns(columns: SnapshotColumns, sourceColumns: readonly ColumnDef[]): IndexColumn[] {
  return columns.keys.map((k) => ({ name: k, dataType: sourceColumns.find((c) => c.name === k)?.dataType }));
}

/** dbt's snapshot_merge_sql as portable SQL: MySQL has no MERGE, and SQLite's UPDATE FROM is not MySQL's. */
function closeStatement(sql: SnapshotSql, target: Relation, changes: Relation): string {
  const t = sql.rel(target);
  const m = sql.meta;
  const closing = `${sql.q(CHANGE_TYPE)} IN ('update', 'delete')`;
  return [
    `UPDATE ${t}`,
    `SET ${sql.q(m.validTo)} = (SELECT tb_chg.${sql.q(m.validTo)} FROM ${sql.rel(changes)} AS tb_chg`,
    `  WHERE tb_chg.${sql.q(m.scdId)} = ${t}.${sql.q(m.scdId)} AND tb_chg.${closing})`,
    `WHERE ${sql.q(m.validTo)} IS NULL`,
    `  AND ${sql.q(m.scdId)} IN (SELECT ${sql.q(m.scdId)} FROM ${sql.rel(changes)} WHERE ${closing})`,
  ].join('\n');
}

/** dbt inserts only versions whose scd_id is not in the table yet (`when not matched`). */
function insertStatement(sql: SnapshotSql, target: Relation, changes: Relation): string {
  const columns = [...sql.columns.source, ...metaColumnNames(sql)].map((c) => sql.q(c));
  const scd = sql.q(sql.meta.scdId);
  return [
    `INSERT INTO ${sql.rel(target)} (${columns.join(', ')})`,
    `SELECT ${columns.map((c) => `tb_chg.${c}`).join(', ')}`,
    `FROM ${sql.rel(changes)} AS tb_chg`,
    `WHERE tb_chg.${sql.q(CHANGE_TYPE)} = 'insert'`,
    `  AND NOT EXISTS (SELECT 1 FROM ${sql.rel(target)} AS tb_old WHERE tb_old.${scd} = tb_chg.${scd})`,
  ].join('\n');
}

/** dbt's create_columns: the SELECT's new columns, and is_deleted when a snapshot turns to new_record. */
function columnsToAdd(
  dialect: SqlDialect,
  config: SnapshotConfig,
  columns: SnapshotColumns,
  targetColumns: readonly ColumnDef[],
): ColumnDef[] {
  const added = [...columns.missingInTarget];
  const isDeleted = config.meta.isDeleted.toLowerCase();
  if (config.hardDeletes === 'new_record' && !targetColumns.some((c) => c.name.toLowerCase() === isDeleted)) {
    const [dataType] = engineColumnTypes(dialect.capabilities, [{ kind: 'text', maxLength: 5 }]);
    added.push({ name: config.meta.isDeleted, dataType, nullable: true });
  }
  return added;
}

/** dbt's assert_valid_snapshot_target_given_strategy: never merge into a table that is not a snapshot. */
function rejectForeignTable(
  compiled: CompiledNode,
  config: SnapshotConfig,
  targetColumns: readonly ColumnDef[],
): void {
  const missing = missingMetaColumns(config.meta, targetColumns);
  if (missing.length === 0) return;
  throw new TbError(
    ErrorCodes.database,
    `snapshot '${compiled.node.name}': ${config.relation.schema}.${config.relation.name} exists but lacks ${missing.join(', ')}: it is not a snapshot table`,
    {
      file: compiled.node.originalFilePath,
      hint: 'drop or rename that table, or give the snapshot another name',
    },
  );
}
