import { join } from 'node:path';
import { ProjectCompiler } from '../../../src/compile/node-compiler';
import { loadProject, resolveProjectTarget } from '../../../src/project/load-project';
import { writeProject } from '../../helpers/temp-project';

/** project.yml keys beyond paths: +enabled and hooks in the models tree, on-run hooks, env_var in YAML. */
const RUNTIME = { isIncremental: false, fullRefresh: false };

describe('the models tree of project.yml', () => {
  it('+enabled: false removes the models of a folder, or one model by name, from the manifest', () => {
    const dir = writeProject({
      'project.yml': `name: shop
profile: shop
models:
  shop:
    legacy:
      +enabled: false
    gold:
      old_report:
        +enabled: false
`,
      'models/legacy/a.sql': 'select 1 as x',
      'models/legacy/deep/b.sql': 'select 1 as x',
      'models/gold/old_report.sql': 'select 1 as x',
      'models/gold/report.sql': 'select 1 as x',
      'models/silver/c.sql': 'select 1 as x',
    });
    const project = loadProject({ projectDir: dir });
    expect(Object.keys(project.manifest.nodes).sort()).toEqual(['model.shop.c', 'model.shop.report']);
  });

  it('+enabled: false on a model another refers to is an error naming the disabled model', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\nmodels:\n  shop:\n    legacy:\n      +enabled: false\n',
      'models/legacy/a.sql': 'select 1 as x',
      'models/b.sql': "select * from {{ ref('a') }}",
    });
    expect(() => loadProject({ projectDir: dir })).toThrow(
      expect.objectContaining({
        code: 'TB203',
        file: 'models/b.sql',
        message: "ref('a') points at a disabled node",
      }),
    );
  });

  it('+pre-hook and +post-hook from every level of the tree end up on the node config, root first', () => {
    const dir = writeProject({
      'project.yml': `name: shop
profile: shop
models:
  shop:
    +pre-hook: "insert into audit values ('start {{ this }}')"
    gold:
      +post-hook:
        - "analyze {{ this }}"
        - "insert into audit values ('{{ target.name }}')"
`,
      'models/gold/report.sql': "{{ config(post_hook='select 3') }}select 1 as x",
      'models/silver/c.sql': 'select 1 as x',
    });
    const project = loadProject({ projectDir: dir });
    const report = project.manifest.nodes['model.shop.report'];
    // Hooks are templates for run time: kept unrendered in the manifest.
    expect(report.config.pre_hook).toEqual(["insert into audit values ('start {{ this }}')"]);
    expect(report.config.post_hook).toEqual([
      'analyze {{ this }}',
      "insert into audit values ('{{ target.name }}')",
      'select 3',
    ]);
    expect(project.manifest.nodes['model.shop.c'].config).toMatchObject({
      pre_hook: ["insert into audit values ('start {{ this }}')"],
      post_hook: [],
    });
    const compiled = new ProjectCompiler(project).compile('model.shop.report', RUNTIME);
    expect(compiled.preHooks).toEqual(['insert into audit values (\'start "main"."report"\')']);
    expect(compiled.postHooks).toEqual([
      'analyze "main"."report"',
      "insert into audit values ('default')",
      'select 3',
    ]);
  });
});

describe('on-run-start and on-run-end', () => {
  it('are read as lists of unrendered SQL, a single string as a list of one', () => {
    const dir = writeProject({
      'project.yml': `name: shop
profile: shop
on-run-start:
  - "create table if not exists audit (step text, target text)"
  - "insert into audit values ('start', '{{ target.name }}')"
on-run-end: "insert into audit values ('end', '{{ target.name }}')"
`,
      'models/a.sql': 'select 1 as x',
    });
    const project = loadProject({ projectDir: dir });
    expect(project.config.onRunStart).toEqual([
      'create table if not exists audit (step text, target text)',
      "insert into audit values ('start', '{{ target.name }}')",
    ]);
    expect(project.config.onRunEnd).toEqual(["insert into audit values ('end', '{{ target.name }}')"]);
    // Rendered when the run starts, with the run's context.
    expect(new ProjectCompiler(project).renderHook(project.config.onRunEnd[0])).toBe(
      "insert into audit values ('end', 'default')",
    );
  });

  it('are empty when absent', () => {
    const dir = writeProject({ 'project.yml': 'name: shop\nprofile: shop\n', 'models/a.sql': 'select 1' });
    const project = loadProject({ projectDir: dir });
    expect(project.config.onRunStart).toEqual([]);
    expect(project.config.onRunEnd).toEqual([]);
  });
});

