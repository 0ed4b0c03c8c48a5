import { createAdapter } from '../../../src/adapters/create-adapter';
import type { Adapter } from '../../../src/adapters/adapter';
import type { Logger } from '../../../src/core/logger';
import { createMemoryLogger } from '../../../src/core/logger';
import { runNodes } from '../../../src/run/run-nodes';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { fakeProject, type ProjectModel } from './fake-project';
import { leftovers, rows, run, statusOf } from './helpers';

/** A logger that calls `when` for every event (debug included), to abort at a precise point of a run. */
function tapLogger(when: (event: string, data: Record<string, unknown> | undefined) => void): Logger {
  const memory = createMemoryLogger();
  const tap =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (event: string, msg: string, data?: Record<string, unknown>): void => {
      when(event, data);
      memory[level](event, msg, data);
    };
  return { ...memory, debug: tap('debug'), info: tap('info'), warn: tap('warn'), error: tap('error') };
}

/** Ctrl-C mid-run: running work is cancelled, temporaries are dropped, the old table stays. */
describe.each(testWarehouses('tbrun_'))('%s: interrupting a run', (_name, make) => {
  let wh: TestWarehouse;
  let silver: string;

  beforeAll(() => {
    wh = make();
    silver = wh.schema('silver');
  });
  afterAll(async () => wh.cleanup());

  const models = (slowSql: string): ProjectModel[] => [
    { name: 'first', schema: silver, sql: 'select 1 as id', config: { materialized: 'table' } },
    { name: 'slow', schema: silver, sql: slowSql, parents: ['first'], config: { materialized: 'table' } },
    {
      name: 'after',
      schema: silver,
      sql: `select id from ${silver}.slow`,
      parents: ['slow'],
      config: { materialized: 'table' },
    },
  ];

  it('stops between statements: the temporary is dropped and the old table kept', async () => {
    const before = fakeProject(models('select 1 as id union all select 2'));
    expect((await run(wh.adapter, before)).success).toBe(true);

    const controller = new AbortController();
    const logger = tapLogger((event, data) => {
      // The new data is in the temporary table and counted; the swap is next.
      if (
        event === 'statement_started' &&
        data?.role === 'count' &&
        String(data.unique_id).endsWith('.slow')
      ) {
        controller.abort();
      }
    });
    const p = fakeProject(models('select 10 as id union all select 20 union all select 30'));
    const result = await runNodes({
      manifest: p.manifest,
      compiler: p.compiler,
      adapter: wh.adapter,
      logger,
      signal: controller.signal,
      hooks: { onRunEnd: [`create table ${silver}.end_hook_ran (a integer)`] },
    });
    expect(statusOf(result)).toEqual({ first: 'success', slow: 'error', after: 'skipped' });
    expect(result.results.find((r) => r.uniqueId.endsWith('.slow'))?.message).toBe('cancelled');
    expect(result.results.find((r) => r.uniqueId.endsWith('.after'))?.message).toBe(
      'skipped: the run was interrupted',
    );
    expect(result).toMatchObject({ interrupted: true, success: false });
    expect(await rows(wh.adapter, `select id from ${silver}.slow order by id`)).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
    expect(await leftovers(wh.adapter, [silver])).toEqual([]);
    // on-run-end does not run after an interrupt.
    expect(await wh.adapter.getRelation({ schema: silver, name: 'end_hook_ran' })).toBeUndefined();
  });
});

// Only MySQL can interrupt a statement midway (KILL QUERY); better-sqlite3 runs each one to its end.
const interruptible = testWarehouses('tbrun_').filter(([engine]) => engine === 'mysql');

describe.each(interruptible)('%s: cancelling a running statement', (_name, make) => {
  let wh: TestWarehouse;
  let silver: string;

  beforeAll(async () => {
    wh = make();
    silver = wh.schema('silver');
    await wh.adapter.ensureSchema(silver);
  });
  afterAll(async () => wh.cleanup());

  const models = (slowSql: string): ProjectModel[] => [
    { name: 'first', schema: silver, sql: 'select 1 as id', config: { materialized: 'table' } },
    { name: 'slow', schema: silver, sql: slowSql, parents: ['first'], config: { materialized: 'table' } },
    {
      name: 'after',
      schema: silver,
      sql: `select id from ${silver}.slow`,
      parents: ['slow'],
      config: { materialized: 'table' },
    },
  ];

  it('cancels a long statement with KILL QUERY and drops its temporary', async () => {
    await wh.adapter.execute(
      `create table ${silver}.big as with recursive n (i) as (select 1 union all select i + 1 from n where i < 900) select i from n`,
    );
    const marker = 'tb_cancel_marker';
    const slow = `select count(*) as n, '${marker}' as m from ${silver}.big a cross join ${silver}.big b cross join ${silver}.big c`;
    const watcher: Adapter = createAdapter(wh.target);
    const running = async (): Promise<number> => {
      const { rows: r } = await watcher.execute(
        `select count(*) as n from information_schema.PROCESSLIST where INFO like ? and INFO not like ?`,
        [`%${marker}%`, '%PROCESSLIST%'],
      );
      return Number(r[0].n);
    };
    try {
      const controller = new AbortController();
      const p = fakeProject(models(slow));
      const runPromise = run(wh.adapter, p, { signal: controller.signal });
      while ((await running()) === 0) await new Promise((r) => setTimeout(r, 20));
      controller.abort();
      const result = await runPromise;
      expect(statusOf(result)).toEqual({ first: 'success', slow: 'error', after: 'skipped' });
      expect(result.results.find((r) => r.uniqueId.endsWith('.slow'))?.message).toBe('cancelled');
      expect(await running()).toBe(0);
      expect(await leftovers(wh.adapter, [silver])).toEqual([]);
    } finally {
      await watcher.close();
    }
  });
});
