import { createAdapter } from '../../../src/adapters/create-adapter';
import type { Adapter } from '../../../src/adapters/adapter';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { fakeProject } from './fake-project';
import { leftovers, run } from './helpers';

const ROWS = 300;
const BUILDS = 25;

/**
 * The atomic swap, observed: a second connection counts the table's rows in a loop while it is rebuilt
 * many times. It must never fail (missing table) nor see a count other than the full one.
 */
describe.each(testWarehouses('tbrun_'))('%s: atomic table swap', (_name, make) => {
  let wh: TestWarehouse;
  let reader: Adapter;
  let gold: string;

  beforeAll(() => {
    wh = make();
    gold = wh.schema('gold');
  });
  afterAll(async () => {
    await reader?.close();
    await wh.cleanup();
  });

  it('a reader never sees a missing or partial table while it is rebuilt', async () => {
    const numbers = `with recursive n (i) as (select 1 union all select i + 1 from n where i < ${ROWS})\nselect i, i * 7 as v from n`;
    const p = fakeProject([
      {
        name: 'swapped',
        schema: gold,
        sql: numbers,
        config: { materialized: 'table', indexes: [{ columns: ['i'], unique: true }] },
      },
    ]);
    expect((await run(wh.adapter, p)).success).toBe(true);
    // A connection of its own (SQLite: its own database handle on the same files).
    reader = createAdapter(wh.target);
    const seen = new Map<number, number>();
    const errors: string[] = [];
    let done = false;
    const poll = (async () => {
      while (!done) {
        try {
          const { rows } = await reader.execute(`select count(*) as n from ${gold}.swapped`);
          const n = Number(rows[0].n);
          seen.set(n, (seen.get(n) ?? 0) + 1);
        } catch (err) {
          errors.push((err as Error).message);
        }
        // better-sqlite3 answers without a turn of the event loop; give the runner its turn.
        await new Promise((r) => setImmediate(r));
      }
    })();
    try {
      for (let i = 0; i < BUILDS; i++) {
        const result = await run(wh.adapter, p);
        expect(result.results[0]).toMatchObject({ status: 'success', rowsAffected: ROWS });
      }
    } finally {
      done = true;
      await poll;
    }
    expect(errors).toEqual([]);
    expect([...seen.keys()]).toEqual([ROWS]);
    expect(seen.get(ROWS)).toBeGreaterThanOrEqual(BUILDS);
    expect(await leftovers(wh.adapter, [gold])).toEqual([]);
  });
});
