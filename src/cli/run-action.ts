import { DiagnosticsError, TbError, isUsageError } from '../core/errors';

/**
 * Wraps a command's action: project errors print with file, line and hint and exit 1; a bad argument
 * (selector, `--vars`, `--state`) prints the same way and exits 2, as commander's usage errors do;
 * anything unexpected is an internal error, exit 2. The action returns its own exit code (0 ok, 1 failures).
 */
export function runAction<A extends unknown[]>(
  action: (...args: A) => Promise<number> | number,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await action(...args);
    } catch (err) {
      if (err instanceof DiagnosticsError || err instanceof TbError) {
        process.stderr.write(`${err.format()}\n`);
        process.exitCode = isUsageError(err) ? 2 : 1;
        return;
      }
      process.stderr.write(`tb: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 2;
    }
  };
}
