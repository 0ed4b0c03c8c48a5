import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCodes, TbError } from '../../../src/core/errors';
import type { SqliteTarget } from '../../../src/core/target';
import { DumpError, loadDump } from '../../../src/load';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';

const FIXTURES = join(__dirname, '../../fixtures/dumps');
const SMALL = join(FIXTURES, 'small_20260201.sql');
const NEXT = join(FIXTURES, 'next_20260202.sql');
const MYSQL8 = join(FIXTURES, 'mysql8_gghouse_20260205.sql');

/** Every table of a schema with all its rows: what "nothing visible changed" is checked against. */
async function snapshot(wh: TestWarehouse, schema: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const rel of await wh.adapter.listRelations(schema)) {
    out[rel.name] = (
      await wh.adapter.execute(`SELECT * FROM ${wh.adapter.quoteRelation(rel)} ORDER BY 1`)
    ).rows;
  }
  return out;
}

async function shadowExists(wh: TestWarehouse, schema: string): Promise<boolean> {
  if (wh.name === 'sqlite')
    return existsSync(join((wh.target as SqliteTarget).path, `${schema}__tb_load.db`));
  return wh.adapter.schemaExists(`${schema}__tb_load`);
}

async function failure(promise: Promise<unknown>): Promise<TbError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TbError);
  return err as TbError;
}

