import type { RuntimeState } from '../../../src/core/types';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { fakeProject, type ProjectModel } from './fake-project';
import { leftovers, rows, run } from './helpers';

type Strategy = 'append' | 'delete+insert' | 'merge';

/** Incremental strategies with a composite unique key, is_incremental(), --full-refresh and on_schema_change. */
describe.each(testWarehouses('tbrun_'))('%s: incremental', (_name, make) => {
  let wh: TestWarehouse;
  let staging: string;
  let silver: string;

  beforeAll(async () => {
    wh = make();
    [staging, silver] = [wh.schema('staging'), wh.schema('silver')];
    await wh.adapter.ensureSchema(staging);
  });
  afterAll(async () => wh.cleanup());

  async function resetSource(): Promise<void> {
    await wh.adapter.execute(`DROP TABLE IF EXISTS ${staging}.movings`);
    await wh.adapter.execute(
      `CREATE TABLE ${staging}.movings (tenant_id INTEGER, room_id INTEGER, status VARCHAR(20), rent INTEGER, updated INTEGER)`,
    );
    await wh.adapter.execute(
      `INSERT INTO ${staging}.movings VALUES (1, 10, 'applied', 50000, 1), (1, 11, 'living', 60000, 1), (2, 10, 'living', 70000, 1)`,
    );
  }

  function model(
    name: string,
    strategy: Strategy,
    extra: Partial<ProjectModel['config']> = {},
    cols = 'tenant_id, room_id, status',
  ): ProjectModel {
    return {
      name,
      schema: silver,
      sources: [`${staging}.movings`],
      config: {
        materialized: 'incremental',
        incremental_strategy: strategy,
        unique_key: ['tenant_id', 'room_id'],
        ...extra,
      },
      sql: (rt: RuntimeState) =>
        `select ${cols}, updated from ${staging}.movings` +
        (rt.isIncremental ? `\nwhere updated > (select max(updated) from ${silver}.${name})` : ''),
    };
  }

  const contents = (name: string) =>
    rows(
      wh.adapter,
      `select tenant_id, room_id, status from ${silver}.${name} order by tenant_id, room_id, status`,
    );

  it.each<[Strategy, string[]]>([
    ['append', ['1/10 applied', '1/10 contracted', '1/11 living', '2/10 living', '3/12 applied']],
    ['delete+insert', ['1/10 contracted', '1/11 living', '2/10 living', '3/12 applied']],
    ['merge', ['1/10 contracted', '1/11 living', '2/10 living', '3/12 applied']],
  ])('%s: first run builds, later runs move only the new rows in', async (strategy, expected) => {
    await resetSource();
    const name = `ev_${strategy.replace('+', '_')}`;
    const p = fakeProject([model(name, strategy)]);
    const first = await run(wh.adapter, p);
    expect(first.results[0]).toMatchObject({ status: 'success', rowsAffected: 3 });
    expect(p.compiles[0].runtime).toEqual({ isIncremental: false, fullRefresh: false });

    await wh.adapter.execute(
      `UPDATE ${staging}.movings SET status = 'contracted', updated = 2 WHERE tenant_id = 1 AND room_id = 10`,
    );
    await wh.adapter.execute(`INSERT INTO ${staging}.movings VALUES (3, 12, 'applied', 40000, 2)`);
    const second = await run(wh.adapter, p);
    expect(p.compiles[1].runtime).toEqual({ isIncremental: true, fullRefresh: false });
    expect(second.results[0]).toMatchObject({ status: 'success', rowsAffected: 2 });
    expect((await contents(name)).map((r) => `${r.tenant_id}/${r.room_id} ${r.status}`)).toEqual(expected);

    // --full-refresh rebuilds from scratch: exactly the source again, whatever the strategy.
    const refreshed = await run(wh.adapter, p, { fullRefresh: true });
    expect(p.compiles[2].runtime).toEqual({ isIncremental: false, fullRefresh: true });
    expect(refreshed.results[0].rowsAffected).toBe(4);
    expect((await contents(name)).map((r) => `${r.tenant_id}/${r.room_id} ${r.status}`)).toEqual([
      '1/10 contracted',
      '1/11 living',
      '2/10 living',
      '3/12 applied',
    ]);
    expect(await leftovers(wh.adapter, [silver])).toEqual([]);
  });

  it('on_schema_change: fail stops, ignore drops the new column, append_new_columns adds it', async () => {
    await resetSource();
    const base = (osc: 'fail' | 'ignore' | 'append_new_columns', cols: string) =>
      fakeProject([model(`osc_${osc}`, 'merge', { on_schema_change: osc }, cols)]);
    for (const osc of ['fail', 'ignore', 'append_new_columns'] as const) {
      expect((await run(wh.adapter, base(osc, 'tenant_id, room_id, status'))).success).toBe(true);
    }
    await wh.adapter.execute(`INSERT INTO ${staging}.movings VALUES (4, 13, 'applied', 45000, 3)`);
    const wider = 'tenant_id, room_id, status, rent';

    const failed = await run(wh.adapter, base('fail', wider));
    expect(failed.results[0].status).toBe('error');
    expect(failed.results[0].message).toMatch(/new: rent; missing: none.*on_schema_change is 'fail'/);
    expect(failed.results[0].error?.file).toBe(`models/${silver}/osc_fail.sql`);
    expect(await rows(wh.adapter, `select count(*) as n from ${silver}.osc_fail`)).toEqual([{ n: 3 }]);

    expect((await run(wh.adapter, base('ignore', wider))).success).toBe(true);
    const ignored = await wh.adapter.getColumns({ schema: silver, name: 'osc_ignore' });
    expect(ignored.map((c) => c.name)).toEqual(['tenant_id', 'room_id', 'status', 'updated']);
    expect(await rows(wh.adapter, `select count(*) as n from ${silver}.osc_ignore`)).toEqual([{ n: 4 }]);

    expect((await run(wh.adapter, base('append_new_columns', wider))).success).toBe(true);
    const appended = await wh.adapter.getColumns({ schema: silver, name: 'osc_append_new_columns' });
    expect(appended.map((c) => c.name)).toEqual(['tenant_id', 'room_id', 'status', 'updated', 'rent']);
    expect(
      await rows(
        wh.adapter,
        `select tenant_id, rent from ${silver}.osc_append_new_columns order by tenant_id, room_id`,
      ),
    ).toEqual([
      { tenant_id: 1, rent: null },
      { tenant_id: 1, rent: null },
      { tenant_id: 2, rent: null },
      { tenant_id: 4, rent: 45000 },
    ]);
    expect(await leftovers(wh.adapter, [silver])).toEqual([]);
  });

  it('refuses merge without a unique_key, naming the model file', async () => {
    const p = fakeProject([
      { ...model('no_key', 'merge'), config: { materialized: 'incremental', incremental_strategy: 'merge' } },
    ]);
    const result = await run(wh.adapter, p);
    expect(result.results[0].status).toBe('error');
    expect(result.results[0].error?.format()).toContain(
      `models/${silver}/no_key.sql: [TB103] incremental_strategy 'merge' needs a unique_key`,
    );
  });
});
