import type { TargetConfig } from '../core/target';
import type { Adapter } from './adapter';
import { MysqlAdapter } from './mysql/mysql-adapter';
import { SqliteAdapter } from './sqlite/sqlite-adapter';

export interface CreateAdapterOptions {
  /** Connection pool size; defaults to the target's threads. */
  readonly poolSize?: number;
}

/** The one place that maps a target type to an adapter. */
export function createAdapter(target: TargetConfig, options: CreateAdapterOptions = {}): Adapter {
  switch (target.type) {
    case 'mysql':
      return new MysqlAdapter(target, options.poolSize ?? target.threads);
    case 'sqlite':
      return new SqliteAdapter(target);
  }
}