describe.each(testWarehouses('tbload_'))('tb load on %s', (_name, make) => {
  let wh: TestWarehouse;
  let dir: string;
  beforeAll(() => {
    wh = make();
    dir = mkdtempSync(join(tmpdir(), 'tbload-atomic-'));
  });
  afterAll(async () => {
    await wh.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, content: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('replaces staging in one step: tables the new dump lacks go, empty tables are dropped', async () => {
    const staging = wh.schema('swap');
    await loadDump(wh.adapter, SMALL, { schema: staging });
    expect((await wh.adapter.listRelations(staging)).map((r) => r.name)).toEqual(['apartments', 'rooms']);
    const result = await loadDump(wh.adapter, NEXT, { schema: staging });
    expect((await wh.adapter.listRelations(staging)).map((r) => r.name)).toEqual(['rooms', 'tenants']);
    expect(result.tables.map((t) => [t.name, t.rows, t.status])).toEqual([
      ['rooms', 3, 'loaded'],
      ['tenants', 1, 'loaded'],
      ['vendor_artifact', 0, 'dropped-empty'],
    ]);
    const rooms = await wh.adapter.execute(
      `SELECT id, rent FROM ${wh.adapter.quoteRelation({ schema: staging, name: 'rooms' })} ORDER BY id`,
    );
    expect(rooms.rows).toEqual([
      { id: 1, rent: 53000 },
      { id: 2, rent: 0 },
      { id: 3, rent: 61000 },
    ]);
    expect(await shadowExists(wh, staging)).toBe(false);
  });

  it('keeps empty tables when asked', async () => {
    const staging = wh.schema('keep');
    await loadDump(wh.adapter, NEXT, { schema: staging, keepEmptyTables: true });
    expect((await wh.adapter.listRelations(staging)).map((r) => r.name)).toEqual([
      'rooms',
      'tenants',
      'vendor_artifact',
    ]);
  });

  it('leaves staging untouched when the dump is truncated, and logs the failure', async () => {
    const staging = wh.schema('trunc');
    await loadDump(wh.adapter, SMALL, { schema: staging });
    const before = await snapshot(wh, staging);
    const text = readFileSync(SMALL);
    const cut = write('cut_20260203.sql', text.subarray(0, text.indexOf('(2,1,0)')));
    const err = await failure(loadDump(wh.adapter, cut, { schema: staging }));
    expect(err.code).toBe(ErrorCodes.dumpTruncated);
    expect(err.message).toMatch(/ends inside the INSERT rows of `rooms`/);
    expect(await snapshot(wh, staging)).toEqual(before);
    expect(await shadowExists(wh, staging)).toBe(false);
    const log = await wh.adapter.execute(
      `SELECT status, error, dump_date FROM ${wh.adapter.quoteRelation({ schema: wh.target.schema, name: 'tb_load_log' })}
       WHERE source = ?`,
      [cut],
    );
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]).toMatchObject({ status: 'failed', dump_date: '2026-02-03' });
    expect(String(log.rows[0].error)).toMatch(/TB502/);
  });

  it('reports a bad byte with its offset, line, table and a snippet', async () => {
    const staging = wh.schema('badbyte');
    await loadDump(wh.adapter, SMALL, { schema: staging });
    const before = await snapshot(wh, staging);
    const text = readFileSync(SMALL, 'utf8').replace('(1,1,52000)', '(1,1,52x00)');
    const bad = write('bad.sql', text);
    const err = (await failure(loadDump(wh.adapter, bad, { schema: staging }))) as DumpError;
    expect(err).toBeInstanceOf(DumpError);
    const offset = Buffer.from(text).indexOf('52x00') + 2;
    expect(err.offset).toBe(offset);
    expect(err.line).toBe(text.slice(0, text.indexOf('52x00')).split('\n').length);
    expect(err.table).toBe('rooms');
    expect(err.format()).toContain(
      `bad.sql: byte ${offset} (line ${err.line}), table \`rooms\`: [TB501] expected ',' or ')' after a value, found 'x'`,
    );
    expect(err.format()).toContain('(1,1,52⟨here⟩x00)');
    expect(await snapshot(wh, staging)).toEqual(before);
  });

  it('fails, like the server would, on a duplicate primary key, and changes nothing', async () => {
    const staging = wh.schema('dup');
    await loadDump(wh.adapter, SMALL, { schema: staging });
    const before = await snapshot(wh, staging);
    const dup = write('dup.sql', readFileSync(SMALL, 'utf8').replace('(2,1,0)', '(1,1,0)'));
    const err = await failure(loadDump(wh.adapter, dup, { schema: staging }));
    expect([ErrorCodes.database, ErrorCodes.loadMismatch]).toContain(err.code);
    expect(err.message).toMatch(/rooms/);
    expect(await snapshot(wh, staging)).toEqual(before);
  });

  it('starts clean after a crashed load left its shadow behind', async () => {
    const staging = wh.schema('crash');
    const shadow = wh.schema('crash__tb_load');
    await wh.adapter.ensureSchema(shadow);
    await wh.adapter.execute(
      `CREATE TABLE ${wh.adapter.quoteRelation({ schema: shadow, name: 'junk' })} (a INT)`,
    );
    await loadDump(wh.adapter, SMALL, { schema: staging });
    expect((await wh.adapter.listRelations(staging)).map((r) => r.name)).toEqual(['apartments', 'rooms']);
    expect(await shadowExists(wh, staging)).toBe(false);
  });

  it('loads a MySQL 8 dump (0900 collations, CRLF, GTID, DEFINER, view stand-in) into the target schema', async () => {
    const staging = wh.schema('mysql8');
    const result = await loadDump(wh.adapter, MYSQL8, { schema: staging });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        'skipped 1 GTID_PURGED statement',
        'skipped 1 trigger statement: tenants_bi',
        'skipped 2 view statements: v_tenants, v_tenants',
      ]),
    );
    expect((await wh.adapter.listRelations(staging)).map((r) => r.name)).toEqual(['tenants']);
    const { rows } = await wh.adapter.execute(
      `SELECT id, name, name_kana, birth_date, memo, photo FROM ${wh.adapter.quoteRelation({ schema: staging, name: 'tenants' })} ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        id: 1,
        name: 'Tanaka Taro',
        name_kana: 'タナカ タロウ',
        birth_date: '0000-00-00',
        memo: 'likes "quiet" rooms\r\nsecond line',
        photo: Buffer.from([0, 0x5c, 0x27, 0x22, 0x0a, 0x0d, 0x1a]),
      },
      { id: 2, name: 'José 😀', name_kana: 'ホセ', birth_date: '1990-02-28', memo: null, photo: null },
      {
        id: 3,
        name: 'McDonald',
        name_kana: 'マクドナルド',
        birth_date: '2030-01-01',
        memo: 'back\\slash',
        photo: Buffer.alloc(0),
      },
    ]);
    if (wh.name === 'mysql') {
      const info = await wh.adapter.execute(
        `SELECT TABLE_COLLATION AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'tenants'`,
        [staging],
      );
      // MariaDB has no utf8mb4_0900_ai_ci: the nearest it has, decided by asking the server.
      expect(String(info.rows[0].c)).toMatch(
        /^utf8mb4_(unicode_520|uca1400_ai|unicode)_ci$|^utf8mb4_0900_ai_ci$/,
      );
    }
  });
});
