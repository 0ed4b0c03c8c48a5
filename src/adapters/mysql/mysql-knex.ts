import type * as KnexModule from 'knex';
import type { Knex } from 'knex';
import { lazyModule } from '../../core/lazy-module';
import { quietKnexLog } from '../knex-log';
import { readFileSync } from 'node:fs';
import type { MysqlTarget } from '../../core/target';

/**
 * knex over mysql2. No default database on the connection: every statement tb writes is schema-qualified,
 * and the target schema may not exist yet. `USE` is tried so that hand-written SQL (`tb show --inline`) works.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a MySQL target connects
const knexModule = lazyModule(() => require('knex') as typeof KnexModule);

export function createMysqlKnex(target: MysqlTarget, poolSize: number): Knex {
  return knexModule().knex({
    client: 'mysql2',
    log: quietKnexLog,
    connection: {
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      charset: 'utf8mb4',
      timezone: 'Z',
      // Dates stay text: zero dates survive and no time zone shifts them.
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: false,
      connectTimeout: target.connectTimeoutMs ?? 10000,
      ssl: target.ssl
        ? {
            ca: target.ssl.ca ? readFileSync(target.ssl.ca, 'utf8') : undefined,
            rejectUnauthorized: target.ssl.rejectUnauthorized ?? true,
          }
        : undefined,
    },
    pool: {
      min: 0,
      max: Math.max(1, poolSize),
      afterCreate: (conn: MysqlRawConnection, done: (err: Error | null, conn: unknown) => void) => {
        conn.query("SET SESSION time_zone = '+00:00', NAMES utf8mb4", (err) => {
          if (err) return done(err, conn);
          conn.query(`USE \`${target.schema.replace(/`/g, '``')}\``, () => done(null, conn));
        });
      },
    },
    acquireConnectionTimeout: 60000,
  });
}

interface MysqlRawConnection {
  query(sql: string, cb: (err: Error | null) => void): void;
}
