import type { Knex } from 'knex';
import type { MysqlTarget } from '../../core/target';
import type { Adapter, ColumnDef, QueryResult, Relation, RelationInfo, Session } from '../adapter';
import { mysqlCapabilities } from './mysql-capabilities';
import { mysqlDialect } from './mysql-dialect';
import { createMysqlKnex } from './mysql-knex';
import { rawQuery } from '../raw-query';

interface ResultHeader {
  affectedRows?: number;
}

/** mysql2 answers `[rows, fields]` for a SELECT and `[ResultSetHeader]` for anything else. */
function toResult(raw: unknown): QueryResult {
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (Array.isArray(first)) return { rows: first as Record<string, unknown>[] };
  return { rows: [], affectedRows: (first as ResultHeader | undefined)?.affectedRows };
}

export class MysqlAdapter implements Adapter {
  readonly capabilities = mysqlCapabilities;
  readonly dialect = mysqlDialect;
  readonly knex: Knex;
  /** A connection outside the pool, so that KILL QUERY never waits behind the statements it stops. */
  private control: Knex | undefined;

  constructor(
    readonly target: MysqlTarget,
    poolSize = target.threads,
  ) {
    this.knex = createMysqlKnex(target, poolSize);
  }

  quoteIdentifier(name: string): string {
    return '`' + name.replace(/`/g, '``') + '`';
  }

  quoteRelation(relation: Relation): string {
    return `${this.quoteIdentifier(relation.schema)}.${this.quoteIdentifier(relation.name)}`;
  }

  async execute(sql: string, bindings: readonly unknown[] = []): Promise<QueryResult> {
    return toResult(await rawQuery(this.knex, sql, bindings));
  }

  async withSession<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    const client = this.knex.client as {
      acquireConnection(): Promise<unknown>;
      releaseConnection(c: unknown): Promise<void>;
    };
    const conn = (await client.acquireConnection()) as { threadId?: number };
    const session: Session = {
      id: conn.threadId,
      execute: async (sql, bindings = []) =>
        toResult(await rawQuery(this.knex, sql, bindings).connection(conn)),
    };
    try {
      return await fn(session);
    } finally {
      await client.releaseConnection(conn);
    }
  }

  /** MySQL DDL commits implicitly, so "atomic" here means: in order, on one connection, stop at the first error. */
  async executeAtomically(statements: readonly string[]): Promise<void> {
    await this.withSession(async (s) => {
      for (const sql of statements) await s.execute(sql);
    });
  }

  async ensureSchema(schema: string): Promise<void> {
    await this.execute(
      `CREATE DATABASE IF NOT EXISTS ${this.quoteIdentifier(schema)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  }

  async dropSchema(schema: string): Promise<void> {
    await this.execute(`DROP DATABASE IF EXISTS ${this.quoteIdentifier(schema)}`);
  }

  async schemaExists(schema: string): Promise<boolean> {
    const { rows } = await this.execute(
      'SELECT SCHEMA_NAME AS s FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [schema],
    );
    return rows.length > 0;
  }

  async listRelations(schema: string): Promise<RelationInfo[]> {
    const { rows } = await this.execute(
      `SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES
       WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`,
      [schema],
    );
    return rows.map((r) => ({
      schema,
      name: String(r.name),
      kind: String(r.type) === 'VIEW' ? 'view' : 'table',
    }));
  }

  async getRelation(relation: Relation): Promise<RelationInfo | undefined> {
    const { rows } = await this.execute(
      `SELECT TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?`,
      [relation.schema, relation.name],
    );
    if (rows.length === 0) return undefined;
    return { ...relation, kind: String(rows[0].type) === 'VIEW' ? 'view' : 'table' };
  }

  async getColumns(relation: Relation): Promise<ColumnDef[]> {
    const { rows } = await this.execute(
      `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
      [relation.schema, relation.name],
    );
    return rows.map((r) => ({
      name: String(r.name),
      dataType: String(r.type),
      nullable: r.nullable === 'YES',
    }));
  }

  async serverVersion(): Promise<string> {
    const { rows } = await this.execute('SELECT VERSION() AS v');
    return String(rows[0].v);
  }

  /** @see https://dev.mysql.com/doc/refman/8.0/en/kill.html: KILL QUERY ends the statement, keeps the connection. */
  async cancel(sessionId: number | undefined): Promise<void> {
    if (sessionId === undefined || !Number.isInteger(sessionId)) return;
    this.control ??= createMysqlKnex(this.target, 1);
    try {
      await this.control.raw(`KILL QUERY ${sessionId}`);
    } catch (err) {
      // The statement may have ended, and the thread with it, before the KILL arrived.
      if ((err as { errno?: number }).errno !== 1094) throw err;
    }
  }

  async close(): Promise<void> {
    await this.control?.destroy();
    await this.knex.destroy();
  }
}
