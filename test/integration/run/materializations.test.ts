import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { fakeProject, type ProjectModel } from './fake-project';
import { leftovers, rows, run, statusOf } from './helpers';

/** Every materialization and hook, on both engines, from one test body. */
describe.each(testWarehouses('tbrun_'))('%s: materializations', (_name, make) => {
  let wh: TestWarehouse;
  let staging: string;
  let silver: string;
  let gold: string;

  beforeAll(async () => {
    wh = make();
    [staging, silver, gold] = [wh.schema('staging'), wh.schema('silver'), wh.schema('gold')];
    await wh.adapter.ensureSchema(staging);
    await wh.adapter.execute(`CREATE TABLE ${staging}.rooms (id INTEGER, ward TEXT, rent INTEGER)`);
    await wh.adapter.execute(
      `INSERT INTO ${staging}.rooms VALUES (1, '中野区', 52000), (2, '中野区', 71000), (3, '新宿区', 65000),
       (4, '新宿区', 58000), (5, '豊島区', 80000), (6, '中野区', 49000)`,
    );
  });
  afterAll(async () => wh.cleanup());

  function project(): ProjectModel[] {
    const bands = `select id, ward, rent, case when rent < 60000 then 'low' else 'high' end as rent_band from ${staging}.rooms`;
    return [
      {
        name: 'stg_rooms',
        schema: silver,
        sql: `select id, ward, rent from ${staging}.rooms`,
        sources: [`${staging}.rooms`],
      },
      {
        name: 'stg_rooms_cheap',
        schema: silver,
        sql: `select id, ward from ${silver}.stg_rooms where rent < 60000`,
        parents: ['stg_rooms'],
      },
      {
        name: 'rent_bands',
        schema: silver,
        sql: bands,
        config: { materialized: 'ephemeral' },
        sources: [`${staging}.rooms`],
      },
      {
        name: 'rooms_by_ward',
        schema: gold,
        parents: ['rent_bands'],
        sql: `with rent_bands as (${bands})\nselect ward, rent_band, count(*) as rooms, sum(rent) as rent\nfrom rent_bands\ngroup by ward, rent_band`,
        config: {
          materialized: 'table',
          indexes: [{ columns: ['ward'] }, { columns: ['ward', 'rent_band'], unique: true }],
        },
        preHooks: [`insert into ${gold}.audit (step) values ('pre')`],
        postHooks: [
          `insert into ${gold}.audit (step) select concat('post ', count(*)) from ${gold}.rooms_by_ward`,
        ],
      },
    ];
  }

  const hooks = () => ({
    onRunStart: [
      `create table if not exists ${gold}.audit (step varchar(40))`,
      `insert into ${gold}.audit (step) values ('start')`,
    ],
    onRunEnd: [`insert into ${gold}.audit (step) values ('end')`],
  });

  it('builds views, tables with indexes, inlined ephemerals, and runs every hook in order', async () => {
    const p = fakeProject(project());
    const result = await run(wh.adapter, p, { hooks: hooks() });
    expect(statusOf(result)).toEqual({
      stg_rooms: 'success',
      stg_rooms_cheap: 'success',
      rooms_by_ward: 'success',
    });
    expect(result.success).toBe(true);
    // The ephemeral model is never compiled nor built on its own.
    expect(p.compiles.map((c) => c.id.split('.').pop())).not.toContain('rent_bands');
    expect(await wh.adapter.getRelation({ schema: gold, name: 'rent_bands' })).toBeUndefined();

    const byWard = result.results.find((r) => r.uniqueId.endsWith('rooms_by_ward'));
    expect(byWard?.rowsAffected).toBe(5);
    expect(
      await rows(
        wh.adapter,
        `select ward, rent_band, rooms from ${gold}.rooms_by_ward order by ward, rent_band`,
      ),
    ).toEqual([
      { ward: '中野区', rent_band: 'high', rooms: 1 },
      { ward: '中野区', rent_band: 'low', rooms: 2 },
      { ward: '新宿区', rent_band: 'high', rooms: 1 },
      { ward: '新宿区', rent_band: 'low', rooms: 1 },
      { ward: '豊島区', rent_band: 'high', rooms: 1 },
    ]);
    // The unique index exists: a duplicate (ward, rent_band) is refused. (Not `toThrow`: better-sqlite3's
    // error class belongs to another jest realm once a second suite in the worker has loaded the addon.)
    await expect(
      wh.adapter.execute(
        `insert into ${gold}.rooms_by_ward (ward, rent_band, rooms, rent) values ('豊島区', 'high', 1, 1)`,
      ),
    ).rejects.toMatchObject({ message: expect.stringMatching(/unique|duplicate/i) });
    expect((await rows(wh.adapter, `select step from ${gold}.audit`)).map((r) => r.step)).toEqual([
      'start',
      'pre',
      'post 5',
      'end',
    ]);

    // A view that reads another schema is a view on MySQL, a table (with a warning) on SQLite.
    const stg = await wh.adapter.getRelation({ schema: silver, name: 'stg_rooms' });
    const warned = result.events.some((e) => e.event === 'view_built_as_table');
    expect(stg?.kind).toBe(wh.adapter.capabilities.crossSchemaViews ? 'view' : 'table');
    expect(warned).toBe(!wh.adapter.capabilities.crossSchemaViews);
    // A view reading its own schema is a view everywhere.
    expect((await wh.adapter.getRelation({ schema: silver, name: 'stg_rooms_cheap' }))?.kind).toBe('view');
    expect(await rows(wh.adapter, `select id from ${silver}.stg_rooms_cheap order by id`)).toEqual([
      { id: 1 },
      { id: 4 },
      { id: 6 },
    ]);
    expect(await leftovers(wh.adapter, [silver, gold])).toEqual([]);
  });

  it('replaces existing relations on a second run, switching a table to a view and back', async () => {
    const models = project().map((m) =>
      m.name === 'rooms_by_ward' ? { ...m, preHooks: [], postHooks: [] } : m,
    );
    const first = await run(wh.adapter, fakeProject(models));
    expect(first.success).toBe(true);
    // Second run over existing relations: swap path for the table, replace path for the views.
    const second = await run(wh.adapter, fakeProject(models));
    expect(second.counts).toMatchObject({ pass: 3, error: 0, skip: 0 });
    // Materialization change: the view becomes a table, then a view again.
    const asTable = models.map((m) =>
      m.name === 'stg_rooms_cheap' ? { ...m, config: { materialized: 'table' } } : m,
    );
    expect((await run(wh.adapter, fakeProject(asTable))).success).toBe(true);
    expect((await wh.adapter.getRelation({ schema: silver, name: 'stg_rooms_cheap' }))?.kind).toBe('table');
    expect((await run(wh.adapter, fakeProject(models))).success).toBe(true);
    expect((await wh.adapter.getRelation({ schema: silver, name: 'stg_rooms_cheap' }))?.kind).toBe('view');
    expect(await rows(wh.adapter, `select count(*) as n from ${silver}.stg_rooms_cheap`)).toEqual([{ n: 3 }]);
    expect(await leftovers(wh.adapter, [silver, gold])).toEqual([]);
  });

  it('drops the leftovers of a crashed run before building', async () => {
    await wh.adapter.execute(`CREATE TABLE ${gold}.rooms_by_ward__tb_tmp (junk INTEGER)`);
    await wh.adapter.execute(`CREATE TABLE ${gold}.rooms_by_ward__tb_old (junk INTEGER)`);
    const models = project().filter((m) => m.name === 'rooms_by_ward' || m.name === 'rent_bands');
    const result = await run(
      wh.adapter,
      fakeProject(models.map((m) => ({ ...m, preHooks: [], postHooks: [] }))),
    );
    expect(statusOf(result)).toEqual({ rooms_by_ward: 'success' });
    expect(await leftovers(wh.adapter, [gold])).toEqual([]);
  });
});
