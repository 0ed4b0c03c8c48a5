import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTbSync } from '../helpers/spawn-tb';
import { writeProject } from '../helpers/temp-project';
import { mysqlTarget, uniqueSuffix } from '../helpers/targets';
import { createAdapter } from '../../src/adapters/create-adapter';

const tb = (args: string[], cwd: string) => runTbSync(args, cwd);

const PROPS = `version: 2
seeds:
  - name: wards
    columns:
      - name: id
        tests: [not_null]
models:
  - name: a
    columns:
      - name: id
        tests: [unique]
      - name: name
        tests:
          - accepted_values: {values: ['中野', '杉並'], config: {severity: warn}}
`;

const ENGINES: [string, (schema: string) => string][] = [
  ['sqlite', () => 'e2e:\n  target: t\n  outputs:\n    t: {type: sqlite, path: wh}\n'],
  [
    'mysql',
    (schema) =>
      `e2e:\n  target: t\n  outputs:\n    t: {type: mysql, host: 127.0.0.1, user: root, password: '', database: ${schema}}\n`,
  ],
];

describe.each(ENGINES)('tb seed, tb test and tb build on %s', (engine, profile) => {
  const schema = `tbbuild_${uniqueSuffix()}`;
  const shown = engine === 'sqlite' ? 'main' : schema;
  afterAll(async () => {
    const admin = createAdapter(mysqlTarget('mysql'));
    await admin.dropSchema(schema);
    await admin.close();
  });

  const files = {
    'project.yml': 'name: p2\nprofile: e2e\nmodels:\n  p2:\n    +materialized: table\n',
    'profiles.yml': profile(schema),
    'seeds/wards.csv': 'id,name\n1,中野\n2,杉並\n2,dup\n',
    'models/a.sql': "select id, name from {{ ref('wards') }}",
    'models/b.sql': "select count(*) as n from {{ ref('a') }}",
    'models/other.sql': 'select 1 as x',
    'models/props.yml': PROPS,
    'tests/b_positive.sql': "select * from {{ ref('b') }} where n < 0",
  };

  it('build: a failing error-severity test skips what is downstream, independent branches build', () => {
    const dir = writeProject(files);
    const r = tb(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`OK loaded seed file ${shown}\\.wards \\.+ \\[3 rows in`));
    expect(r.out).toMatch(/WARN accepted_values_a_name______ \.+ \[WARN 1 in/);
    expect(r.out).toMatch(/FAIL unique_a_id \.+ \[FAIL 1 in/);
    expect(r.out).toMatch(
      new RegExp(
        `SKIP table ${shown}\\.b \\.+ \\[SKIP\\]\\n {2}skipped: upstream test\\.p2\\.unique_a_id\\.\\w+ failed`,
      ),
    );
    expect(r.out).toMatch(new RegExp(`OK created table ${shown}\\.other`));
    expect(r.out).toContain(
      'Failure in test unique_a_id (models/props.yml)\n  Got 1 result, configured to fail if != 0',
    );
    expect(r.out).toContain('{"unique_field":2,"n_records":2}');
    expect(r.out).toContain('PASS=4 WARN=1 ERROR=1 SKIP=2 TOTAL=8');
    const results = JSON.parse(readFileSync(join(dir, 'target', 'run_results.json'), 'utf8'));
    const byStatus = (s: string) => results.results.filter((x: { status: string }) => x.status === s).length;
    expect([byStatus('fail'), byStatus('warn'), byStatus('skipped')]).toEqual([1, 1, 2]);
    expect(results.results.find((x: { status: string }) => x.status === 'fail').failures).toBe(1);

    // Fix the data; retry runs only the failed test and what it skipped.
    writeFileSync(join(dir, 'seeds', 'wards.csv'), 'id,name\n1,中野\n2,杉並\n3,dup\n');
    expect(tb(['seed'], dir).code).toBe(0);
    expect(tb(['run', '-s', 'a'], dir).code).toBe(0);
    expect(tb(['test', '-s', 'a', '--exclude', 'unique_a_id'], dir).code).toBe(0);
    writeFileSync(join(dir, 'target', 'run_results.json'), JSON.stringify(results));
    const retry = tb(['retry'], dir);
    expect(retry.code).toBe(0);
    expect(retry.out).toContain('Running 1 model and 2 data tests');
    expect(retry.out).toMatch(/PASS unique_a_id/);
    expect(retry.out).toMatch(new RegExp(`OK created table ${shown}\\.b`));
    expect(tb(['retry'], dir).out).toContain('Nothing to retry');
  });

  it('seed then test: exit 1 on an error-severity failure, 0 when only warnings remain', () => {
    const dir = writeProject({ ...files, 'seeds/wards.csv': 'id,name\n1,中野\n2,杉並\n3,dup\n' });
    expect(tb(['seed'], dir).code).toBe(0);
    expect(tb(['run'], dir).code).toBe(0);
    const test = tb(['test', '--select', 'a'], dir);
    expect(test.code).toBe(0);
    expect(test.out).toContain('PASS=1 WARN=1 ERROR=0 SKIP=0 TOTAL=2');
    // The compiled test SQL is written where the report says.
    const path = /compiled code at (\S+)/.exec(test.out)![1];
    expect(readFileSync(path, 'utf8')).toContain("not in ('中野', '杉並')");
  });
});
