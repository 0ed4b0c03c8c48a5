import { ProjectCompiler } from '../../../src/compile/node-compiler';
import { parseProject, type ParsedProject } from '../../../src/parse/parse-project';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { writeProject } from '../../helpers/temp-project';

/**
 * The builtin cross-database macros (include/macros/cross_db.sql), rendered into a model, compiled for each
 * engine and executed there: each case asserts the value both engines return, so equal across engines too.
 * date_spine and the dbt.<name> namespace are in dbt-namespace-macros.test.ts.
 */
type Expected = string | number | null;

const CASES: readonly (readonly [string, Expected])[] = [
  // date_trunc
  [`date_trunc('month', "'2024-02-17 13:45:00'")`, '2024-02-01'],
  [`date_trunc('year', "'2024-02-17 13:45:00'")`, '2024-01-01'],
  [`date_trunc('day', "'2024-02-17 13:45:00'")`, '2024-02-17'],
  // Weeks start on Monday: Saturday and Sunday go back to Monday 12th, Monday stays.
  [`date_trunc('week', "'2024-02-17 13:45:00'")`, '2024-02-12'],
  [`date_trunc('week', "'2024-02-18'")`, '2024-02-12'],
  [`date_trunc('week', "'2024-02-19'")`, '2024-02-19'],
  // last_day
  [`last_day("'2024-02-17'")`, '2024-02-29'],
  [`last_day("'2023-02-10 10:00:00'")`, '2023-02-28'],
  [`last_day("'2024-04-30'")`, '2024-04-30'],
  [`last_day("'2024-02-17'", 'year')`, '2024-12-31'],
  // A week ends on Sunday (SQLite has no 'start of week' modifier).
  [`last_day("'2024-02-17'", 'week')`, '2024-02-18'],
  [`last_day("'2024-02-19'", 'week')`, '2024-02-25'],
  // cast with portable type names
  [`cast("'42'", 'integer')`, 42],
  [`cast("'-42'", 'bigint')`, -42],
  [`cast("'12.50'", 'decimal(10,2)')`, 12.5],
  [`cast("'2.5'", 'float')`, 2.5],
  // DECIMAL(p,s) rounds to its scale on both engines (SQLite has no fixed-point type).
  [`cast("'12.345'", 'decimal(10,2)')`, 12.35],
  [`cast('42', 'string')`, '42'],
  [`cast("'2024-02-17 13:45:00'", 'date')`, '2024-02-17'],
  [`cast("'2024-02-17 13:45:00'", 'datetime')`, '2024-02-17 13:45:00'],
  [`cast("'2024-02-17'", 'datetime')`, '2024-02-17 00:00:00'],
  [`cast('1 = 1', 'boolean')`, 1],
  [`cast('1 = 0', 'boolean')`, 0],
  // safe_cast: NULL where the value does not fit
  [`safe_cast("'abc'", 'integer')`, null],
  [`safe_cast("'42'", 'integer')`, 42],
  [`safe_cast("'-7'", 'integer')`, -7],
  [`safe_cast("' 8 '", 'integer')`, 8],
  // Only a whole number is an integer: SQLite's CAST would read the leading digits of these.
  [`safe_cast("'12abc'", 'integer')`, null],
  [`safe_cast("'1.5'", 'integer')`, null],
  [`safe_cast("'1e3'", 'integer')`, null],
  [`safe_cast("'-'", 'integer')`, null],
  [`safe_cast("'2024-02-29'", 'date')`, '2024-02-29'],
  [`safe_cast("'2024-02-17 13:45:00'", 'date')`, '2024-02-17'],
  [`safe_cast("'2024-02-30'", 'date')`, null],
  [`safe_cast("'2023-02-29'", 'date')`, null],
  [`safe_cast("'abc'", 'date')`, null],
  [`safe_cast("'12.50'", 'decimal(10,2)')`, 12.5],
  [`safe_cast("'2.5'", 'float')`, 2.5],
  [`safe_cast("'abc'", 'decimal(10,2)')`, null],
  [`safe_cast("'abc'", 'float')`, null],
  [`safe_cast("'1.2.3'", 'float')`, null],
  [`safe_cast("'1.'", 'float')`, null],
  [`safe_cast("'-1.25'", 'decimal(10,1)')`, -1.3],
  [`safe_cast("'x'", 'string')`, 'x'],
  // concat: a NULL field makes the whole result NULL on both engines (SQL's ||, MySQL's concat)
  [`concat(["'a'", "'-'", "'b'"])`, 'a-b'],
  [`concat(["'room'", '7'])`, 'room7'],
  [`concat(["'a'", 'null', "'b'"])`, null],
  // age_in_years: full years, a birthday not yet reached does not count; 29 February birthdays
  [`age_in_years("'2000-03-15'", "'2024-03-14'")`, 23],
  [`age_in_years("'2000-03-15'", "'2024-03-15'")`, 24],
  [`age_in_years("'2000-02-29'", "'2023-02-28'")`, 22],
  [`age_in_years("'2000-02-29'", "'2024-02-29'")`, 24],
  [`age_in_years("'1990-12-31'", "'2024-01-01'")`, 33],
  // With a time of day, the year is full only once the birth's time is reached.
  [`age_in_years("'2000-03-15 10:00:00'", "'2024-03-15 09:00:00'")`, 23],
  [`age_in_years("'2000-03-15 10:00:00'", "'2024-03-15 10:00:00'")`, 24],
  // hash: md5 hex of the text, the same on both engines, NULL for NULL
  [`hash("'abc'")`, '900150983cd24fb0d6963f7d28e17f72'],
  [`hash('42')`, 'a1d0c6e83f027327d8461063f4ac58a6'],
  [`hash('null')`, null],
];

