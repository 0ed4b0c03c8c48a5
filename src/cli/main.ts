import { Command } from 'commander';
import { commands } from './commands';
import { tbVersion } from '../core/version';

/** Builds the commander program; every command lives in its own file under ./commands. */
export function buildProgram(): Command {
  const program = new Command('tb')
    .description('tb: a dbt-style SQL transformation framework')
    .version(tbVersion)
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

/** The only place that decides exit codes: 0 ok, 1 failures, 2 usage or internal error. */
export function main(argv: string[]): void {
  const program = buildProgram();
  program.exitOverride();
  program.parseAsync(argv).then(
    () => undefined,
    (err: unknown) => {
      const code = (err as { exitCode?: number }).exitCode;
      if (typeof code === 'number' && (err as { code?: string }).code?.startsWith('commander.')) {
        process.exitCode = code === 0 ? 0 : 2;
        return;
      }
      process.stderr.write(`tb: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
