import { createHash } from 'node:crypto';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { snapshotHarness, type SnapshotHarness } from './snapshot-project';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const DAY2 = '2026-02-02 00:30:00';
const DAY3 = '2026-02-03 00:30:00';

describe.each(testWarehouses('tbsnap_'))('snapshots on %s', (_name, make) => {
  let wh: TestWarehouse;
  let h: SnapshotHarness;
  let raw: string;
  let main: string;
  let snaps: string;

  beforeAll(async () => {
    wh = make();
    raw = wh.schema('raw');
    snaps = wh.schema('snaps');
    main = wh.target.schema;
    await wh.adapter.ensureSchema(raw);
    h = snapshotHarness(wh, raw, snaps);
  });
  afterAll(async () => wh.cleanup());

  const movings = async (table: string) => {
    await h.sql(
      `CREATE TABLE ${h.rel(raw, table)} (id INTEGER, status VARCHAR(20), rent INTEGER, updated_at DATETIME)`,
    );
    await h.sql(
      `INSERT INTO ${h.rel(raw, table)} VALUES (1, 'applied', 50000, '2026-01-30 10:00:00'),
       (2, 'contracted', 60000, '2026-01-31 09:00:00'), (3, 'living', 70000, '2026-01-31 12:00:00')`,
    );
  };
  const history = (schema: string, table: string) =>
    h.rows(schema, table, 'id, status, tb_valid_from, tb_valid_to', 'id, tb_valid_from');

  it('timestamp strategy, hard deletes ignored: versions by updated_at over three days', async () => {
    await movings('ts_ignore');
    const t = h.rel(raw, 'ts_ignore');
    const day1 = await h.snap('ts_ignore_snap', 1);
    expect(day1).toMatchObject({ action: 'create', rowsInserted: 3 });
    const [first] = await h.rows(main, 'ts_ignore_snap', 'tb_scd_id, tb_updated_at', 'id');
    // The same hash expression on both engines: md5 of key '|' valid_from.
    expect(first).toEqual({ tb_scd_id: md5('1|2026-01-30 10:00:00'), tb_updated_at: '2026-01-30 10:00:00' });

    await h.sql(`UPDATE ${t} SET status = 'contracted', updated_at = '2026-02-01 15:00:00' WHERE id = 1`);
    await h.sql(`DELETE FROM ${t} WHERE id = 3`);
    await h.sql(`INSERT INTO ${t} VALUES (4, 'applied', 55000, '2026-02-01 18:00:00')`);
    const day2 = await h.snap('ts_ignore_snap', 2);
    expect(day2).toMatchObject({ action: 'merge', rowsInserted: 2, rowsUpdated: 1, rowsInvalidated: 0 });

    await h.sql(`UPDATE ${t} SET status = 'living', updated_at = '2026-02-02 11:00:00' WHERE id = 1`);
    // A change without a new updated_at is invisible to the timestamp strategy (as in dbt).
    await h.sql(`UPDATE ${t} SET status = 'cancelled' WHERE id = 2`);
    expect(await h.snap('ts_ignore_snap', 3)).toMatchObject({ rowsInserted: 1, rowsUpdated: 1 });
    expect(await h.snap('ts_ignore_snap', 3)).toMatchObject({ rowsInserted: 0, rowsUpdated: 0 });

    expect(await history(main, 'ts_ignore_snap')).toEqual([
      { id: 1, status: 'applied', tb_valid_from: '2026-01-30 10:00:00', tb_valid_to: '2026-02-01 15:00:00' },
      {
        id: 1,
        status: 'contracted',
        tb_valid_from: '2026-02-01 15:00:00',
        tb_valid_to: '2026-02-02 11:00:00',
      },
      { id: 1, status: 'living', tb_valid_from: '2026-02-02 11:00:00', tb_valid_to: null },
      { id: 2, status: 'contracted', tb_valid_from: '2026-01-31 09:00:00', tb_valid_to: null },
      // Deleted from the source on day 2, still current: hard_deletes defaults to ignore.
      { id: 3, status: 'living', tb_valid_from: '2026-01-31 12:00:00', tb_valid_to: null },
      { id: 4, status: 'applied', tb_valid_from: '2026-02-01 18:00:00', tb_valid_to: null },
    ]);
    expect(await leftovers(wh, main)).toEqual([]);
  });

  it('invalidate_hard_deletes closes a deleted key at the snapshot time; a returning key opens a new version', async () => {
    await movings('ts_invalidate');
    const t = h.rel(raw, 'ts_invalidate');
    await h.snap('ts_invalidate_snap', 1);
    await h.sql(`DELETE FROM ${t} WHERE id IN (2, 3)`);
    expect(await h.snap('ts_invalidate_snap', 2)).toMatchObject({
      rowsInserted: 0,
      rowsUpdated: 0,
      rowsInvalidated: 2,
    });
    await h.sql(`INSERT INTO ${t} VALUES (3, 'moved out', 70000, '2026-02-02 20:00:00')`);
    // Back exactly as it was: dbt would compute the closed version's scd_id and never re-insert it.
    await h.sql(`INSERT INTO ${t} VALUES (2, 'contracted', 60000, '2026-01-31 09:00:00')`);
    expect(await h.snap('ts_invalidate_snap', 3)).toMatchObject({ rowsInserted: 2, rowsInvalidated: 0 });
    expect(await h.snap('ts_invalidate_snap', 3)).toMatchObject({ rowsInserted: 0, rowsUpdated: 0 });
    // target_schema puts the table in exactly that schema.
    const rows = await history(snaps, 'ts_invalidate_snap');
    expect(rows.filter((r) => r.id !== 1)).toEqual([
      { id: 2, status: 'contracted', tb_valid_from: '2026-01-31 09:00:00', tb_valid_to: DAY2 },
      { id: 2, status: 'contracted', tb_valid_from: DAY3, tb_valid_to: null },
      { id: 3, status: 'living', tb_valid_from: '2026-01-31 12:00:00', tb_valid_to: DAY2 },
      { id: 3, status: 'moved out', tb_valid_from: '2026-02-02 20:00:00', tb_valid_to: null },
    ]);
  });

  it('check strategy with new_record: null-safe change detection and deletion records', async () => {
    const t = h.rel(raw, 'check_new');
    await h.sql(`CREATE TABLE ${t} (id INTEGER, status VARCHAR(20), rent INTEGER, tenant_id INTEGER)`);
    await h.sql(
      `INSERT INTO ${t} VALUES (1, 'applied', 50000, 7), (2, 'contracted', 60000, 8), (3, 'living', NULL, 9)`,
    );
    const day1 = await h.snap('check_new_snap', 1);
    expect(day1.rowsInserted).toBe(3);

    await h.sql(`UPDATE ${t} SET status = 'contracted' WHERE id = 1`);
    await h.sql(`UPDATE ${t} SET rent = 70000 WHERE id = 3`); // NULL -> value is a change
    await h.sql(`UPDATE ${t} SET tenant_id = 99 WHERE id = 2`); // not a check column: no change
    const day2 = await h.snap('check_new_snap', 2);
    expect(day2).toMatchObject({ rowsInserted: 2, rowsUpdated: 2, rowsInvalidated: 0 });

    await h.sql(`DELETE FROM ${t} WHERE id = 2`);
    const day3 = await h.snap('check_new_snap', 3);
    // The current version of 2 is closed, and a deletion record opens with its last values.
    expect(day3).toMatchObject({ rowsInserted: 1, rowsUpdated: 0, rowsInvalidated: 1 });
    // Still deleted on a re-run: no second deletion record.
    expect(await h.snap('check_new_snap', 4)).toMatchObject({ rowsInserted: 0, rowsInvalidated: 0 });
    await h.sql(`INSERT INTO ${t} VALUES (2, 'contracted', 60000, 8)`);
    // A second snapshot at the same second would close versions without opening new ones: refused.
    await expect(h.snap('check_new_snap', 3)).rejects.toMatchObject({
      message: expect.stringContaining('is not after its newest version'),
    });
    expect(await h.snap('check_new_snap', 5)).toMatchObject({ rowsInserted: 1, rowsUpdated: 1 });

    const rows = await h.rows(
      main,
      'check_new_snap',
      'id, status, rent, tb_valid_from, tb_valid_to, tb_is_deleted',
      'id, tb_valid_from',
    );
    expect(rows.filter((r) => r.id === 2)).toEqual([
      {
        id: 2,
        status: 'contracted',
        rent: 60000,
        tb_valid_from: '2026-02-01 00:30:00',
        tb_valid_to: DAY3,
        tb_is_deleted: 'False',
      },
      {
        id: 2,
        status: 'contracted',
        rent: 60000,
        tb_valid_from: DAY3,
        tb_valid_to: '2026-02-05 00:30:00',
        tb_is_deleted: 'True',
      },
      {
        id: 2,
        status: 'contracted',
        rent: 60000,
        tb_valid_from: '2026-02-05 00:30:00',
        tb_valid_to: null,
        tb_is_deleted: 'False',
      },
    ]);
    expect(rows.filter((r) => r.id === 3).map((r) => [r.rent, r.tb_valid_to])).toEqual([
      [null, DAY2],
      [70000, null],
    ]);
    expect(rows.filter((r) => r.id === 1).map((r) => r.status)).toEqual(['applied', 'contracted']);
  });

  it('composite keys, check_cols all and a new source column', async () => {
    const t = h.rel(raw, 'pairs');
    await h.sql(`CREATE TABLE ${t} (tenant_id INTEGER, room_id INTEGER, status VARCHAR(20))`);
    await h.sql(`INSERT INTO ${t} VALUES (1, 10, 'a'), (1, 11, 'b'), (2, 10, 'c')`);
    await h.snap('pairs_snap', 1);

    await h.sql(`DELETE FROM ${t} WHERE tenant_id = 2 AND room_id = 10`);
    await h.sql(`ALTER TABLE ${t} ADD COLUMN note VARCHAR(20)`);
    await h.sql(`UPDATE ${t} SET note = 'hello' WHERE room_id = 10`);
    const day2 = await h.snap('pairs_snap', 2);
    // A compared column new to the table makes every current row a change (dbt's column_added).
    expect(day2).toMatchObject({
      rowsInserted: 2,
      rowsUpdated: 2,
      rowsInvalidated: 1,
      addedColumns: ['note'],
    });

    await h.sql(`UPDATE ${t} SET note = 'bye' WHERE tenant_id = 1 AND room_id = 10`);
    await h.sql(`INSERT INTO ${t} VALUES (2, 10, 'c', NULL)`);
    expect(await h.snap('pairs_snap', 3)).toMatchObject({
      rowsInserted: 2,
      rowsUpdated: 1,
      addedColumns: [],
    });

    expect(
      await h.rows(
        main,
        'pairs_snap',
        'tenant_id, room_id, status, note, tb_valid_from, tb_valid_to',
        'tenant_id, room_id, tb_valid_from',
      ),
    ).toEqual([
      {
        tenant_id: 1,
        room_id: 10,
        status: 'a',
        note: null,
        tb_valid_from: '2026-02-01 00:30:00',
        tb_valid_to: DAY2,
      },
      { tenant_id: 1, room_id: 10, status: 'a', note: 'hello', tb_valid_from: DAY2, tb_valid_to: DAY3 },
      { tenant_id: 1, room_id: 10, status: 'a', note: 'bye', tb_valid_from: DAY3, tb_valid_to: null },
      {
        tenant_id: 1,
        room_id: 11,
        status: 'b',
        note: null,
        tb_valid_from: '2026-02-01 00:30:00',
        tb_valid_to: DAY2,
      },
      { tenant_id: 1, room_id: 11, status: 'b', note: null, tb_valid_from: DAY2, tb_valid_to: null },
      {
        tenant_id: 2,
        room_id: 10,
        status: 'c',
        note: null,
        tb_valid_from: '2026-02-01 00:30:00',
        tb_valid_to: DAY2,
      },
      { tenant_id: 2, room_id: 10, status: 'c', note: null, tb_valid_from: DAY3, tb_valid_to: null },
    ]);
  });

  it('refuses a SELECT whose unique_key repeats, and leaves the table and no work tables behind', async () => {
    const t = h.rel(raw, 'dup');
    await h.sql(`CREATE TABLE ${t} (id INTEGER, updated_at DATETIME)`);
    await h.sql(`INSERT INTO ${t} VALUES (1, '2026-01-01 00:00:00'), (2, '2026-01-01 00:00:00')`);
    await h.snap('dup_snap', 1);
    await h.sql(`INSERT INTO ${t} VALUES (2, '2026-01-02 00:00:00')`);
    await expect(h.snap('dup_snap', 2)).rejects.toThrow(
      /unique_key \(id\) is not unique in its SELECT: \(2\) x2/,
    );
    expect(await h.rows(main, 'dup_snap', 'id', 'id')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await leftovers(wh, main)).toEqual([]);
  });
});

async function leftovers(wh: TestWarehouse, schema: string): Promise<string[]> {
  return (await wh.adapter.listRelations(schema)).map((r) => r.name).filter((n) => n.includes('__tb_'));
}
