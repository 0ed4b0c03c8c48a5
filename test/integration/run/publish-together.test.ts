import type { RuntimeState } from '../../../src/core/types';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { modelId } from '../../unit/materialize/fake-node';
import { fakeProject, type ProjectModel } from './fake-project';
import { leftovers, rows, run, statusOf } from './helpers';

type Events = Awaited<ReturnType<typeof run>>['events'];

/** What the runtime `ref()` returns: the override when the runner gave one, else the live table. */
function ref(schema: string, name: string, runtime: RuntimeState): string {
  const o = runtime.relationOverrides?.[modelId(name)];
  return o ? `${o.schema}.${o.name}` : `${schema}.${name}`;
}

function executed(events: Events): string[] {
  return events
    .filter((e) => e.event === 'statement_started')
    .map((e) => String(e.data?.sql ?? ''))
    .filter((sql) => sql !== '');
}

/** `publishTogether`: a layer's tables take their places in one atomic unit, or not at all. */
describe.each(testWarehouses('tblayer_'))('%s: publishing a layer together', (name, make) => {
  let wh: TestWarehouse;
  let gold: string;

  beforeAll(() => {
    wh = make();
    gold = wh.schema('gold');
  });
  afterAll(async () => wh.cleanup());

  const table = { materialized: 'table' };
  /** a, b (reads a) and c (reads b), every row carrying `version`; c can be made to fail. */
  function layer(version: number, cBroken = false): ProjectModel[] {
    return [
      { name: 'a', schema: gold, sql: `select ${version} as version, 1 as id`, config: table },
      {
        name: 'b',
        schema: gold,
        parents: ['a'],
        config: { materialized: 'table', indexes: [{ columns: ['id'] }] },
        sql: (rt) => `select version * 10 as version, id from ${ref(gold, 'a', rt)}`,
      },
      {
        name: 'c',
        schema: gold,
        parents: ['b'],
        config: table,
        sql: (rt) => `select version${cBroken ? ', no_such_column' : ''} from ${ref(gold, 'b', rt)}`,
      },
    ];
  }
  const versions = async () => ({
    a: await rows(wh.adapter, `select version from ${gold}.a`),
    b: await rows(wh.adapter, `select version from ${gold}.b`),
    c: await rows(wh.adapter, `select version from ${gold}.c`),
  });

  it('publishes every table in one swap, and a later model reads the new data of an earlier one', async () => {
    expect((await run(wh.adapter, fakeProject(layer(1)), { publishTogether: true })).success).toBe(true);
    const project = fakeProject(layer(2));
    const result = await run(wh.adapter, project, { publishTogether: true, threads: 4 });
    expect(statusOf(result)).toEqual({ a: 'success', b: 'success', c: 'success' });
    // b was rendered against a's temporary, and read its new rows (2 * 10, not the old 1 * 10).
    const bCompile = project.compiles.find((c) => c.id === modelId('b'));
    expect(bCompile?.runtime.relationOverrides?.[modelId('a')]?.name).toBe('a__tb_tmp');
    expect(await versions()).toEqual({ a: [{ version: 2 }], b: [{ version: 20 }], c: [{ version: 20 }] });
    expect(await leftovers(wh.adapter, [gold])).toEqual([]);

    const renames = executed(result.events).filter((sql) => /\brename\b/i.test(sql));
    if (name === 'mysql') {
      // One RENAME TABLE statement moves all three tables.
      expect(renames).toHaveLength(1);
      expect(renames[0].match(/__tb_tmp/g)).toHaveLength(3);
    } else {
      // Six renames (each table and the one it replaces) inside one transaction.
      const all = executed(result.events);
      const first = all.indexOf(renames[0]);
      const commit = all.findIndex((sql, i) => i > first && /^commit/i.test(sql));
      expect(renames).toHaveLength(6);
      expect(all[first - 1]).toMatch(/^begin/i);
      expect(commit).toBeGreaterThan(all.lastIndexOf(renames[5]));
    }
    const published = result.events.filter((e) => e.event === 'layer_published');
    expect(published.map((e) => e.msg)).toEqual([`published 3 tables of ${gold} in one swap`]);
    // Each model's line says it waits for its layer; the publish comes after the last of them.
    const finished = result.events.filter((e) => e.event === 'node_finished').map((e) => e.msg);
    expect(finished).toHaveLength(3);
    for (const line of finished) expect(line).toMatch(/built table .*\(publishing with its layer\)/);
    const order = result.events.map((e) => e.event);
    expect(order.indexOf('layer_published')).toBeGreaterThan(order.lastIndexOf('node_finished'));
  });

  it('publishes nothing when a model of the layer fails: the live layer stays wholly old', async () => {
    expect((await run(wh.adapter, fakeProject(layer(3)), { publishTogether: true })).success).toBe(true);
    const result = await run(wh.adapter, fakeProject(layer(4, true)), { publishTogether: true });
    expect(result.success).toBe(false);
    expect(statusOf(result)).toEqual({ a: 'skipped', b: 'skipped', c: 'error' });
    const a = result.results.find((r) => r.uniqueId === modelId('a'));
    expect(a?.message).toBe('not published: its layer did not complete');
    expect(await versions()).toEqual({ a: [{ version: 3 }], b: [{ version: 30 }], c: [{ version: 30 }] });
    expect(await leftovers(wh.adapter, [gold])).toEqual([]);
    expect(result.events.some((e) => e.event === 'layer_published')).toBe(false);
    expect(executed(result.events).some((sql) => /\brename\b/i.test(sql))).toBe(false);
  });

  it('does not hold back views and incremental models', async () => {
    const models: ProjectModel[] = [
      { name: 'a', schema: gold, sql: 'select 5 as version, 1 as id', config: table },
      {
        name: 'v',
        schema: gold,
        parents: ['a'],
        config: { materialized: 'view' },
        sql: (rt) => `select version from ${ref(gold, 'a', rt)}`,
      },
      {
        name: 'inc',
        schema: gold,
        parents: ['a'],
        config: { materialized: 'incremental' },
        sql: (rt) => `select version from ${ref(gold, 'a', rt)}`,
      },
    ];
    const project = fakeProject(models);
    const result = await run(wh.adapter, project, { publishTogether: true });
    expect(result.success).toBe(true);
    // The view names the live table (a temporary would vanish under it); the incremental read the new rows.
    expect(project.compiles.find((c) => c.id === modelId('v'))?.runtime.relationOverrides).toBeUndefined();
    expect(await rows(wh.adapter, `select version from ${gold}.v`)).toEqual([{ version: 5 }]);
    expect(await rows(wh.adapter, `select version from ${gold}.inc`)).toEqual([{ version: 5 }]);
    const published = result.events.find((e) => e.event === 'layer_published');
    expect(published?.data?.tables).toEqual([`${gold}.a`]);
    expect(await leftovers(wh.adapter, [gold])).toEqual([]);
  });
});
