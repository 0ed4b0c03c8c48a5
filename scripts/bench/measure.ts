import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Measured {
  readonly seconds: number;
  readonly peakRssMb: number;
  /** CPU seconds in user space and in the kernel, as of the last sample (at most 10 ms before exit). */
  readonly userSeconds: number;
  readonly kernelSeconds: number;
  readonly code: number | null;
  readonly stderr: string;
}

/** Linux's USER_HZ: /proc reports CPU time in ticks of 1/100 s on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/**
 * Runs a command and samples its resident memory and CPU time from /proc every 10 ms (the process tree's
 * root); wall time from spawn to exit. The CPU split shows where a slow run went: a cold compile that
 * spends seconds in the kernel is waiting on the file system, not on tb.
 */
export function measure(
  cmd: string,
  args: string[],
  cwd?: string,
  env?: NodeJS.ProcessEnv,
): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let peak = 0;
    let user = 0;
    let kernel = 0;
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are
        // the 12th and 13th of them (fields 14 and 15 of proc(5)).
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        user = Number(fields[11]) / TICKS_PER_SECOND;
        kernel = Number(fields[12]) / TICKS_PER_SECOND;
      } catch {
        // the process has exited between two samples
      }
    }, 10);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({
        seconds: (performance.now() - started) / 1000,
        peakRssMb: peak,
        userSeconds: user,
        kernelSeconds: kernel,
        code,
        stderr,
      });
    });
  });
}
