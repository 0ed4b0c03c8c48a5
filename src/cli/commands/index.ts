import type { Command } from 'commander';

/** Each command file exports one `register<Name>(program)`; the table below is the CLI's whole surface. */
export type RegisterCommand = (program: Command) => void;

/** Command name (and aliases) → its file under ./commands, in the order `tb --help` lists them. */
const COMMAND_FILES: readonly (readonly [names: readonly string[], file: string])[] = [
  [['parse'], 'parse'],
  [['compile'], 'compile'],
  [['ls', 'list'], 'ls'],
  [['load'], 'load'],
  [['run'], 'run'],
  [['seed'], 'seed'],
  [['test'], 'test'],
  [['build'], 'build'],
  [['snapshot'], 'snapshot'],
  [['source'], 'source'],
  [['retry'], 'retry'],
  [['demo'], 'demo'],
  [['generate'], 'generate'],
  [['debug'], 'debug'],
  [['show'], 'show'],
  [['pipeline'], 'pipeline'],
  [['backups'], 'backups'],
  [['rollback'], 'rollback'],
  [['docs'], 'docs'],
  [['report'], 'report'],
];

/**
 * The commands to register for `argv`: only the one invoked when its name is the first argument, every
 * one otherwise (`--help`, `help compile`, a mistyped name that needs suggestions). Loading all twenty
 * command files and what they import took ~60 ms of every start; `tb compile` needs a third of it.
 */
export function commandsFor(argv: readonly string[]): RegisterCommand[] {
  const invoked = COMMAND_FILES.find(([names]) => names.includes(argv[2] ?? ''));
  return (invoked ? [invoked] : COMMAND_FILES).map(([, file]) => registerFrom(file));
}

function registerFrom(file: string): RegisterCommand {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for the invoked command
  const module = require(`./${file}`) as Record<string, unknown>;
  const register = Object.entries(module).find(([name]) => name.startsWith('register'))?.[1];
  if (typeof register !== 'function')
    throw new Error(`src/cli/commands/${file} exports no register function`);
  return register as RegisterCommand;
}
