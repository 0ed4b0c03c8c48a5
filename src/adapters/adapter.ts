import type { Knex } from 'knex';
import type { TargetConfig } from '../core/target';
import type { Relation } from '../core/types';
import type { SqlDialect } from './sql-dialect';

/**
 * Engine behaviour declared as data, so that planners ask "can it?" instead of "is it mysql?".
 */
export interface AdapterCapabilities {
  readonly type: string;
  /** MySQL: 64 (https://dev.mysql.com/doc/refman/8.0/en/identifier-length.html). */
  readonly maxIdentifierLength: number;
  /** One statement renames many tables atomically (MySQL `RENAME TABLE a TO b, c TO d`). */
  readonly atomicMultiRename: boolean;
  /** DDL takes part in transactions (SQLite yes; MySQL commits implicitly). */
  readonly transactionalDdl: boolean;
  /** Several connections may write at once (SQLite has one writer). */
  readonly parallelWrites: boolean;
  readonly defaultThreads: number;
  /** How an upsert is written. */
  readonly upsertSyntax: 'on-duplicate-key' | 'on-conflict';
  /** `CREATE OR REPLACE VIEW` exists (MySQL yes; SQLite needs DROP + CREATE in one transaction). */
  readonly createOrReplaceView: boolean;
  /** A view may read relations of another schema (SQLite forbids it across attached databases). */
  readonly crossSchemaViews: boolean;
  /** The character that quotes identifiers (MySQL a backtick, SQLite a double quote). */
  readonly identifierQuote: string;
}

export type { Relation };

export type RelationKind = 'table' | 'view';

export interface RelationInfo extends Relation {
  readonly kind: RelationKind;
}

export interface ColumnDef {
  readonly name: string;
  /** The engine's own type text, e.g. `varchar(255)`, `INTEGER`. */
  readonly dataType: string;
  readonly nullable: boolean;
}

export interface QueryResult {
  readonly rows: Record<string, unknown>[];
  /** Rows changed by INSERT/UPDATE/DELETE, when the engine reports it. */
  readonly affectedRows?: number;
}

/** A single connection held for session-scoped work: SET SESSION, GET_LOCK, a bulk load. */
export interface Session {
  execute(sql: string, bindings?: readonly unknown[]): Promise<QueryResult>;
  /** Engine connection id (MySQL thread id), for KILL QUERY from another session. */
  readonly id?: number;
}

export interface Adapter {
  readonly target: TargetConfig;
  readonly capabilities: AdapterCapabilities;
  /** Spells the statements materializations need in this engine's SQL. */
  readonly dialect: SqlDialect;
  /** knex is how every statement reaches the database; exposed for adapter-specific writers (load/). */
  readonly knex: Knex;
  quoteIdentifier(name: string): string;
  /** `schema`.`name` quoted for this engine. */
  quoteRelation(relation: Relation): string;
  execute(sql: string, bindings?: readonly unknown[]): Promise<QueryResult>;
  /** Holds one connection for the callback's duration. */
  withSession<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  /** Runs statements as one unit: a transaction where the engine has transactional DDL, else in order. */
  executeAtomically(statements: readonly string[]): Promise<void>;
  ensureSchema(schema: string): Promise<void>;
  dropSchema(schema: string): Promise<void>;
  schemaExists(schema: string): Promise<boolean>;
  listRelations(schema: string): Promise<RelationInfo[]>;
  getRelation(relation: Relation): Promise<RelationInfo | undefined>;
  getColumns(relation: Relation): Promise<ColumnDef[]>;
  serverVersion(): Promise<string>;
  /**
   * Stops the statement a session is running, from another connection (MySQL `KILL QUERY`). Does nothing
   * where the engine cannot interrupt (SQLite: better-sqlite3 runs a statement synchronously to its end).
   */
  cancel(sessionId: number | undefined): Promise<void>;
  close(): Promise<void>;
}
