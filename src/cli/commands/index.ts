import type { Command } from 'commander';

/** Each command file exports one `register(program)`; the list below is the CLI's whole surface. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [];
