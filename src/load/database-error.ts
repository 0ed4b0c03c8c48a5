import { ErrorCodes, TbError } from '../core/errors';

/**
 * A server's or SQLite's refusal as a TbError naming what was being done (`table \`movings\``): drivers'
 * errors carry a string code (`ER_DUP_ENTRY`, `SQLITE_CONSTRAINT_PRIMARYKEY`); anything else is a bug and
 * passes through untouched.
 */
export function databaseError(err: unknown, what: string): unknown {
  if (err instanceof TbError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return err;
  return new TbError(ErrorCodes.database, `${what}: ${(err as Error).message}`, { cause: err });
}
