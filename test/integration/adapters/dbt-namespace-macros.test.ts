import { ProjectCompiler } from '../../../src/compile/node-compiler';
import { parseProject } from '../../../src/parse/parse-project';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { writeProject } from '../../helpers/temp-project';

/**
 * Model text written for dbt runs unmodified on both engines: `dbt.<macro>` calls, dbt's type macros,
 * dbt's date_spine(datepart, start_date, end_date) with the end excluded, and dateadd of months clamped to
 * the month's end as MySQL does. Every case is executed, and both engines must return the same rows.
 */
const MODELS: Record<string, [sql: string, rows: Record<string, unknown>[]]> = {
  spine_day: [
    `{{ dbt.date_spine('day', "'2020-01-30'", "'2020-02-02'") }}`,
    [{ date_day: '2020-01-30' }, { date_day: '2020-01-31' }, { date_day: '2020-02-01' }],
  ],
  spine_week: [
    `{{ date_spine('week', "'2020-01-01'", "'2020-01-29'") }}`,
    ['2020-01-01', '2020-01-08', '2020-01-15', '2020-01-22'].map((d) => ({ date_week: d })),
  ],
  spine_month: [
    `{{ date_spine('month', "'2020-01-31'", "'2020-05-01'") }}`,
    ['2020-01-31', '2020-02-29', '2020-03-31', '2020-04-30'].map((d) => ({ date_month: d })),
  ],
  spine_empty: [`{{ date_spine('day', "'2020-01-02'", "'2020-01-02'") }}`, []],
  month_ends: [
    `select {{ dateadd('month', 1, "'2020-01-31'") }} as a, {{ dateadd('month', -1, "'2020-03-31'") }} as b,
      {{ dateadd('year', 1, "'2020-02-29'") }} as c, {{ dateadd('month', 13, "'2020-01-15'") }} as d,
      {{ dateadd('year', -2, "'2021-12-31'") }} as e`,
    [{ a: '2020-02-29', b: '2020-02-29', c: '2021-02-28', d: '2021-02-15', e: '2019-12-31' }],
  ],
  namespaced: [
    `select {{ dbt.date_trunc('month', "'2024-02-17'") }} as m, {{ dbt.datediff("'2024-01-01'", "'2024-03-01'", 'day') }} as d,
      {{ dbt.concat(["'a'", "'b'"]) }} as c, {{ dbt.hash("'abc'") }} as h,
      {{ dbt.safe_cast("'x1'", dbt.type_int()) }} as bad`,
    [{ m: '2024-02-01', d: 60, c: 'ab', h: '900150983cd24fb0d6963f7d28e17f72', bad: null }],
  ],
  types: [
    `select cast('12' as {{ dbt.type_int() }}) + 1 as i, cast('12' as {{ dbt.type_bigint() }}) as b,
      cast(7 as {{ dbt.type_string() }}) as s, cast('2.5' as {{ dbt.type_float() }}) as f,
      cast('2024-01-02 03:04:05' as {{ dbt.type_timestamp() }}) as ts`,
    [{ i: 13, b: 12, s: '7', f: 2.5, ts: '2024-01-02 03:04:05' }],
  ],
  // The project overrides hash; dbt.hash stays dbt's (tb's builtin), the bare name is the project's.
  overridden: [
    `select {{ hash("'abc'") }} as mine, {{ dbt.hash("'abc'") }} as builtin`,
    [{ mine: 'mine:abc', builtin: '900150983cd24fb0d6963f7d28e17f72' }],
  ],
};

/** mysql2 returns BIGINT/DECIMAL as numbers or text depending on the type: compare numbers as numbers. */
function normalize(rows: Record<string, unknown>[], expected: Record<string, unknown>[]): unknown[] {
  return rows.map((row, i) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        typeof expected[i]?.[k] === 'number' && v !== null ? Number(v) : v,
      ]),
    ),
  );
}

describe('dbt-style macro calls, executed on both engines', () => {
  const files: Record<string, string> = {
    'project.yml': 'name: shop\nprofile: shop\n',
    'macros/hash.sql': "{% macro hash(field) %}concat('mine:', {{ field }}){% endmacro %}",
  };
  for (const [name, [sql]] of Object.entries(MODELS)) files[`models/${name}.sql`] = sql;
  const dir = writeProject(files);
  const engines = testWarehouses('tbdbtns_');
  const whs: { wh: TestWarehouse; compiler: ProjectCompiler }[] = [];
  beforeAll(() => {
    for (const [, make] of engines) {
      const wh = make();
      whs.push({
        wh,
        compiler: new ProjectCompiler(
          parseProject({ projectDir: dir, target: wh.target, partialParse: false }),
        ),
      });
    }
  });
  afterAll(async () => {
    for (const { wh } of whs) await wh.cleanup();
  });
  const sqlOf = (compiler: ProjectCompiler, model: string) =>
    compiler.compile(`model.shop.${model}`, { isIncremental: false, fullRefresh: false }).compiledSql;

  it.each(Object.entries(MODELS))(
    '%s returns the same rows on mysql and sqlite',
    async (name, [, expected]) => {
      const got: Record<string, unknown> = {};
      for (const { wh, compiler } of whs) {
        const sql = sqlOf(compiler, name);
        const { rows } = await wh.adapter.execute(
          name.startsWith('spine') ? `select * from (${sql}) s order by 1` : sql,
        );
        got[wh.name] = normalize(rows, expected);
      }
      expect(got).toEqual({ mysql: expected, sqlite: expected });
    },
  );

  it("reports date_spine called in the old (start, end, datepart) order, naming dbt's order", () => {
    const old = writeProject({
      'project.yml': 'name: shop\nprofile: shop\n',
      'models/old_order.sql': `{{ date_spine("'2020-01-01'", "'2020-02-01'", 'day') }}`,
    });
    const [{ wh }] = whs;
    expect(() => parseProject({ projectDir: old, target: wh.target, partialParse: false })).toThrow(
      expect.objectContaining({
        file: 'models/old_order.sql',
        message: expect.stringContaining('date_spine(datepart, start_date, end_date): datepart must be'),
      }),
    );
  });
});
