/**
 * Runs the real CLI (bin/tb.js, i.e. dist/: rebuild with `npx tsc -p tsconfig.build.json` after changing src)
 * on the project at the repository's top, against one engine, with the schema prefix of the test.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..');
const TB = join(REPO, 'bin', 'tb.js');

export type Engine = 'sqlite' | 'mysql';

export interface CliResult {
  readonly code: number | null;
  readonly out: string;
}

export interface EngineRun {
  readonly engine: Engine;
  /** Every schema name of the run starts with it: `<prefix>staging`, `<prefix>silver`, ... */
  readonly prefix: string;
  /** Holds profiles.yml and the SQLite warehouse. */
  readonly dir: string;
  /** The run's artifacts, relative to the project (tb joins target-path to the project folder). */
  readonly targetPath: string;
  /** The target's default schema (the load log lives there). */
  readonly metaSchema: string;
}

/** A profiles.yml of its own: SQLite in the run's folder, MariaDB with a prefixed default schema. */
export function writeProfiles(run: EngineRun): void {
  mkdirSync(run.dir, { recursive: true });
  const output =
    run.engine === 'sqlite'
      ? `{type: sqlite, path: '${join(run.dir, 'warehouse')}', schema: main}`
      : `{type: mysql, host: '${process.env.TB_TEST_MYSQL_HOST ?? '127.0.0.1'}', ` +
        `port: ${Number(process.env.TB_TEST_MYSQL_PORT ?? 3306)}, user: '${process.env.TB_TEST_MYSQL_USER ?? 'root'}', ` +
        `password: '${process.env.TB_TEST_MYSQL_PASSWORD ?? ''}', database: '${run.metaSchema}', threads: 4}`;
  writeFileSync(join(run.dir, 'profiles.yml'), `tokyo_beta:\n  target: t\n  outputs:\n    t: ${output}\n`);
}

/** `tb <args>` for one engine; resolves with the exit code and the output (stdout and stderr). */
export function tb(run: EngineRun, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TB, ...args], {
      cwd: REPO,
      env: {
        ...process.env,
        TB_PROFILES_DIR: run.dir,
        TB_SCHEMA_PREFIX: run.prefix,
        TB_TARGET_PATH: run.targetPath,
        TB_TARGET: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}
