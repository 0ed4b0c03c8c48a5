import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqliteTarget } from '../../../src/core/target';
import { loadDump } from '../../../src/load';
import { writeBenchDump } from '../../../scripts/bench/load-dump-writer';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';

const SMALL = join(__dirname, '../../fixtures/dumps/small_20260201.sql');
const ROOT = join(__dirname, '../../..');

/** kill -9 in the middle of a load: the previous staging is untouched and the next load starts clean. */
describe.each(testWarehouses('tbload_'))('a load killed with SIGKILL on %s', (_name, make) => {
  let wh: TestWarehouse;
  let dir: string;
  let big: string;
  beforeAll(() => {
    wh = make();
    dir = mkdtempSync(join(tmpdir(), 'tbload-kill-'));
    big = join(dir, 'big_20260205.sql');
    writeBenchDump(big, 40 * 1024 * 1024);
  });
  afterAll(async () => {
    await wh.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  async function shadowHasData(schema: string): Promise<boolean> {
    if (wh.name === 'sqlite')
      return existsSync(join((wh.target as SqliteTarget).path, `${schema}__tb_load.db`));
    const { rows } = await wh.adapter.execute(
      `SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?`,
      [`${schema}__tb_load`],
    );
    return Number(rows[0].n) > 2;
  }

  it('leaves the previous staging as it was', async () => {
    const staging = wh.schema('killed');
    await loadDump(wh.adapter, SMALL, { schema: staging });
    const before = await wh.adapter.execute(
      `SELECT * FROM ${wh.adapter.quoteRelation({ schema: staging, name: 'apartments' })} ORDER BY id`,
    );
    const child = spawn(
      process.execPath,
      ['--require', 'tsx/cjs', join(__dirname, 'kill-child.ts'), JSON.stringify(wh.target), staging, big],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let running = true;
    void exited.then(() => (running = false));
    // Wait (no clock involved) until the child is visibly mid-load, then kill it.
    while (running && !(await shadowHasData(staging))) await new Promise((r) => setImmediate(r));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const after = await wh.adapter.execute(
      `SELECT * FROM ${wh.adapter.quoteRelation({ schema: staging, name: 'apartments' })} ORDER BY id`,
    );
    expect(after.rows).toEqual(before.rows);
    expect((await wh.adapter.listRelations(staging)).map((r) => r.name)).toEqual(['apartments', 'rooms']);
    // The next load starts clean: the shadow the killed one left is dropped first.
    const next = await loadDump(wh.adapter, SMALL, { schema: staging });
    expect(next.rows).toBe(5);
    expect(await shadowHasData(staging)).toBe(false);
  });
});
