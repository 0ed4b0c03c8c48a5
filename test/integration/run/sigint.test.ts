import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { leftovers } from './helpers';

const ROOT = join(__dirname, '../../..');
const CHILD = join(__dirname, 'sigint-child.ts');
const MARKER = 'tb_sigint_marker';

/** A real SIGINT to a process in the middle of a run: it stops cleanly and leaves no temporaries. */
describe.each(testWarehouses('tbrun_'))('%s: SIGINT mid-run', (name, make) => {
  let wh: TestWarehouse;
  let silver: string;

  beforeAll(async () => {
    wh = make();
    silver = wh.schema('silver');
    await wh.adapter.ensureSchema(silver);
  });
  afterAll(async () => wh.cleanup());

  /** A statement that runs for a long while: long enough to be interrupted on both engines. */
  async function slowSql(): Promise<string> {
    if (name === 'sqlite') {
      return `with recursive n (i) as (select 1 union all select i + 1 from n where i < 20000000)\nselect count(*) as n, '${MARKER}' as m from n`;
    }
    await wh.adapter.execute(
      `create table ${silver}.big as with recursive n (i) as (select 1 union all select i + 1 from n where i < 900) select i from n`,
    );
    return `select count(*) as n, '${MARKER}' as m from ${silver}.big a cross join ${silver}.big b cross join ${silver}.big c`;
  }

  /** True once the slow statement is executing on the server (MySQL); SQLite runs it in the child itself. */
  async function slowStatementRunning(): Promise<boolean> {
    if (name === 'sqlite') return true;
    const { rows } = await wh.adapter.execute(
      'select count(*) as n from information_schema.PROCESSLIST where INFO like ? and INFO not like ?',
      [`%${MARKER}%`, '%PROCESSLIST%'],
    );
    return Number(rows[0].n) > 0;
  }

  it('cancels the running model, skips the rest, drops its temporary and exits 130', async () => {
    const input = { target: wh.target, silver, slowSql: await slowSql() };
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(input)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines: Record<string, unknown>[] = [];
    let signalled = false;
    for await (const line of createInterface({ input: child.stdout })) {
      const event = JSON.parse(line) as Record<string, unknown>;
      lines.push(event);
      const slowBuild =
        event.event === 'statement_started' &&
        event.role === 'build' &&
        String(event.unique_id).endsWith('.slow');
      if (slowBuild && !signalled) {
        signalled = true;
        while (!(await slowStatementRunning())) await new Promise((r) => setTimeout(r, 20));
        child.kill('SIGINT');
      }
    }
    const code = await exited;
    expect(stderr).toBe('');
    expect(signalled).toBe(true);
    expect(lines.some((e) => e.event === 'run_interrupted' && e.signal === 'SIGINT')).toBe(true);
    expect(lines.find((e) => e.event === 'child_result')).toEqual({
      event: 'child_result',
      statuses: { first: 'success', slow: 'error', after: 'skipped' },
      interrupted: true,
    });
    expect(code).toBe(130);
    expect((await wh.adapter.getRelation({ schema: silver, name: 'first' }))?.kind).toBe('table');
    expect(await wh.adapter.getRelation({ schema: silver, name: 'slow' })).toBeUndefined();
    expect(await leftovers(wh.adapter, [silver])).toEqual([]);
  });
});