describe("env_var('X', 'default') in YAML files", () => {
  const PROJECT = `name: shop
profile: shop
vars:
  region: "{{ env_var('TB_TEST_REGION', 'tokyo') }}"
models:
  shop:
    gold:
      +schema: "{{ env_var('TB_TEST_GOLD_SCHEMA', 'gold') }}"
`;

  it('project.yml: the variable when set, the default when not', () => {
    const dir = writeProject({
      'project.yml': PROJECT,
      'models/gold/g.sql': "select '{{ var('region') }}' as r",
    });
    const unset = loadProject({ projectDir: dir, env: {} });
    expect(unset.config.vars).toEqual({ region: 'tokyo' });
    expect(unset.manifest.nodes['model.shop.g'].schema).toBe('gold');
    expect(new ProjectCompiler(unset).compile('model.shop.g', RUNTIME).compiledSql).toBe(
      "select 'tokyo' as r",
    );

    const set = loadProject({
      projectDir: dir,
      env: { TB_TEST_REGION: 'osaka', TB_TEST_GOLD_SCHEMA: 'gold_dev' },
    });
    expect(set.config.vars).toEqual({ region: 'osaka' });
    expect(set.manifest.nodes['model.shop.g'].schema).toBe('gold_dev');
    expect(new ProjectCompiler(set).compile('model.shop.g', RUNTIME).compiledSql).toBe("select 'osaka' as r");
  });

  it('project.yml: a variable without a default that is not set is an error naming it', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\nvars:\n  key: "{{ env_var(\'TB_TEST_NO_DEFAULT\') }}"\n',
      'models/a.sql': 'select 1',
    });
    expect(() => loadProject({ projectDir: dir, env: {} })).toThrow(
      expect.objectContaining({
        code: 'TB208',
        message: "environment variable 'TB_TEST_NO_DEFAULT' is not set and has no default",
      }),
    );
    expect(loadProject({ projectDir: dir, env: { TB_TEST_NO_DEFAULT: 'v' } }).config.vars).toEqual({
      key: 'v',
    });
  });

  it('profiles.yml: the default target, a path and a schema, from the variable when set, else the default', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\n',
      'profiles.yml': `shop:
  target: "{{ env_var('TB_TEST_TARGET', 'lite') }}"
  outputs:
    lite:
      type: sqlite
      path: "{{ env_var('TB_TEST_WH', 'wh') }}"
      schema: "{{ env_var('TB_TEST_SCHEMA', 'main') }}"
    other: {type: sqlite, path: other_wh}
`,
    });
    expect(resolveProjectTarget({ projectDir: dir, env: {} })).toEqual({
      name: 'lite',
      type: 'sqlite',
      path: join(dir, 'wh'),
      schema: 'main',
      threads: 1,
    });
    expect(
      resolveProjectTarget({
        projectDir: dir,
        env: { TB_TEST_WH: 'elsewhere/wh', TB_TEST_SCHEMA: 'analytics' },
      }),
    ).toEqual({
      name: 'lite',
      type: 'sqlite',
      path: join(dir, 'elsewhere', 'wh'),
      schema: 'analytics',
      threads: 1,
    });
    expect(resolveProjectTarget({ projectDir: dir, env: { TB_TEST_TARGET: 'other' } })).toMatchObject({
      name: 'other',
      path: join(dir, 'other_wh'),
    });
  });
});
