import type { Relation } from '../core/types';
import { CHANGE_TYPE, SNAP, SRC, type SnapshotSql } from './snapshot-sql';

/**
 * dbt's snapshot_staging_table as one SELECT without CTEs (MariaDB's CREATE TABLE ... AS WITH is not
 * reliable): the SELECT is already a table, and `snapshotted_data` (the current versions) is a join
 * condition. Every branch lists the same columns in the same order: change type, the SELECT's columns,
 * updated_at, valid_from, valid_to, scd_id, and for new_record is_deleted.
 */
export function changesQuery(sql: SnapshotSql, source: Relation, target: Relation): string {
  const branches = [insertions(sql, source, target), updates(sql, source, target)];
  const hardDeletes = sql.config.hardDeletes;
  if (hardDeletes !== 'ignore') branches.push(deletes(sql, source, target));
  if (hardDeletes === 'new_record') branches.push(deletionRecords(sql, source, target));
  return branches.join('\nUNION ALL\n');
}

interface Branch {
  readonly changeType: 'insert' | 'update' | 'delete';
  /** Which side the SELECT's columns are read from. */
  readonly dataFrom: string;
  readonly updatedAt: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly scdId: string;
  readonly isDeleted?: string;
}

function selectList(sql: SnapshotSql, b: Branch): string {
  const m = sql.meta;
  const parts = [
    `'${b.changeType}' AS ${sql.q(CHANGE_TYPE)}`,
    ...sql.columns.source.map((c) => sql.col(b.dataFrom, c)),
    `${b.updatedAt} AS ${sql.q(m.updatedAt)}`,
    `${b.validFrom} AS ${sql.q(m.validFrom)}`,
    `${b.validTo} AS ${sql.q(m.validTo)}`,
    `${b.scdId} AS ${sql.q(m.scdId)}`,
  ];
  if (sql.config.hardDeletes === 'new_record') parts.push(`${b.isDeleted} AS ${sql.q(m.isDeleted)}`);
  return `SELECT\n  ${parts.join(',\n  ')}`;
}

/** Deleted-again versions are re-opened too under new_record (dbt). */
function changed(sql: SnapshotSql): string {
  const deleted = sql.config.hardDeletes === 'new_record' ? ` OR ${sql.isDeleted(SNAP)}` : '';
  return `${sql.rowChanged()}${deleted}`;
}

/** New keys, and the new version of a changed key. */
function insertions(sql: SnapshotSql, source: Relation, target: Relation): string {
  const start = sql.versionStart(SRC, target);
  return [
    selectList(sql, {
      changeType: 'insert',
      dataFrom: SRC,
      updatedAt: sql.updatedAt(SRC),
      validFrom: start,
      validTo: sql.nullTimestamp,
      scdId: sql.scdIdAt(SRC, start),
      isDeleted: `'False'`,
    }),
    `FROM ${sql.rel(source)} AS ${SRC}`,
    `LEFT JOIN ${sql.rel(target)} AS ${SNAP} ON ${sql.keyJoin(SNAP, SRC)} AND ${sql.isCurrent(SNAP)}`,
    `WHERE ${sql.noMatch(SNAP)} OR ${changed(sql)}`,
  ].join('\n');
}

/** The current version of a changed key, closed where the new version starts (no gap, no overlap). */
function updates(sql: SnapshotSql, source: Relation, target: Relation): string {
  const start = sql.versionStart(SRC, target);
  return [
    selectList(sql, {
      changeType: 'update',
      dataFrom: SRC,
      updatedAt: sql.updatedAt(SRC),
      validFrom: start,
      validTo: start,
      scdId: sql.col(SNAP, sql.meta.scdId),
      isDeleted: sql.col(SNAP, sql.meta.isDeleted),
    }),
    `FROM ${sql.rel(source)} AS ${SRC}`,
    `JOIN ${sql.rel(target)} AS ${SNAP} ON ${sql.keyJoin(SNAP, SRC)} AND ${sql.isCurrent(SNAP)}`,
    `WHERE ${changed(sql)}`,
  ].join('\n');
}

/** Current versions whose key left the SELECT, closed at the snapshot time. */
function deletes(sql: SnapshotSql, source: Relation, target: Relation): string {
  return [
    selectList(sql, {
      changeType: 'delete',
      dataFrom: SNAP,
      updatedAt: sql.now,
      validFrom: sql.now,
      validTo: sql.now,
      scdId: sql.col(SNAP, sql.meta.scdId),
      isDeleted: sql.col(SNAP, sql.meta.isDeleted),
    }),
    ...goneFromSource(sql, source, target),
  ].join('\n');
}

/** new_record: a version that says "deleted", with the last known values, open from the snapshot time. */
function deletionRecords(sql: SnapshotSql, source: Relation, target: Relation): string {
  return [
    selectList(sql, {
      changeType: 'insert',
      dataFrom: SNAP,
      updatedAt: sql.now,
      validFrom: sql.now,
      validTo: sql.nullTimestamp,
      scdId: sql.hash([sql.col(SNAP, sql.meta.scdId), sql.now]),
      isDeleted: `'True'`,
    }),
    ...goneFromSource(sql, source, target),
  ].join('\n');
}

/** Under new_record, a key already marked deleted is left alone until it comes back. */
function goneFromSource(sql: SnapshotSql, source: Relation, target: Relation): string[] {
  const notYetDeleted = sql.config.hardDeletes === 'new_record' ? ` AND NOT (${sql.isDeleted(SNAP)})` : '';
  return [
    `FROM ${sql.rel(target)} AS ${SNAP}`,
    `LEFT JOIN ${sql.rel(source)} AS ${SRC} ON ${sql.keyJoin(SNAP, SRC)}`,
    `WHERE ${sql.isCurrent(SNAP)} AND ${sql.noMatch(SRC)}${notYetDeleted}`,
  ];
}
