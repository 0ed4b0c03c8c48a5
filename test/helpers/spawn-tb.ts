import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const TB = join(__dirname, '..', '..', 'bin', 'tb.js');

export interface TbRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

/** Starts `tb` (the built dist/) as a real process; `done` settles when it exits, whatever the code. */
export function startTb(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; done: Promise<TbRun>; output: () => string } {
  const child = spawn(process.execPath, [TB, ...args], {
    cwd,
    env: { ...process.env, TB_PROFILES_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<TbRun>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done, output: () => out };
}

export function runTb(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<TbRun> {
  return startTb(args, cwd, env).done;
}

/** The JSON lines of a `--log-format json` run. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
