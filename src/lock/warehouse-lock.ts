import type { TargetConfig } from '../core/target';
import type { LockOptions, WarehouseLock } from './lock-types';
import { acquireMysqlLock } from './mysql-named-lock';
import { acquireSqliteLock } from './sqlite-file-lock';

export type { LockOptions, WarehouseLock } from './lock-types';
export { LOCK_BUSY_CODE, LOCK_LOST_CODE } from './lock-busy-error';

/**
 * Takes the warehouse's writer lock: `GET_LOCK('tb:<schema>')` on MySQL, an exclusive SQLite transaction on a
 * lock file beside the warehouse. Distinct from the loader's own `tb_load:<schema>` lock, so a pipeline that
 * holds this one and then loads never waits on itself.
 */
export function acquireWarehouseLock(
  target: TargetConfig,
  options: LockOptions = {},
): Promise<WarehouseLock> {
  switch (target.type) {
    case 'mysql':
      return acquireMysqlLock(target, options);
    case 'sqlite':
      return acquireSqliteLock(target, options);
  }
}
