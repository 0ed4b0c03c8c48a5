import { executeDataTest } from '../../../src/data-tests/execute-test';
import { ProjectCompiler } from '../../../src/compile/node-compiler';
import { parseProject } from '../../../src/parse/parse-project';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { writeProject } from '../../helpers/temp-project';

describe.each(testWarehouses('tbdt_'))('data tests on %s', (_name, make) => {
  let wh: TestWarehouse;
  let compiler: ProjectCompiler;
  let ids: Record<string, string>;

  beforeAll(async () => {
    wh = make();
    const raw = wh.schema('raw');
    await wh.adapter.ensureSchema(raw);
    const people = wh.adapter.quoteRelation({ schema: raw, name: 'people' });
    await wh.adapter.execute(`CREATE TABLE ${people} (id INTEGER, status VARCHAR(10), city VARCHAR(10))`);
    await wh.adapter.execute(
      `INSERT INTO ${people} VALUES (1, 'a', 'x'), (2, 'b', 'y'), (2, 'zz', 'x'), (NULL, 'a', 'x'), (5, 'zz', NULL), (6, 'a', 'nowhere')`,
    );
    await wh.adapter.execute(
      `CREATE TABLE ${wh.adapter.quoteRelation({ schema: raw, name: 'cities' })} (name VARCHAR(10))`,
    );
    await wh.adapter.execute(
      `INSERT INTO ${wh.adapter.quoteRelation({ schema: raw, name: 'cities' })} VALUES ('x'), ('y')`,
    );
    const dir = writeProject({
      'project.yml': 'name: dt\n',
      'macros/tests.sql':
        '{% test at_least(model, column_name, min_value) %}\nselect * from {{ model }} where {{ column_name }} < {{ min_value }}\n{% endtest %}\n',
      'models/props.yml': `version: 2
sources:
  - name: raw
    schema: ${raw}
    tables:
      - name: cities
      - name: people
        columns:
          - name: id
            tests:
              - unique
              - at_least: {min_value: 3, config: {limit: 1}}
              - at_least: {name: at_least_strict, min_value: 3}
              - not_null: {config: {store_failures: true}}
          - name: status
            tests:
              - accepted_values: {values: [a, b], config: {severity: warn}}
              - accepted_values: {name: status_strict, values: [a, b], config: {warn_if: ">5", error_if: ">1"}}
          - name: city
            tests:
              - relationships: {to: "source('raw', 'cities')", field: name, config: {where: "id < 6"}}
`,
    });
    const project = parseProject({ projectDir: dir, target: wh.target, env: {} });
    compiler = new ProjectCompiler(project);
    ids = Object.fromEntries(Object.values(project.manifest.nodes).map((n) => [n.name, n.uniqueId]));
  });
  afterAll(async () => {
    // Registers the audit schema store_failures made (`<target schema>_audit`) so cleanup drops it.
    wh.schema('main_audit');
    await wh.cleanup();
  });

  const run = (name: string) =>
    executeDataTest(wh.adapter, compiler.compile(ids[name], { isIncremental: false, fullRefresh: false }));

  it('passes, fails and warns by the failure count and the severity', async () => {
    expect(await run('unique_source_raw_people_id')).toMatchObject({ status: 'fail', failures: 1 });
    // The accepted_values test groups by value: 'zz' is one failing row.
    expect(await run('accepted_values_source_raw_people_status__a__b')).toMatchObject({
      status: 'warn',
      failures: 1,
    });
    expect(await run('status_strict')).toMatchObject({ status: 'pass', failures: 1 });
  });

  it('runs a custom generic test from a {% test %} block, and limit caps the count', async () => {
    expect(await run('at_least_strict')).toMatchObject({ status: 'fail', failures: 3 });
    expect(await run('at_least_source_raw_people_id__3')).toMatchObject({ status: 'fail', failures: 1 });
  });

  it('applies where before the test, and samples the failing rows', async () => {
    // city 'nowhere' belongs to id 6, filtered out by the where; NULL cities are not failures.
    const result = await run('relationships_source_raw_people_city__name__source_raw_cities_');
    expect(result).toMatchObject({ status: 'pass', failures: 0, sample: [] });
    const nulls = await run('not_null_source_raw_people_id');
    expect(nulls.failures).toBe(1);
    expect(nulls.sample).toEqual([{ id: null, status: 'a', city: 'x' }]);
  });

  it('keeps the failing rows of a store_failures test in the audit schema, replacing the previous run', async () => {
    const first = await run('not_null_source_raw_people_id');
    const second = await run('not_null_source_raw_people_id');
    expect(second.storedIn).toEqual(first.storedIn);
    const stored = wh.adapter.quoteRelation(second.storedIn!);
    expect((await wh.adapter.execute(`SELECT COUNT(*) AS n FROM ${stored}`)).rows[0].n).toBe(1);
    const left = (await wh.adapter.listRelations(second.storedIn!.schema)).map((r) => r.name);
    expect(left).toEqual(['not_null_source_raw_people_id']);
  });
});
