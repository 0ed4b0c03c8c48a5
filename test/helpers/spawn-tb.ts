import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

/**
 * Runs `tb` to the end, synchronously: exit code, stdout, stderr, and both together. `env` is laid over the
 * test's environment (a key set to undefined is removed); profiles.yml is the project's own.
 */
export function runTbSync(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): { code: number | null; out: string; err: string; all: string } {
  const r = spawnSync(process.execPath, [TB, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TB_PROFILES_DIR: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, all: r.stdout + r.stderr };
}

/** The JSON lines of a `--log-format json` run. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
