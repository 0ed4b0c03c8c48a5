/**
 * npm run bench:load — `tb load` against the plain client (`mariadb < dump.sql`) on the same MariaDB in the same
 * run, on a ~1 GB dump of realistic PMS tables; then SQLite MB/s, parse-only (--dry-run) MB/s, and peak RSS for
 * a 100 MB and a 1 GB dump. Options: --size-mb 1024 --small-mb 100 --jobs N --dump <file> --skip-plain
 *
 * The dump is generated once into bench-data/load/ (gitignored). The project's generator (src/generate) writes
 * MySQL 8 dumps with 0900 collations, which the plain MariaDB client refuses without a sed; so that the baseline
 * is the plain client on the file as it is, the bench writes its own deterministic MariaDB-compatible dump of
 * the same kind of tables (log tables with long text, core tables with secondary indexes).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { createAdapter } from '../../src/adapters/create-adapter';
import type { MysqlTarget } from '../../src/core/target';
import { loadDump } from '../../src/load';
import { writeBenchDump } from './load-dump-writer';

const ROOT = resolve(__dirname, '../..');
const MB = 1024 * 1024;
const mysql: MysqlTarget = {
  name: 'bench',
  type: 'mysql',
  host: process.env.TB_TEST_MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.TB_TEST_MYSQL_PORT ?? 3306),
  user: process.env.TB_TEST_MYSQL_USER ?? 'root',
  password: process.env.TB_TEST_MYSQL_PASSWORD ?? '',
  schema: 'tbload_bench_main',
  threads: 2,
};
const STAGING = 'tbload_bench_staging';
const PLAIN = 'tbload_bench_plain';

/** Dynamic settings for both runs alike: the reference figures came from a 4 GB buffer pool. */
const SERVER_SETTINGS: Record<string, string> = {
  innodb_buffer_pool_size: String(4 * 1024 * MB),
  innodb_log_file_size: String(1024 * MB),
  max_allowed_packet: String(64 * MB),
};

interface ChildResult {
  readonly seconds: number;
  readonly bytes: number;
  readonly rows: number;
  readonly maxRssMb: number;
}

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function sql(query: string, db?: string): string {
  const args = ['-uroot', `-h${mysql.host}`, `-P${mysql.port}`, '-N', '-B', '-e', query];
  if (mysql.password) args.push(`-p${mysql.password}`);
  if (db) args.push(db);
  return execFileSync('mariadb', args, { encoding: 'utf8', maxBuffer: 1 << 26 }).trim();
}

async function child(kind: string, file: string, jobs: number): Promise<void> {
  const started = process.hrtime.bigint();
  let result;
  if (kind === 'dry') {
    result = await loadDump(null, file, { dryRun: true });
  } else {
    const folder = join(ROOT, 'bench-data/load/sqlite');
    if (kind === 'sqlite') rmSync(folder, { recursive: true, force: true });
    const target =
      kind === 'sqlite'
        ? { name: 'b', type: 'sqlite' as const, path: folder, schema: 'main', threads: 1 }
        : mysql;
    const adapter = createAdapter(target, { poolSize: 2 });
    try {
      result = await loadDump(adapter, file, { schema: kind === 'sqlite' ? 'staging' : STAGING, jobs });
    } finally {
      await adapter.close();
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const out: ChildResult = {
    seconds,
    bytes: result.bytes,
    rows: result.rows,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

/** Each measured load runs in its own process, so that its peak RSS is its own. */
function runChild(kind: string, file: string, jobs: number): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const p = spawn(
      process.execPath,
      ['--require', 'tsx/cjs', __filename, '--child', kind, file, String(jobs)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) =>
      code === 0
        ? resolvePromise(JSON.parse(out.trim().split('\n').pop() as string) as ChildResult)
        : reject(new Error(`${kind} exited ${code}`)),
    );
  });
}

function plainClient(file: string): Promise<number> {
  sql(`DROP DATABASE IF EXISTS ${PLAIN}; CREATE DATABASE ${PLAIN}`);
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise, reject) => {
    const args = ['-uroot', `-h${mysql.host}`, `-P${mysql.port}`, PLAIN];
    const p = spawn('mariadb', args, { stdio: [openSync(file, 'r'), 'inherit', 'inherit'] });
    p.on('exit', (code) =>
      code === 0
        ? resolvePromise(Number(process.hrtime.bigint() - started) / 1e9)
        : reject(new Error(`mariadb exited ${code}`)),
    );
  });
}

/**
 * CPU seconds the local mariadbd has used so far (utime + stime from /proc), or null when the server is not a
 * local process. On a shared machine wall time is noisy; the server's own CPU per GB is not.
 */
