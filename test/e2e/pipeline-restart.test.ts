import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '../../src/adapters/create-adapter';
import { jsonLines, startTb } from '../helpers/spawn-tb';
import { mysqlTarget } from '../helpers/targets';
import { writePipelineProject, writeVersionDump } from '../integration/pipeline/pipeline-fixture';

/**
 * A private MariaDB (its own data folder and port; the shared server on 3306 is never touched), stopped and
 * started again while the silver stage runs: the stage fails on the lost connection, waits its delay, and
 * succeeds on the restarted server; the warehouse lock, which died with its connection, is taken again.
 */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

class PrivateMariaDb {
  private process?: ChildProcess;
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  install(): void {
    const r = spawnSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${this.dir}/data`,
        '--auth-root-authentication-method=normal',
        '--user=root',
        '--skip-test-db',
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`mariadb-install-db failed: ${r.stdout}${r.stderr}`);
  }

  async start(): Promise<void> {
    this.process = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${this.dir}/data`,
        `--socket=${this.dir}/mysqld.sock`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        '--user=root',
        `--pid-file=${this.dir}/mysqld.pid`,
        `--log-error=${this.dir}/error.log`,
        '--innodb-buffer-pool-size=32M',
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 300; i++) {
      const adapter = createAdapter(mysqlTarget('mysql', { port: this.port, connectTimeoutMs: 1000 }), {
        poolSize: 1,
      });
      const up = await adapter.serverVersion().then(
        () => true,
        () => false,
      );
      await adapter.close();
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the private MariaDB did not answer within 30 s');
  }

  async stop(): Promise<void> {
    const p = this.process;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((resolve) => p.once('exit', resolve));
    p.kill('SIGTERM');
    await exited;
  }
}

describe('MariaDB stopped and restarted in the middle of a stage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tbprod-mariadb-'));
  let db: PrivateMariaDb;
  beforeAll(async () => {
    db = new PrivateMariaDb(dir, await freePort());
    db.install();
    await db.start();
  }, 60_000);
  afterAll(async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('retries the stage on the restarted server and finishes', async () => {
    const target = mysqlTarget('tbprod_rs_meta', { port: db.port });
    const schemas = { staging: 'tbprod_rs_staging', silver: 'tbprod_rs_silver', gold: 'tbprod_rs_gold' };
    const project = writePipelineProject(target, schemas, {
      slowSilverSeconds: 3,
      pipeline: 'pipeline:\n  stages:\n    silver: {retries: 3, delay: 2s}\n',
    });
    const dump = writeVersionDump(dir, 1);
    const run = startTb(['pipeline', dump, '--log-format', 'json'], project, { TB_RETRY_DELAY_SCALE: '1' });
    while (!/"event":"stage_started"[^\n]*"stage":"silver"/.test(run.output())) {
      if (run.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    // Inside the 3-second model: stop the server, then start it again.
    await new Promise((r) => setTimeout(r, 700));
    await db.stop();
    await db.start();
    const r = await run.done;
    const lines = jsonLines(r.out);
    const context = lines.filter((l) => String(l.event).match(/stage|pipeline|lock/));
    expect([r.code, context]).toEqual([0, expect.any(Array)]);
    const retry = lines.find((l) => l.event === 'stage_retry');
    expect(retry).toMatchObject({ stage: 'silver', attempt: 1 });
    expect(String(retry?.reason)).toMatch(
      /lost|PROTOCOL_CONNECTION_LOST|shutdown|ECONNREFUSED|2013|1053|1927/i,
    );
    expect(lines.find((l) => l.event === 'stage_finished' && l.stage === 'silver')).toMatchObject({
      status: 'success',
      retries: expect.any(Number),
    });
    expect(
      Number(lines.find((l) => l.event === 'stage_finished' && l.stage === 'silver')?.attempt),
    ).toBeGreaterThan(1);
    expect(lines.some((l) => l.event === 'lock_reacquired')).toBe(true);
    expect(lines.pop()).toMatchObject({ event: 'pipeline_finished', status: 'success' });
  }, 90_000);
});
