import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TbError } from '../../../src/core/errors';
import { seedTable } from '../../../src/seed';
import type { SeedSpec } from '../../../src/seed';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';

describe.each(testWarehouses('tbseed_'))('seedTable on %s', (_name, make) => {
  let wh: TestWarehouse;
  let dir: string;
  let schema: string;
  beforeAll(() => {
    wh = make();
    dir = mkdtempSync(join(tmpdir(), 'tb-seed-it-'));
    schema = wh.schema('seeds');
  });
  afterAll(async () => {
    await wh.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  function spec(name: string, csv: string | Buffer, extra: Partial<SeedSpec> = {}): SeedSpec {
    const filePath = join(dir, `${name}.csv`);
    writeFileSync(filePath, csv);
    return { name, relation: { schema, name }, filePath, ...extra };
  }

  async function select(name: string, columns = '*'): Promise<Record<string, unknown>[]> {
    const rel = wh.adapter.quoteRelation({ schema, name });
    return (await wh.adapter.execute(`SELECT ${columns} FROM ${rel} ORDER BY 1`)).rows;
  }

  async function failure(promise: Promise<unknown>): Promise<TbError> {
    try {
      await promise;
    } catch (err) {
      return err as TbError;
    }
    throw new Error('expected the seed to fail');
  }

  async function relationNames(): Promise<string[]> {
    return (await wh.adapter.listRelations(schema)).map((r) => r.name);
  }

  it('infers types over the whole file, the tricky cases included', async () => {
    const rows = [
      'id,code,postal,price,ratio,active,born,seen_at,empty,big,late_text',
      '1,007,164-0001,1200,0.5,true,2024-02-29,2024-01-01 10:00:00,,9223372036854775807,1',
      '2,010,100-0001,-3,12.25,FALSE,1999-12-31,2024-01-02 23:59:59.125,,-9223372036854775808,2',
      ...Array.from(
        { length: 4997 },
        (_, i) => `${i + 3},100,100-0001,0,0.0,false,2000-01-01,2000-01-01 00:00:00,,0,${i + 3}`,
      ),
      '5000,100,100-0001,0,0.0,false,2000-01-01,2000-01-01 00:00:00,,0,abc',
    ];
    const result = await seedTable(wh.adapter, spec('typed', rows.join('\n') + '\n'));
    expect(result.rows).toBe(5000);
    expect(Object.fromEntries(result.columns.map((c) => [c.name, c.inferred]))).toEqual({
      id: { kind: 'integer' },
      code: { kind: 'text', maxLength: 3 },
      postal: { kind: 'text', maxLength: 8 },
      price: { kind: 'integer' },
      ratio: { kind: 'decimal', precision: 4, scale: 2 },
      active: { kind: 'boolean' },
      born: { kind: 'date' },
      seen_at: { kind: 'datetime', fractionDigits: 3 },
      empty: { kind: 'text', maxLength: 0 },
      big: { kind: 'integer' },
      late_text: { kind: 'text', maxLength: 4 },
    });
    const cols = await wh.adapter.getColumns({ schema, name: 'typed' });
    expect(cols.map((c) => c.dataType.toLowerCase())).toEqual(
      result.columns.map((c) =>
        c.type.toLowerCase().replace('bigint', wh.name === 'mysql' ? 'bigint(20)' : 'bigint'),
      ),
    );
    const [first, second] = await select(
      'typed',
      'id, code, postal, price, CAST(ratio AS CHAR(10)) AS ratio, active, born, seen_at, empty, CAST(big AS CHAR(30)) AS big, late_text',
    );
    expect(first).toMatchObject({
      id: 1,
      code: '007',
      postal: '164-0001',
      price: 1200,
      active: 1,
      empty: null,
    });
    expect(second).toMatchObject({ price: -3, active: 0, born: '1999-12-31', big: '-9223372036854775808' });
    expect(String(first.big)).toBe('9223372036854775807');
    expect(Number(second.ratio)).toBe(12.25);
    expect(String(second.seen_at)).toMatch(/^2024-01-02 23:59:59\.125/);
  });

  it('round-trips Japanese, emoji, quotes, commas, tabs, backslashes and line breaks exactly', async () => {
    const values = [
      'シェアハウス中野 🏠',
      'say "hello", then leave',
      'line one\nline two\r\nline three',
      'tab\there \\ back\\slash \\n not a newline',
      "it's 'quoted'",
      'ﾊﾝｶｸｶﾀｶﾅ と 漢字 👨‍👩‍👧',
      ' padded ',
      'nul\u0000byte and \u001a ctrl-z',
    ];
    const quote = (v: string): string => `"${v.replace(/"/g, '""')}"`;
    const csv = 'id,text\n' + values.map((v, i) => `${i + 1},${quote(v)}`).join('\n') + '\n';
    await seedTable(wh.adapter, spec('texts', csv));
    expect((await select('texts')).map((r) => r.text)).toEqual(values);
  });

  it('uses column_types verbatim', async () => {
    const csv = 'code,amount,label\n007,12,a\n008,13,b\n';
    const result = await seedTable(
      wh.adapter,
      spec('overridden', csv, { columnTypes: { code: 'VARCHAR(10)', Amount: 'DECIMAL(12,3)' } }),
    );
    expect(result.columns.map((c) => c.type)).toEqual([
      'VARCHAR(10)',
      'DECIMAL(12,3)',
      wh.name === 'mysql' ? 'VARCHAR(1)' : 'TEXT',
    ]);
    const cols = await wh.adapter.getColumns({ schema, name: 'overridden' });
    expect(cols.map((c) => c.dataType.toLowerCase())).toEqual([
      'varchar(10)',
      'decimal(12,3)',
      result.columns[2].type.toLowerCase(),
    ]);
    expect(await select('overridden', 'code, label')).toEqual([
      { code: '007', label: 'a' },
      { code: '008', label: 'b' },
    ]);
  });

  it('creates an empty table from a header-only CSV', async () => {
    const result = await seedTable(wh.adapter, spec('empty_seed', '\uFEFF id , name \n'));
    expect(result.rows).toBe(0);
    expect((await wh.adapter.getColumns({ schema, name: 'empty_seed' })).map((c) => c.name)).toEqual([
      'id',
      'name',
    ]);
    expect(await select('empty_seed')).toEqual([]);
  });

  it('swaps a reseed in atomically: new rows and columns, views still work, no temp tables left', async () => {
    const first = spec('swapped', 'id,label\n1,old\n');
    await seedTable(wh.adapter, first);
    const view = wh.adapter.quoteRelation({ schema, name: 'swapped_v' });
    await wh.adapter.execute(
      `CREATE VIEW ${view} AS SELECT id FROM ${wh.adapter.quoteRelation(first.relation)}`,
    );
    const result = await seedTable(wh.adapter, spec('swapped', 'id,label,extra\n1,new,x\n2,new,y\n'), {
      fullRefresh: true,
    });
    expect(result.rows).toBe(2);
    expect(await select('swapped')).toEqual([
      { id: 1, label: 'new', extra: 'x' },
      { id: 2, label: 'new', extra: 'y' },
    ]);
    expect((await wh.adapter.execute(`SELECT COUNT(*) AS n FROM ${view}`)).rows[0].n).toBe(2);
    expect((await relationNames()).filter((n) => n.startsWith('swapped'))).toEqual(['swapped', 'swapped_v']);
  });

  it('leaves the old table intact when the CSV is malformed, naming file and line', async () => {
    await seedTable(wh.adapter, spec('kept', 'id,name\n1,中野\n'));
    const bad = spec('kept', 'id,name\n1,中野\n2,杉並,extra\n');
    const err = await failure(seedTable(wh.adapter, bad));
    expect(err.code).toBe('TB601');
    expect(err.file).toBe(bad.filePath);
    expect(err.line).toBe(3);
    expect(await select('kept')).toEqual([{ id: 1, name: '中野' }]);
    expect((await relationNames()).filter((n) => n.startsWith('kept'))).toEqual(['kept']);
  });

  it('leaves the old table intact when a row fails to insert, and drops the half-built one', async () => {
    await seedTable(wh.adapter, spec('strict', 'id,name\n1,a\n'));
    const rows = Array.from({ length: 3000 }, (_, i) => `${i + 1},n${i}`);
    rows[2500] = ',missing id';
    const bad = spec('strict', 'id,name\n' + rows.join('\n') + '\n', {
      columnTypes: { id: 'INTEGER NOT NULL' },
    });
    const err = await failure(seedTable(wh.adapter, bad));
    expect(err.code).toBe('TB401');
    expect(err.message).toMatch(/seed 'strict' could not be loaded/);
    expect(err.file).toBe(bad.filePath);
    expect(await select('strict')).toEqual([{ id: 1, name: 'a' }]);
    expect((await relationNames()).filter((n) => n.startsWith('strict'))).toEqual(['strict']);
  });

  it('stops when aborted, before touching the old table', async () => {
    await seedTable(wh.adapter, spec('aborted', 'id\n1\n'));
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const err = await failure(
      seedTable(wh.adapter, spec('aborted', 'id\n2\n'), { signal: controller.signal }),
    );
    expect(err.message).toBe('stop');
    expect(await select('aborted')).toEqual([{ id: 1 }]);
  });

  it('loads a seed whose name leaves no room for the temp suffix', async () => {
    const name = 'n'.repeat(60);
    const result = await seedTable(wh.adapter, spec(name, 'id\n1\n'));
    expect(result.rows).toBe(1);
    expect(await relationNames()).toContain(name);
  });
});
