import type { AdapterCapabilities, ColumnDef, Relation } from './adapter';

/** A column of an index, with its engine type when the dialect needs it (MySQL TEXT needs a prefix). */
export interface IndexColumn {
  readonly name: string;
  readonly dataType?: string;
}

/** One rename of a swap: `from` keeps its schema and gets the name `to`. */
export interface TableRename {
  readonly from: Relation;
  readonly to: string;
}

/**
 * Renders the statements a materialization needs, in one engine's SQL. Pure: no connection, so planners
 * and golden tests use it without a database. Planners choose *which* statements by capabilities; the
 * dialect only decides *how* each is spelled.
 */
export interface SqlDialect {
  readonly capabilities: AdapterCapabilities;
  /** createIndex needs each column's type (MySQL: TEXT/BLOB key parts need a prefix length). */
  readonly indexNeedsColumnTypes: boolean;
  readonly beginTransaction: string;
  readonly commit: string;
  readonly rollback: string;
  quoteIdentifier(name: string): string;
  quoteRelation(relation: Relation): string;
  /** `CREATE TABLE r AS` then the SELECT from the next line on, so "at line N" maps back to the model. */
  createTableAs(relation: Relation, select: string): string;
  /** `orReplace` only where `capabilities.createOrReplaceView`. */
  createView(relation: Relation, select: string, orReplace: boolean): string;
  dropTable(relation: Relation): string;
  dropView(relation: Relation): string;
  /** Statements that rename tables, left to right; one statement where `atomicMultiRename`. */
  renameTables(renames: readonly TableRename[]): string[];
  insertSelect(target: Relation, columns: readonly string[], source: Relation): string;
  /** Deletes the rows of `target` whose key matches a row of `source` (delete+insert). */
  deleteMatching(target: Relation, source: Relation, keys: readonly string[]): string;
  /** Inserts `source` into `target`, updating rows whose `keys` already exist (needs a unique index on keys). */
  upsert(target: Relation, columns: readonly string[], keys: readonly string[], source: Relation): string;
  addColumn(relation: Relation, column: ColumnDef): string;
  createIndex(relation: Relation, name: string, columns: readonly IndexColumn[], unique: boolean): string;
  countRows(relation: Relation): string;
  /** `left` equals `right`, NULL equal to NULL (snapshot check strategy, change detection). */
  nullSafeEquals(left: string, right: string): string;
  /**
   * Drops an index by its schema-wide name, where index names are per schema (SQLite): a kept backup table
   * holds on to its indexes' names, which the rebuilt table needs. Absent where names are per table.
   */
  dropIndex?(schema: string, name: string): string;
  /** `GRANT SELECT` on a relation to a user or role; absent where the engine has no privileges (SQLite). */
  grantSelect?(relation: Relation, grantee: string): string;
}

/** The parts every dialect spells alike; engines override the rest. */
export function commonDialectParts(quoteIdentifier: (name: string) => string) {
  const quoteRelation = (r: Relation): string => `${quoteIdentifier(r.schema)}.${quoteIdentifier(r.name)}`;
  const list = (names: readonly string[]): string => names.map(quoteIdentifier).join(', ');
  return {
    quoteIdentifier,
    quoteRelation,
    list,
    createTableAs: (relation: Relation, select: string): string =>
      `CREATE TABLE ${quoteRelation(relation)} AS\n${select}`,
    dropTable: (relation: Relation): string => `DROP TABLE IF EXISTS ${quoteRelation(relation)}`,
    dropView: (relation: Relation): string => `DROP VIEW IF EXISTS ${quoteRelation(relation)}`,
    insertSelect: (target: Relation, columns: readonly string[], source: Relation): string =>
      `INSERT INTO ${quoteRelation(target)} (${list(columns)})\nSELECT ${list(columns)} FROM ${quoteRelation(source)}`,
    deleteMatching: (target: Relation, source: Relation, keys: readonly string[]): string => {
      const t = quoteRelation(target);
      const match = keys
        .map((k) => `tb_new.${quoteIdentifier(k)} = ${t}.${quoteIdentifier(k)}`)
        .join(' AND ');
      return `DELETE FROM ${t}\nWHERE EXISTS (SELECT 1 FROM ${quoteRelation(source)} AS tb_new WHERE ${match})`;
    },
    countRows: (relation: Relation): string => `SELECT COUNT(*) AS n FROM ${quoteRelation(relation)}`,
  };
}
