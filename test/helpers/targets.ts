import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { MysqlTarget, SqliteTarget, TargetConfig } from '../../src/core/target';
import { createAdapter } from '../../src/adapters/create-adapter';
import type { Adapter } from '../../src/adapters/adapter';

/** A short random suffix so parallel suites never share a schema on the shared MariaDB. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export function mysqlTarget(schema: string, overrides: Partial<MysqlTarget> = {}): MysqlTarget {
  return {
    name: 'mysql',
    type: 'mysql',
    host: process.env.TB_TEST_MYSQL_HOST ?? '127.0.0.1',
    port: Number(process.env.TB_TEST_MYSQL_PORT ?? 3306),
    user: process.env.TB_TEST_MYSQL_USER ?? 'root',
    password: process.env.TB_TEST_MYSQL_PASSWORD ?? '',
    schema,
    threads: 4,
    ...overrides,
  };
}

export function sqliteTarget(
  schema = 'main',
  path = mkdtempSync(join(tmpdir(), 'tb-sqlite-')),
): SqliteTarget {
  return { name: 'sqlite', type: 'sqlite', path, schema, threads: 1 };
}

export interface TestWarehouse {
  readonly name: 'mysql' | 'sqlite';
  readonly target: TargetConfig;
  readonly adapter: Adapter;
  /** Schema names prefixed for this suite on MySQL; plain on SQLite (each suite has its own folder). */
  schema(name: string): string;
  cleanup(): Promise<void>;
}

/**
 * Both engines behind one shape, so that a test body loops over them (the Kysely habit).
 * `prefix` must be unique to the suite (e.g. `tbrun_`); MySQL schemas get `<prefix><random>_<name>`.
 */
export function testWarehouses(prefix: string): [string, () => TestWarehouse][] {
  return [
    [
      'mysql',
      () => {
        const tag = `${prefix}${uniqueSuffix()}`;
        const created = new Set<string>();
        const target = mysqlTarget(`${tag}_main`);
        const adapter = createAdapter(target);
        return {
          name: 'mysql',
          target,
          adapter,
          schema: (n) => {
            created.add(`${tag}_${n}`);
            return `${tag}_${n}`;
          },
          cleanup: async () => {
            for (const s of [...created, target.schema]) await adapter.dropSchema(s);
            await adapter.close();
          },
        };
      },
    ],
    [
      'sqlite',
      () => {
        const target = sqliteTarget();
        const adapter = createAdapter(target);
        return {
          name: 'sqlite',
          target,
          adapter,
          schema: (n) => n,
          cleanup: async () => {
            await adapter.close();
            rmSync(target.path, { recursive: true, force: true });
          },
        };
      },
    ],
  ];
}
