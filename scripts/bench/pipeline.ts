/**
 * bench:pipeline — the daily job on MariaDB, step by step: a generated dump (scale 1 ≈ 945 MB by default)
 * through `tb load`, `tb seed`, `tb run` and `tb test`, each spawned as the container would, with wall time
 * and peak RSS. Compared with the current system (AWS Glue + dbt + Step Functions on Aurora: 4–5 minutes
 * end to end); target: under 2 minutes on this 2-core machine.
 *
 *   npm run bench:pipeline -- [--scale 1] [--seed 1] [--keep]
 *
 * The dump is cached in bench-data/pipeline/ (git-ignored). Schemas carry the prefix `tbbench_` through
 * TB_SCHEMA_PREFIX and are dropped at the end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measure, type Measured } from './measure';

const ROOT = resolve(__dirname, '..', '..');
const TB = join(ROOT, 'bin', 'tb.js');
const PREFIX = 'tbbench_';
const AS_OF = '2026-02-05';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function mariadb(sql: string): string {
  return execFileSync('mariadb', ['-uroot', '-h127.0.0.1', '-N', '-e', sql], { encoding: 'utf8' });
}

async function step(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  const r = await measure(process.execPath, [TB, ...args], ROOT, env);
  if (r.code !== 0) throw new Error(`${name} failed (exit ${r.code}):\n${r.stderr.slice(-2000)}`);
  console.log(
    `${name.padEnd(8)} ${r.seconds.toFixed(1).padStart(7)} s   peak RSS ${r.peakRssMb.toFixed(0).padStart(4)} MB`,
  );
  return r;
}

async function main(): Promise<void> {
  const scale = arg('--scale', '1');
  const seed = arg('--seed', '1');
  const out = join(ROOT, 'bench-data', 'pipeline', `s${scale}-seed${seed}`);
  const dump = join(out, `gghouse_${AS_OF.replace(/-/g, '')}.sql`);
  if (!existsSync(dump)) {
    mkdirSync(out, { recursive: true });
    console.log(`generating the dump (scale ${scale}) into ${out} ...`);
    execFileSync(
      process.execPath,
      [TB, 'generate', '--scale', scale, '--seed', seed, '--as-of', AS_OF, '--out', out],
      { stdio: 'inherit' },
    );
  }
  const env = {
    ...process.env,
    TB_TARGET: 'mysql',
    TB_SCHEMA_PREFIX: PREFIX,
    TB_MYSQL_DATABASE: `${PREFIX}meta`,
  };
  const vars = ['--vars', `{as_of: ${AS_OF}}`];
  console.log(`tb on MariaDB ${mariadb('select version()').trim()}, dump ${dump}`);
  try {
    const steps = [
      await step('load', ['load', dump, '--schema', `${PREFIX}staging`], env),
      await step('seed', ['seed', ...vars], env),
      await step('run', ['run', ...vars], env),
      await step('test', ['test', ...vars], env),
    ];
    const total = steps.reduce((s, r) => s + r.seconds, 0);
    const peak = Math.max(...steps.map((r) => r.peakRssMb));
    console.log(`total    ${total.toFixed(1).padStart(7)} s   peak RSS ${peak.toFixed(0).padStart(4)} MB`);
    console.log(
      'current system (AWS Glue + dbt + Step Functions, Aurora): 4–5 minutes end to end (not measured here)',
    );
    console.log(`target: under 120 s on this machine — ${total < 120 ? 'met' : 'NOT met'}`);
  } finally {
    if (!process.argv.includes('--keep')) {
      for (const db of mariadb(`show databases like '${PREFIX}%'`).split('\n').filter(Boolean))
        mariadb(`drop database \`${db}\``);
    }
  }
}

void main().catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});
