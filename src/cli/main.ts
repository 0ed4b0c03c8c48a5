import { Command } from 'commander';
import { commandsFor } from './commands';
import { tbVersion } from '../core/version';

/** Builds the commander program for `argv`; every command lives in its own file under ./commands. */
export function buildProgram(argv: readonly string[]): Command {
  const program = new Command('tb')
    .description('tb: a dbt-style SQL transformation framework')
    .version(tbVersion)
    .showHelpAfterError()
    // Set before the commands are added: subcommands copy the setting when they are created.
    .exitOverride();
  for (const register of commandsFor(argv)) register(program);
  return program;
}

/** The only place that decides exit codes: 0 ok, 1 failures, 2 usage or internal error. */
export function main(argv: string[]): void {
  const program = buildProgram(argv);
  // Commander throws usage errors synchronously from parseAsync; both paths end in the same handler.
  const run = async () => program.parseAsync(argv);
  run().then(
    () => undefined,
    (err: unknown) => {
      const e = err as { exitCode?: number; code?: string };
      if (typeof e.exitCode === 'number' && e.code?.startsWith('commander.')) {
        process.exitCode = e.exitCode === 0 ? 0 : 2;
        return;
      }
      process.stderr.write(`tb: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
