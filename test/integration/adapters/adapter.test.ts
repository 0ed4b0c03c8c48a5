import { testWarehouses, type TestWarehouse } from '../../helpers/targets';

describe.each(testWarehouses('tbadp_'))('%s adapter', (_name, make) => {
  let wh: TestWarehouse;
  beforeAll(() => {
    wh = make();
  });
  afterAll(async () => wh.cleanup());

  it('creates a schema when missing and reports its relations and columns', async () => {
    const schema = wh.schema('silver');
    expect(await wh.adapter.schemaExists(schema)).toBe(false);
    await wh.adapter.ensureSchema(schema);
    await wh.adapter.ensureSchema(schema);
    expect(await wh.adapter.schemaExists(schema)).toBe(true);
    const rel = wh.adapter.quoteRelation({ schema, name: 'rooms' });
    await wh.adapter.execute(`CREATE TABLE ${rel} (id INTEGER NOT NULL, name VARCHAR(20))`);
    await wh.adapter.execute(`INSERT INTO ${rel} VALUES (?, ?), (?, ?)`, [1, '中野', 2, "it's ?"]);
    const { rows } = await wh.adapter.execute(`SELECT id, name, '?' AS q FROM ${rel} ORDER BY id`);
    expect(rows).toEqual([
      { id: 1, name: '中野', q: '?' },
      { id: 2, name: "it's ?", q: '?' },
    ]);
    expect(await wh.adapter.listRelations(schema)).toEqual([{ schema, name: 'rooms', kind: 'table' }]);
    const cols = await wh.adapter.getColumns({ schema, name: 'rooms' });
    expect(cols.map((c) => [c.name, c.nullable])).toEqual([
      ['id', false],
      ['name', true],
    ]);
    expect(await wh.adapter.getRelation({ schema, name: 'nope' })).toBeUndefined();
  });

  it('keeps a session on one connection', async () => {
    // A session variable set on one statement is visible to the next only on the same connection.
    await wh.adapter.withSession(async (s) => {
      await s.execute(
        wh.name === 'mysql' ? 'SET @tb_probe = 7' : 'CREATE TEMP TABLE tb_probe AS SELECT 7 AS a',
      );
      const { rows } = await s.execute(
        wh.name === 'mysql' ? 'SELECT @tb_probe AS a' : 'SELECT a FROM tb_probe',
      );
      expect(rows).toEqual([{ a: 7 }]);
    });
  });

  it('drops a schema with everything in it', async () => {
    const schema = wh.schema('scratch');
    await wh.adapter.ensureSchema(schema);
    await wh.adapter.execute(`CREATE TABLE ${wh.adapter.quoteRelation({ schema, name: 't' })} (a INTEGER)`);
    await wh.adapter.dropSchema(schema);
    expect(await wh.adapter.schemaExists(schema)).toBe(false);
    expect(await wh.adapter.listRelations(schema)).toEqual([]);
  });
});