function serverCpuSeconds(): number | null {
  try {
    const pid = execFileSync('pidof', ['mariadbd'], { encoding: 'utf8' }).trim().split(' ')[0];
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function withServerCpu<T>(fn: () => Promise<T>): Promise<[T, string]> {
  const before = serverCpuSeconds();
  const result = await fn();
  const after = serverCpuSeconds();
  return [result, before === null || after === null ? '' : `, server CPU ${(after - before).toFixed(1)} s`];
}

function ensureDump(sizeMb: number): string {
  const dir = join(ROOT, 'bench-data/load');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pms_${sizeMb}mb_20260205.sql`);
  if (!existsSync(file)) {
    const t = Date.now();
    writeBenchDump(file, sizeMb * MB);
    console.log(
      `generated ${file} (${(statSync(file).size / MB).toFixed(0)} MB) in ${((Date.now() - t) / 1000).toFixed(1)}s`,
    );
  }
  return file;
}

/** CHECKSUM TABLE of `tables` in `db`, one `table checksum` line each. */
function checksums(db: string, tables: readonly string[]): string {
  return sql(`CHECKSUM TABLE ${tables.map((t) => `\`${db}\`.\`${t}\``).join(', ')}`)
    .split('\n')
    .map((l) => l.replace(`${db}.`, ''))
    .join('\n');
}

/** tb load drops the dump's empty tables; every table it kept must match the plain client's copy. */
function sameData(): boolean {
  const kept = sql(
    `SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA='${STAGING}' ORDER BY 1`,
  ).split('\n');
  return kept.length > 0 && checksums(PLAIN, kept) === checksums(STAGING, kept);
}

async function main(): Promise<void> {
  const jobs = Number(arg('jobs', '2'));
  const big = arg('dump') ?? ensureDump(Number(arg('size-mb', '1024')));
  const small = ensureDump(Number(arg('small-mb', '100')));
  const bigMb = statSync(big).size / MB;
  const original: Record<string, string> = {};
  for (const name of Object.keys(SERVER_SETTINGS)) original[name] = sql(`SELECT @@GLOBAL.${name}`);
  for (const [name, value] of Object.entries(SERVER_SETTINGS)) {
    sql(`SET GLOBAL ${name} = ${value}`);
    console.log(`server: SET GLOBAL ${name} = ${value} (was ${original[name]})`);
  }
  console.log(
    `server: ${sql('SELECT VERSION()')}; cores: ${availableParallelism()}; dump ${bigMb.toFixed(0)} MB; ` +
      `load average before: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  try {
    const rows: [string, string][] = [];
    // SQLite and the parse alone first, on a quiet machine: after the MariaDB runs the server spends a
    // minute or more flushing their dirty pages, which would take CPU and disk from whatever runs next.
    const lite = await runChild('sqlite', big, jobs);
    const dry = await runChild('dry', big, jobs);
    execFileSync('sync');
    let plainSeconds: number | undefined;
    if (!process.argv.includes('--skip-plain')) {
      const [seconds, cpu] = await withServerCpu(() => plainClient(big));
      plainSeconds = seconds;
      rows.push([
        'mariadb < dump.sql',
        `${seconds.toFixed(1)} s (${(bigMb / seconds).toFixed(1)} MB/s)${cpu}`,
      ]);
      console.log(rows[rows.length - 1].join(': '));
    }
    const [tb, tbCpu] = await withServerCpu(() => runChild('mysql', big, jobs));
    rows.push([
      `tb load → MariaDB (--jobs ${jobs})`,
      `${tb.seconds.toFixed(1)} s (${(bigMb / tb.seconds).toFixed(1)} MB/s)${tbCpu}, peak RSS ${tb.maxRssMb.toFixed(0)} MB`,
    ]);
    console.log(rows[rows.length - 1].join(': '));
    if (plainSeconds !== undefined) {
      rows.push(['speed-up vs plain client', `${(plainSeconds / tb.seconds).toFixed(2)}x (target ≥ 3x)`]);
      const same = sameData();
      rows.push(['CHECKSUM TABLE plain vs tb', same ? 'identical' : 'DIFFERENT']);
    }
    rows.push([
      'tb load → SQLite',
      `${lite.seconds.toFixed(1)} s = ${(bigMb / lite.seconds).toFixed(1)} MB/s (target ≥ 50), peak RSS ${lite.maxRssMb.toFixed(0)} MB`,
    ]);
    rows.push([
      'tb load --dry-run',
      `${dry.seconds.toFixed(2)} s = ${(bigMb / dry.seconds).toFixed(0)} MB/s (target ≥ 300)`,
    ]);
    const smallRun = await runChild('mysql', small, jobs);
    rows.push([
      `peak RSS, ${(statSync(small).size / MB).toFixed(0)} MB dump → MariaDB`,
      `${smallRun.maxRssMb.toFixed(0)} MB`,
    ]);
    rows.push([
      `peak RSS, ${bigMb.toFixed(0)} MB dump → MariaDB`,
      `${tb.maxRssMb.toFixed(0)} MB (target < 300)`,
    ]);
    console.log('\n' + rows.map(([k, v]) => `${k.padEnd(42)} ${v}`).join('\n'));
  } finally {
    sql(
      `DROP DATABASE IF EXISTS ${PLAIN}; DROP DATABASE IF EXISTS ${STAGING}; DROP DATABASE IF EXISTS ${mysql.schema}`,
    );
    rmSync(join(ROOT, 'bench-data/load/sqlite'), { recursive: true, force: true });
    for (const [name, value] of Object.entries(original)) sql(`SET GLOBAL ${name} = ${value}`);
    console.log(`server: settings restored (${Object.keys(original).join(', ')})`);
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3], process.argv[4], Number(process.argv[5])).catch((err) => {
    process.stderr.write(`${err?.format ? err.format() : err?.stack}\n`);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  });
}
