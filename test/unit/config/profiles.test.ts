import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject, resolveProjectTarget } from '../../../src/project/load-project';
import { PROJECT_YML, writeProject } from '../../helpers/temp-project';

const PROFILES = `shop:
  target: lite
  outputs:
    lite: {type: sqlite, path: wh}
    prod:
      type: mysql
      host: "{{ env_var('TB_TEST_HOST', 'db.local') }}"
      port: 3307
      user: tb
      password: "{{ env_var('TB_TEST_PASSWORD') }}"
      database: analytics
      ssl: {ca: certs/rds.pem}
      threads: 8
`;

describe('profiles and targets', () => {
  it('reads profiles.yml next to the project, renders env_var, and resolves paths against the project', () => {
    const dir = writeProject({ 'project.yml': PROJECT_YML, 'profiles.yml': PROFILES });
    const lite = resolveProjectTarget({ projectDir: dir });
    expect(lite).toEqual({ name: 'lite', type: 'sqlite', path: join(dir, 'wh'), schema: 'main', threads: 1 });
    const prod = resolveProjectTarget({
      projectDir: dir,
      target: 'prod',
      env: { TB_TEST_PASSWORD: 's3cret' },
    });
    expect(prod).toMatchObject({
      type: 'mysql',
      host: 'db.local',
      port: 3307,
      user: 'tb',
      password: 's3cret',
      schema: 'analytics',
      threads: 8,
    });
    expect(prod.type === 'mysql' && prod.ssl?.ca).toBe(join(dir, 'certs/rds.pem'));
  });

  it('prefers --profiles-dir, then $TB_PROFILES_DIR, over the project folder', () => {
    const dir = writeProject({ 'project.yml': PROJECT_YML, 'profiles.yml': PROFILES });
    const other = join(dir, 'elsewhere');
    mkdirSync(other);
    writeFileSync(
      join(other, 'profiles.yml'),
      'shop:\n  target: x\n  outputs:\n    x: {type: sqlite, path: /tmp/x}\n',
    );
    expect(resolveProjectTarget({ projectDir: dir, profilesDir: other }).name).toBe('x');
    expect(resolveProjectTarget({ projectDir: dir, env: { TB_PROFILES_DIR: other } }).name).toBe('x');
  });

  it('names a missing env var, a missing target and an unknown type clearly', () => {
    const dir = writeProject({
      'project.yml': PROJECT_YML,
      'profiles.yml': PROFILES.replace('type: mysql', 'type: mysq'),
    });
    expect(() => resolveProjectTarget({ projectDir: dir, target: 'prd', env: {} })).toThrow(
      expect.objectContaining({ code: 'TB105', hint: "did you mean 'prod'?" }),
    );
    expect(() => resolveProjectTarget({ projectDir: dir, target: 'prod', env: {} })).toThrow(
      expect.objectContaining({
        code: 'TB208',
        message: "environment variable 'TB_TEST_PASSWORD' is not set and has no default",
      }),
    );
    expect(() =>
      resolveProjectTarget({ projectDir: dir, target: 'prod', env: { TB_TEST_PASSWORD: 'x' } }),
    ).toThrow(expect.objectContaining({ code: 'TB103', hint: "did you mean 'mysql'?" }));
  });

  it('falls back to the embedded SQLite default when there is no profiles.yml at all', () => {
    const dir = writeProject({ 'project.yml': PROJECT_YML });
    expect(resolveProjectTarget({ projectDir: dir, env: {} })).toEqual({
      name: 'default',
      type: 'sqlite',
      path: join(dir, '.tb', 'warehouse'),
      schema: 'main',
      threads: 1,
    });
  });

  it('compiles an unmodified dbt project (dbt_project.yml, model-paths, data_tests, dbt-only keys)', () => {
    const dir = writeProject({
      'dbt_project.yml': `name: legacy\nversion: '1.0'\nconfig-version: 2\nprofile: legacy\nmodel-paths: ["transform"]\nclean-targets: [target]\nmodels:\n  legacy:\n    +materialized: view\n    marts:\n      materialized: table\n      +persist_docs: {relation: true}\n`,
      'transform/marts/m.sql': 'select 1 as id',
      'transform/marts/m.yml':
        'version: 2\nmodels:\n  - name: m\n    columns:\n      - name: id\n        data_tests: [not_null]\n',
    });
    const project = loadProject({ projectDir: dir, env: {} });
    expect(project.manifest.nodes['model.legacy.m'].config.materialized).toBe('table');
    expect(Object.values(project.manifest.nodes).map((n) => n.name)).toContain('not_null_m_id');
  });
});
