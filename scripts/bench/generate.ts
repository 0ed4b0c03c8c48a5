/**
 * Benchmark of `tb generate` (issue 5): scale 1 must stream ~945 MB in under 60 s and under
 * 300 MB of RSS. Runs the real CLI as a child process (after compiling), times it, reads the
 * child's own peak RSS (getrusage, reported by `--json`), prints both against the targets,
 * and deletes the dump afterwards.
 *
 *   npm run bench:generate -- [--scale 1] [--seed 1] [--gzip] [--keep] [--no-build]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'bench-data', 'generate');
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 300;

interface Args {
  scale: string;
  seed: string;
  gzip: boolean;
  keep: boolean;
  build: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { scale: '1', seed: '1', gzip: false, keep: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scale') args.scale = argv[++i];
    else if (a === '--seed') args.seed = argv[++i];
    else if (a === '--gzip') args.gzip = true;
    else if (a === '--keep') args.keep = true;
    else if (a === '--no-build') args.build = false;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

/** Compiles src/ to dist/; other folders' type errors do not stop the emit, so check the output. */
function build(): void {
  const r = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (!fs.existsSync(path.join(ROOT, 'dist/cli/commands/generate.js'))) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error('build did not produce dist/cli/commands/generate.js');
  }
  if (r.status !== 0)
    process.stderr.write('note: tsc reported errors outside the generator; dist/ was emitted anyway\n');
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) build();
  fs.rmSync(OUT, { recursive: true, force: true });
  const cli = [
    'bin/tb.js',
    'generate',
    '--scale',
    args.scale,
    '--seed',
    args.seed,
    '--out',
    OUT,
    '--json',
    ...(args.gzip ? ['--gzip'] : []),
  ];
  const started = performance.now();
  const r = spawnSync(process.execPath, cli, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    return 2;
  }
  const result = JSON.parse(r.stdout.trim().split('\n').pop() as string) as {
    sqlPath: string;
    bytes: number;
    fileBytes: number;
    tables: Record<string, number>;
    totalRows: number;
    maxRssMb: number;
  };
  const full = Number(args.scale) === 1;
  const verdict = (ok: boolean) => (full ? (ok ? 'ok' : 'MISSED') : '(targets are for scale 1)');
  const timeOk = seconds < TARGET_SECONDS;
  const rssOk = result.maxRssMb < TARGET_RSS_MB;
  const lines = [
    `tb generate --scale ${args.scale} --seed ${args.seed}${args.gzip ? ' --gzip' : ''}`,
    `  output    ${(result.bytes / 1e6).toFixed(1)} MB of SQL${args.gzip ? `, ${(result.fileBytes / 1e6).toFixed(1)} MB gzipped` : ''}, ${Object.keys(result.tables).length} tables, ${result.totalRows.toLocaleString('en-US')} rows`,
    `  time      ${seconds.toFixed(1)} s   (target < ${TARGET_SECONDS} s)   ${verdict(timeOk)}`,
    `  peak RSS  ${result.maxRssMb} MB   (target < ${TARGET_RSS_MB} MB)  ${verdict(rssOk)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!args.keep) fs.rmSync(OUT, { recursive: true, force: true });
  else process.stdout.write(`  kept      ${result.sqlPath}\n`);
  return full && !(timeOk && rssOk) ? 1 : 0;
}

process.exitCode = main();
