import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { fakeProject, type ProjectModel } from './fake-project';
import { leftovers, rows, run, statusOf } from './helpers';

/** A broken model in the middle of a DAG: its descendants are skipped, the rest is built. */
describe.each(testWarehouses('tbrun_'))('%s: failures in a DAG', (_name, make) => {
  let wh: TestWarehouse;
  let silver: string;
  let gold: string;

  beforeAll(() => {
    wh = make();
    [silver, gold] = [wh.schema('silver'), wh.schema('gold')];
  });
  afterAll(async () => wh.cleanup());

  // a -> b -> c -> d, and a -> e -> f
  function dag(bSql: string): ProjectModel[] {
    const t = { materialized: 'table' };
    return [
      { name: 'a', schema: silver, sql: 'select 1 as id union all select 2', config: t },
      { name: 'b', schema: silver, sql: bSql, parents: ['a'], config: t },
      { name: 'c', schema: gold, sql: `select id from ${silver}.b`, parents: ['b'], config: t },
      { name: 'd', schema: gold, sql: `select id from ${gold}.c`, parents: ['c'], config: t },
      { name: 'e', schema: gold, sql: `select id * 10 as id from ${silver}.a`, parents: ['a'], config: t },
      { name: 'f', schema: gold, sql: `select id from ${gold}.e`, parents: ['e'], config: t },
    ];
  }
  const good = () => `select id,\n  id * 2 as twice\nfrom ${silver}.a`;
  const broken = () => `select id,\n  id * 2 as twice,\n  no_such_column\nfrom ${silver}.a\nwhere id > 0`;

  it('skips the descendants of a failed model, builds the rest, and keeps the old table', async () => {
    expect((await run(wh.adapter, fakeProject(dag(good())))).success).toBe(true);
    const result = await run(wh.adapter, fakeProject(dag(broken())), { threads: 4 });
    expect(statusOf(result)).toEqual({
      a: 'success',
      b: 'error',
      c: 'skipped',
      d: 'skipped',
      e: 'success',
      f: 'success',
    });
    expect(result.counts).toEqual({ pass: 3, warn: 0, error: 1, skip: 2, total: 6 });
    expect(result.success).toBe(false);
    const c = result.results.find((r) => r.uniqueId.endsWith('.c'));
    expect(c?.message).toBe('skipped: upstream model.tbtest.b failed');

    // The error names the model, its file, and shows the compiled SQL around the failing line.
    const b = result.results.find((r) => r.uniqueId.endsWith('.b'));
    const text = b?.error?.format() ?? '';
    expect(text).toContain(`Database error in model b (models/${silver}/b.sql)`);
    expect(text).toMatch(/no_such_column/);
    expect(text).toContain(`>`);
    expect(text).toContain('compiled SQL, line 3:');
    expect(text).toMatch(/> +3 \| +no_such_column/);
    expect(b?.compiledSql).toBe(broken());

    // The failed build left the previous table in place, and nothing temporary.
    expect(await rows(wh.adapter, `select id, twice from ${silver}.b order by id`)).toEqual([
      { id: 1, twice: 2 },
      { id: 2, twice: 4 },
    ]);
    expect(await leftovers(wh.adapter, [silver, gold])).toEqual([]);

    // Output: one line per model with the position, the summary with every count.
    const lines = result.events.filter((e) => e.event === 'node_finished').map((e) => e.msg);
    expect(
      lines.some((l) => /^\d of 6 ERROR creating table \S+\.b \.+ \[ERROR in \d+\.\d\ds\]$/.test(l)),
    ).toBe(true);
    expect(lines.some((l) => /^\d of 6 OK created table \S+\.f \.+ \[2 rows in \d+\.\d\ds\]$/.test(l))).toBe(
      true,
    );
    expect(result.events.find((e) => e.event === 'run_finished')?.msg).toBe(
      'PASS=3 WARN=0 ERROR=1 SKIP=2 TOTAL=6',
    );
  });

  it('--fail-fast stops at the first failure and skips what has not started', async () => {
    // One thread: a runs, then b (longest path) fails before e starts.
    const result = await run(wh.adapter, fakeProject(dag(broken())), { threads: 1, failFast: true });
    expect(statusOf(result)).toEqual({
      a: 'success',
      b: 'error',
      c: 'skipped',
      d: 'skipped',
      e: 'skipped',
      f: 'skipped',
    });
    const e = result.results.find((r) => r.uniqueId.endsWith('.e'));
    expect(e?.message).toBe('skipped: --fail-fast after model.tbtest.b failed');
    expect(result.interrupted).toBe(false);
  });

  it('runs the critical path first', async () => {
    const result = await run(wh.adapter, fakeProject(dag(good())), { threads: 1 });
    const order = result.results
      .slice()
      .sort((x, y) => (x.index ?? 0) - (y.index ?? 0))
      .map((r) => r.uniqueId.split('.').pop());
    // After c, e (two left on its path) goes before d (one left); ties go by id.
    expect(order).toEqual(['a', 'b', 'c', 'e', 'd', 'f']);
  });
});
