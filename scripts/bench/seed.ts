/**
 * bench:seed — writes a 100,000-row CSV (10 columns: integers, a decimal, a boolean, a date, a datetime,
 * Japanese text with quotes, commas and line breaks, emoji, empty cells) under bench-data/seed/ and loads it
 * with `seedTable` into SQLite and into MariaDB/MySQL, each engine in its own process so that its peak RSS is
 * its own. MySQL: TB_BENCH_MYSQL_HOST/PORT/USER/PASSWORD (default root@127.0.0.1:3306, empty password); it
 * creates and drops a `tbseed_bench_<random>` database.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '../../src/adapters/create-adapter';
import type { TargetConfig } from '../../src/core/target';
import { seedTable } from '../../src/seed';

const ROWS = 100_000;
const DIR = join(__dirname, '..', '..', 'bench-data', 'seed');
const CSV = join(DIR, `bench_seed_${ROWS}.csv`);

const WARDS = ['中野区', '杉並区', '新宿区', '世田谷区', '練馬区', '豊島区', '渋谷区', '板橋区'];
const NATIONALITIES = ['日本', 'USA', 'アメリカ', 'France', '中国', 'ベトナム', 'korea', ' 台湾 '];
const MEMOS = ['', '', 'ペット可 🐈', '"要確認", 連絡済み', '鍵を\n2本 受領', 'late payment, 2x', 'ok'];

/** A small deterministic generator, so every run loads the same bytes. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function row(i: number, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rnd() * 4000) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const time = `${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:07`;
  return [
    String(i),
    `A${String(1 + (i % 230)).padStart(4, '0')}`,
    `シェアハウス${pick(WARDS)}${i % 97}号館`,
    String(30_000 + Math.floor(rnd() * 90) * 1000),
    (8 + rnd() * 20).toFixed(2),
    rnd() < 0.1 ? 'true' : 'false',
    date,
    `${date} ${time}`,
    pick(NATIONALITIES),
    pick(MEMOS),
  ]
    .map(csvField)
    .join(',');
}

async function writeCsv(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const out = createWriteStream(CSV);
  const rnd = lcg(42);
  out.write(
    'id,apartment_code,apartment_name,rent,area_m2,is_corporate,move_in,updated_at,nationality,memo\n',
  );
  for (let i = 1; i <= ROWS; i++) {
    if (!out.write(row(i, rnd) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

function targetFor(engine: string): { target: TargetConfig; schema: string; cleanup: () => void } {
  if (engine === 'sqlite') {
    const path = mkdtempSync(join(tmpdir(), 'tb-bench-seed-'));
    const target: TargetConfig = { name: 'bench', type: 'sqlite', path, schema: 'main', threads: 1 };
    return { target, schema: 'seeds', cleanup: () => rmSync(path, { recursive: true, force: true }) };
  }
  const schema = `tbseed_bench_${randomBytes(4).toString('hex')}`;
  const target: TargetConfig = {
    name: 'bench',
    type: 'mysql',
    host: process.env.TB_BENCH_MYSQL_HOST ?? '127.0.0.1',
    port: Number(process.env.TB_BENCH_MYSQL_PORT ?? 3306),
    user: process.env.TB_BENCH_MYSQL_USER ?? 'root',
    password: process.env.TB_BENCH_MYSQL_PASSWORD ?? '',
    schema,
    threads: 4,
  };
  return { target, schema, cleanup: () => undefined };
}

/** Child: one engine, one seed; prints one JSON line. */
async function runEngine(engine: string): Promise<void> {
  const { target, schema, cleanup } = targetFor(engine);
  const adapter = createAdapter(target);
  try {
    const result = await seedTable(adapter, {
      name: 'bench_seed',
      relation: { schema, name: 'bench_seed' },
      filePath: CSV,
    });
    const { rows } = await adapter.execute(
      `SELECT COUNT(*) AS n FROM ${adapter.quoteRelation(result.relation)}`,
    );
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      JSON.stringify({
        engine,
        rows: result.rows,
        counted: Number(rows[0].n),
        seconds: result.seconds,
        peakRssMb,
      }) + '\n',
    );
  } finally {
    if (target.type === 'mysql') await adapter.dropSchema(schema);
    await adapter.close();
    cleanup();
  }
}

interface EngineResult {
  readonly engine: string;
  readonly rows: number;
  readonly counted: number;
  readonly seconds: number;
  readonly peakRssMb: number;
}

async function main(): Promise<void> {
  const engineArg = process.argv.indexOf('--engine');
  if (engineArg !== -1) return runEngine(process.argv[engineArg + 1]);
  if (!existsSync(CSV)) await writeCsv();
  const mb = statSync(CSV).size / 1024 / 1024;
  console.log(`seed file: ${CSV} (${ROWS.toLocaleString('en')} rows, ${mb.toFixed(1)} MB)`);
  for (const engine of ['sqlite', 'mysql']) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--engine', engine], {
      encoding: 'utf8',
    });
    if (child.status !== 0) {
      console.log(`${engine.padEnd(7)} FAILED\n${child.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as EngineResult;
    const ok = r.rows === ROWS && r.counted === ROWS && r.seconds < 5 ? 'ok' : 'SLOW OR WRONG';
    console.log(
      `${engine.padEnd(7)} rows=${r.counted}  seconds=${r.seconds.toFixed(2)}  peak RSS=${r.peakRssMb.toFixed(0)} MB  (target < 5 s: ${ok})`,
    );
  }
  console.log(
    'reference, NOT measured here: dbt seed of the same size takes 27-270 s (figures quoted in the issue)',
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
