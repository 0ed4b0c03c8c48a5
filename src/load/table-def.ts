/**
 * The statement model: what the loader keeps of a dump's CREATE TABLE. Writers build their own DDL from it; the
 * MySQL writer re-emits the dump's own column text (with charsets mapped), the SQLite writer maps the types.
 */

/** A piece of the dump's SQL kept verbatim, with the offsets of the tokens a writer may rewrite. */
export interface SqlText {
  readonly sql: string;
  /** Offsets in `sql` of charset and collation names (after CHARSET, CHARACTER SET, COLLATE). */
  readonly charsetNames: readonly CharsetName[];
}

export interface CharsetName {
  readonly kind: 'charset' | 'collation';
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface ColumnDef {
  readonly name: string;
  /** Lower case base type: `int`, `varchar`, `decimal`, `longblob`, `enum`. */
  readonly type: string;
  /** The text between the type's parentheses, if any: `255`, `10,7`, `'a','b'`. */
  readonly typeArgs: string | null;
  readonly unsigned: boolean;
  readonly nullable: boolean;
  readonly autoIncrement: boolean;
  /** A generated column: the server computes it, a loader never writes it. */
  readonly generated: boolean;
  readonly text: SqlText;
}

export type IndexKind = 'primary' | 'unique' | 'index' | 'fulltext' | 'spatial';

export interface IndexPart {
  /** Null for a functional part (`(expr)`), which only MySQL can rebuild. */
  readonly column: string | null;
}

export interface IndexDef {
  readonly kind: IndexKind;
  readonly name: string | null;
  readonly parts: readonly IndexPart[];
  readonly text: SqlText;
}

export interface TableDef {
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly primaryKey: IndexDef | null;
  /** Secondary indexes: built after the data. */
  readonly indexes: readonly IndexDef[];
  /** FOREIGN KEY clauses, added after every table is loaded. */
  readonly foreignKeys: readonly SqlText[];
  /** CHECK constraints and anything else kept in the table body. */
  readonly otherItems: readonly SqlText[];
  /** Everything after the closing parenthesis: ENGINE, charset, partitioning. */
  readonly options: SqlText;
}

/** MySQL's spatial base types (dumped as WKB bytes). */
export const GEOMETRY_TYPES: readonly string[] = [
  'geometry',
  'point',
  'linestring',
  'polygon',
  'multipoint',
  'multilinestring',
  'multipolygon',
  'geometrycollection',
  'geomcollection',
];

/** Base types that LOAD DATA cannot fill from a dump's literals (bit strings, WKB geometry). */
export const RAW_LITERAL_TYPES: ReadonlySet<string> = new Set(['bit', ...GEOMETRY_TYPES]);
