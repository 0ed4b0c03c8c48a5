import { ErrorCodes, TbError } from '../core/errors';

/** The stable code on-call greps for: another writer holds the warehouse. */
export const LOCK_BUSY_CODE = 'TB701';
/** The lock was lost (a server restart) and another writer took it before us. */
export const LOCK_LOST_CODE = 'TB702';

export function lockBusyError(name: string, holder: string): TbError {
  return new TbError(LOCK_BUSY_CODE, `another tb writer holds the warehouse lock ${name}: ${holder}`, {
    hint: 'wait for it to finish, or run with --wait to queue behind it',
  });
}

export function lockLostError(name: string): TbError {
  return new TbError(
    LOCK_LOST_CODE,
    `the warehouse lock ${name} was lost (the connection holding it dropped) and another writer took it`,
    { hint: 'this run stopped so that two writers never interleave; rerun once the other one has finished' },
  );
}

export function lockCancelledError(name: string): TbError {
  return new TbError(ErrorCodes.loadCancelled, `stopped while waiting for the warehouse lock ${name}`);
}
