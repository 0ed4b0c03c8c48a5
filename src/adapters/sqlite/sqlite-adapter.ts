import type { Knex } from 'knex';
import type BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { TbError, ErrorCodes } from '../../core/errors';
import type { SqliteTarget } from '../../core/target';
import type { Adapter, ColumnDef, QueryResult, Relation, RelationInfo, Session } from '../adapter';
import { rawQuery } from '../raw-query';
import { sqliteCapabilities } from './sqlite-capabilities';
import { sqliteDialect } from './sqlite-dialect';
import { MAIN_SCHEMA, removeSchemaFiles, schemaFile } from './sqlite-files';
import { MAX_ATTACHED, attachSchema, createSqliteKnex } from './sqlite-knex';

interface RunInfo {
  changes?: number;
}

/** better-sqlite3 through knex answers rows for a reader and `{changes}` for anything else. */
function toResult(raw: unknown): QueryResult {
  if (Array.isArray(raw)) return { rows: raw as Record<string, unknown>[] };
  return { rows: [], affectedRows: (raw as RunInfo | undefined)?.changes };
}

type Client = {
  acquireConnection(): Promise<BetterSqlite3.Database>;
  releaseConnection(c: unknown): Promise<void>;
};

export class SqliteAdapter implements Adapter {
  readonly capabilities = sqliteCapabilities;
  readonly dialect = sqliteDialect;
  readonly knex: Knex;

  constructor(readonly target: SqliteTarget) {
    this.knex = createSqliteKnex(target);
  }

  quoteIdentifier(name: string): string {
    return '"' + name.replace(/"/g, '""') + '"';
  }

  quoteRelation(relation: Relation): string {
    return `${this.quoteIdentifier(relation.schema)}.${this.quoteIdentifier(relation.name)}`;
  }

  async execute(sql: string, bindings: readonly unknown[] = []): Promise<QueryResult> {
    return toResult(await rawQuery(this.knex, sql, bindings));
  }

  /** The pool holds one connection: inside `fn`, use the session, never `adapter.execute` (it would wait forever). */
  async withSession<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    const client = this.knex.client as Client;
    const conn = await client.acquireConnection();
    const session: Session = {
      execute: async (sql, bindings = []) =>
        toResult(await rawQuery(this.knex, sql, bindings).connection(conn)),
    };
    try {
      return await fn(session);
    } finally {
      await client.releaseConnection(conn);
    }
  }

  /** One transaction: DDL included, so a swap is all or nothing. */
  async executeAtomically(statements: readonly string[]): Promise<void> {
    await this.knex.transaction(async (trx) => {
      for (const sql of statements) await trx.raw(sql);
    });
  }

  /** The raw better-sqlite3 handle, for writers that need prepared statements in bulk (load/, seed/). */
  async withDatabase<T>(fn: (db: BetterSqlite3.Database) => Promise<T> | T): Promise<T> {
    const client = this.knex.client as Client;
    const db = await client.acquireConnection();
    try {
      return await fn(db);
    } finally {
      await client.releaseConnection(db);
    }
  }

  async ensureSchema(schema: string): Promise<void> {
    if (schema === MAIN_SCHEMA) return;
    await this.withDatabase((db) => {
      if (attached(db).includes(schema)) return;
      if (attached(db).length - 2 >= MAX_ATTACHED) {
        throw new TbError(
          ErrorCodes.database,
          `cannot attach schema '${schema}': SQLite attaches at most ${MAX_ATTACHED} schemas`,
          {
            hint: `remove unused schema files from ${this.target.path}`,
          },
        );
      }
      attachSchema(db, this.target.path, schema);
    });
  }

  async dropSchema(schema: string): Promise<void> {
    if (schema === MAIN_SCHEMA) throw new TbError(ErrorCodes.database, 'the main schema cannot be dropped');
    await this.withDatabase((db) => {
      if (attached(db).includes(schema)) db.prepare('DETACH DATABASE ' + this.quoteIdentifier(schema)).run();
      removeSchemaFiles(this.target.path, schema);
    });
  }

  async schemaExists(schema: string): Promise<boolean> {
    if (schema === MAIN_SCHEMA) return true;
    return existsSync(schemaFile(this.target.path, schema));
  }

  async listRelations(schema: string): Promise<RelationInfo[]> {
    if (!(await this.isAttached(schema))) return [];
    const { rows } = await this.execute(
      `SELECT name, type FROM ${this.quoteIdentifier(schema)}.sqlite_master
       WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    );
    return rows.map((r) => ({ schema, name: String(r.name), kind: r.type === 'view' ? 'view' : 'table' }));
  }

  async getRelation(relation: Relation): Promise<RelationInfo | undefined> {
    if (!(await this.isAttached(relation.schema))) return undefined;
    const { rows } = await this.execute(
      `SELECT type FROM ${this.quoteIdentifier(relation.schema)}.sqlite_master WHERE type IN ('table', 'view') AND name = ?`,
      [relation.name],
    );
    if (rows.length === 0) return undefined;
    return { ...relation, kind: rows[0].type === 'view' ? 'view' : 'table' };
  }

  async getColumns(relation: Relation): Promise<ColumnDef[]> {
    if (!(await this.isAttached(relation.schema))) return [];
    const { rows } = await this.execute(
      `PRAGMA ${this.quoteIdentifier(relation.schema)}.table_info(${this.quoteIdentifier(relation.name)})`,
    );
    return rows.map((r) => ({
      name: String(r.name),
      dataType: String(r.type),
      nullable: Number(r.notnull) === 0,
    }));
  }

  async serverVersion(): Promise<string> {
    const { rows } = await this.execute('SELECT sqlite_version() AS v');
    return String(rows[0].v);
  }

  /** better-sqlite3 cannot interrupt a statement; the runner stops between statements instead. */
  async cancel(): Promise<void> {}

  async close(): Promise<void> {
    await this.knex.destroy();
  }

  private async isAttached(schema: string): Promise<boolean> {
    return this.withDatabase((db) => attached(db).includes(schema));
  }
}

function attached(db: BetterSqlite3.Database): string[] {
  return (db.pragma('database_list') as { name: string }[]).map((d) => d.name);
}
