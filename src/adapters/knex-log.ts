/**
 * knex prints its own warnings (`Acquire connection error: ...` with a stack) through console.log, on
 * stdout, which would break `--log-format json` and `--output json`. Every failure still reaches the caller
 * as a rejected promise, so knex's own copies are dropped.
 * @see https://knexjs.org/guide/#log
 */
export const quietKnexLog = {
  warn: (): void => undefined,
  error: (): void => undefined,
  deprecate: (): void => undefined,
  debug: (): void => undefined,
};