/** DECIMAL comes back as text from mysql2 ('12.50') and as a REAL from SQLite: compare numbers as numbers. */
function normalize(value: unknown, expected: Expected): unknown {
  if (typeof expected === 'number' && value !== null) return Number(value);
  return value;
}

describe('builtin cross-database macros, executed on both engines', () => {
  const files: Record<string, string> = { 'project.yml': 'name: shop\nprofile: shop\n' };
  CASES.forEach(([expr], i) => (files[`models/case_${i}.sql`] = `select {{ ${expr} }} as v`));
  files['models/hashes.sql'] =
    'select {{ hash("\'abc\'") }} as a1, {{ hash("\'abc\'") }} as a2, {{ hash("\'abd\'") }} as b, {{ hash("\'\'") }} as e';
  files['models/now.sql'] = 'select {{ current_timestamp() }} as v';
  files['models/safe_table.sql'] = `select {{ safe_cast("'abc'", 'integer') }} as bad_int,
  {{ safe_cast("'41'", 'integer') }} as good_int,
  {{ safe_cast("'2024-02-30'", 'date') }} as bad_date,
  {{ safe_cast("'2024-02-29'", 'date') }} as good_date`;
  const dir = writeProject(files);

  const engines = testWarehouses('tbxdb_');
  const whs: { wh: TestWarehouse; compiler: ProjectCompiler; project: ParsedProject }[] = [];
  beforeAll(() => {
    for (const [, make] of engines) {
      const wh = make();
      const project = parseProject({ projectDir: dir, target: wh.target, partialParse: false });
      whs.push({ wh, project, compiler: new ProjectCompiler(project) });
    }
  });
  afterAll(async () => {
    for (const { wh } of whs) await wh.cleanup();
  });

  const sqlOf = (compiler: ProjectCompiler, model: string) =>
    compiler.compile(`model.shop.${model}`, { isIncremental: false, fullRefresh: false }).compiledSql;

  it('compiles each case to different SQL for each engine, through adapter.dispatch', () => {
    expect(whs.map(({ wh }) => wh.name)).toEqual(['mysql', 'sqlite']);
    const [mysql, sqlite] = whs;
    // date_trunc('month') has an engine-specific body: same model text, different SQL.
    expect(sqlOf(mysql.compiler, 'case_0')).toContain('date_format(');
    expect(sqlOf(sqlite.compiler, 'case_0')).toContain("'start of month'");
  });

  it.each(CASES.map(([expr, expected], i) => [expr, expected, i] as const))(
    '%s returns %j on mysql and sqlite',
    async (_expr, expected, i) => {
      const got: Record<string, unknown> = {};
      for (const { wh, compiler } of whs) {
        const { rows } = await wh.adapter.execute(sqlOf(compiler, `case_${i}`));
        expect(rows).toHaveLength(1);
        got[wh.name] = normalize(rows[0].v, expected);
      }
      expect(got).toEqual({ mysql: expected, sqlite: expected });
    },
  );

  it('hash is equal for equal input, different for different input, and the same across engines', async () => {
    const results: Record<string, unknown>[] = [];
    for (const { wh, compiler } of whs) {
      const { rows } = await wh.adapter.execute(sqlOf(compiler, 'hashes'));
      const r = rows[0];
      expect(r.a1).toBe(r.a2);
      expect(r.a1).not.toBe(r.b);
      expect(r.a1).toMatch(/^[0-9a-f]{32}$/);
      results.push(r);
    }
    expect(results[0]).toEqual(results[1]);
  });

  it('current_timestamp is the UTC now, as YYYY-MM-DD HH:MM:SS, on both engines', async () => {
    for (const { wh, compiler } of whs) {
      const { rows } = await wh.adapter.execute(sqlOf(compiler, 'now'));
      const text = String(rows[0].v);
      expect(text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      // Read as UTC it is now, give or take a few minutes: a local-time clock would be hours off.
      const drift = Math.abs(Date.parse(`${text.replace(' ', 'T')}Z`) - Date.now());
      expect(drift).toBeLessThan(5 * 60 * 1000);
    }
  });

  it('safe_cast builds a table (CREATE TABLE AS SELECT, strict mode on MariaDB) with NULLs for misfits', async () => {
    for (const { wh, compiler } of whs) {
      await wh.adapter.ensureSchema(wh.target.schema);
      const rel = wh.adapter.quoteRelation({ schema: wh.target.schema, name: 'safe_table' });
      await wh.adapter.execute(`create table ${rel} as ${sqlOf(compiler, 'safe_table')}`);
      const { rows } = await wh.adapter.execute(`select * from ${rel}`);
      expect(rows.map((r) => ({ ...r, good_int: Number(r.good_int) }))).toEqual([
        { bad_int: null, good_int: 41, bad_date: null, good_date: '2024-02-29' },
      ]);
    }
  });
});
