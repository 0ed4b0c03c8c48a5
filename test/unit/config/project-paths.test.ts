import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectCompiler } from '../../../src/compile/node-compiler';
import { loadProject } from '../../../src/project/load-project';
import { writeProject } from '../../helpers/temp-project';

/**
 * The *-paths keys of project.yml: a non-default value moves where tb looks, and the default folder is then
 * no longer read. Each project holds a decoy in the default folder that must not be found.
 */
const snapshot = (name: string) =>
  `{% snapshot ${name} %}\n{{ config(target_schema='snapshots', unique_key='id', strategy='check', check_cols=['v']) }}\nselect 1 as id, 2 as v\n{% endsnapshot %}\n`;

const ids = (nodes: Record<string, unknown>, prefix: string) =>
  Object.keys(nodes)
    .filter((id) => id.startsWith(prefix))
    .sort();

describe('project.yml paths', () => {
  it('defaults: models, seeds, macros, tests, snapshots and target', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\n',
      'models/a.sql': 'select {{ five() }} as x',
      'seeds/cities.csv': 'id,name\n1,Tokyo\n',
      'macros/five.sql': '{% macro five() %}5{% endmacro %}',
      'tests/assert_a.sql': "select * from {{ ref('a') }} where x < 0",
      'snapshots/snap.sql': snapshot('a_history'),
    });
    const project = loadProject({ projectDir: dir });
    expect(project.config).toMatchObject({
      seedPaths: ['seeds'],
      macroPaths: ['macros'],
      testPaths: ['tests'],
      snapshotPaths: ['snapshots'],
      targetPath: 'target',
    });
    expect(Object.keys(project.manifest.nodes).sort()).toEqual([
      'model.shop.a',
      'seed.shop.cities',
      'snapshot.shop.a_history',
      'test.shop.assert_a',
    ]);
    expect(project.manifest.macros['macro.shop.five']).toBeDefined();
  });

  it('seed-paths: seeds are read from the given folders only', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\nseed-paths: [data, more_data]\n',
      'data/cities.csv': 'id,name\n1,Tokyo\n',
      'more_data/wards/wards.csv': 'id\n1\n',
      'seeds/decoy.csv': 'id\n1\n',
    });
    const project = loadProject({ projectDir: dir });
    expect(project.config.seedPaths).toEqual(['data', 'more_data']);
    expect(ids(project.manifest.nodes, 'seed.')).toEqual(['seed.shop.cities', 'seed.shop.wards']);
    expect(project.manifest.nodes['seed.shop.cities'].originalFilePath).toBe('data/cities.csv');
    expect(project.manifest.nodes['seed.shop.wards'].fqn).toEqual(['shop', 'wards', 'wards']);
  });

  it('macro-paths: macros come from the given folder, and models can call them', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\nmacro-paths: [lib]\n',
      'lib/money.sql': '{% macro cents(col) %}({{ col }} * 100){% endmacro %}',
      'macros/decoy.sql': '{% macro decoy() %}1{% endmacro %}',
      'models/a.sql': "select {{ cents('price') }} as c from t",
    });
    const project = loadProject({ projectDir: dir });
    expect(project.manifest.macros['macro.shop.cents']).toMatchObject({ originalFilePath: 'lib/money.sql' });
    expect(project.manifest.macros['macro.shop.decoy']).toBeUndefined();
    expect(
      new ProjectCompiler(project).compile('model.shop.a', { isIncremental: false, fullRefresh: false })
        .compiledSql,
    ).toBe('select (price * 100) as c from t');
  });

  it('macro-paths: a macro left in the default folder is not defined', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\nmacro-paths: [lib]\n',
      'macros/cents.sql': '{% macro cents(col) %}({{ col }} * 100){% endmacro %}',
      'models/a.sql': "select {{ cents('price') }} as c from t",
    });
    expect(() => loadProject({ projectDir: dir })).toThrow(
      expect.objectContaining({
        code: 'TB202',
        file: 'models/a.sql',
        message: expect.stringContaining('Unable to call `cents`'),
      }),
    );
  });

  it('test-paths: singular tests are read from the given folder only', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\ntest-paths: [checks]\n',
      'models/a.sql': 'select 1 as x',
      'checks/assert_positive.sql': "select * from {{ ref('a') }} where x <= 0",
      'tests/decoy.sql': "select * from {{ ref('a') }}",
    });
    const project = loadProject({ projectDir: dir });
    expect(ids(project.manifest.nodes, 'test.')).toEqual(['test.shop.assert_positive']);
    expect(project.manifest.nodes['test.shop.assert_positive']).toMatchObject({
      originalFilePath: 'checks/assert_positive.sql',
      dependsOn: { nodes: ['model.shop.a'] },
    });
  });

  it('snapshot-paths: snapshots are read from the given folder only', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\nsnapshot-paths: [history]\n',
      'history/rooms.sql': snapshot('rooms_history'),
      'snapshots/decoy.sql': snapshot('decoy_history'),
    });
    const project = loadProject({ projectDir: dir });
    expect(ids(project.manifest.nodes, 'snapshot.')).toEqual(['snapshot.shop.rooms_history']);
    expect(project.manifest.nodes['snapshot.shop.rooms_history']).toMatchObject({
      originalFilePath: 'history/rooms.sql',
      schema: 'snapshots',
    });
  });

  it('target-path: parse keeps its partial-parse files there, not in target/', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\ntarget-path: build/out\n',
      'models/a.sql': "select {{ var('n', 1) }} as x",
    });
    const project = loadProject({ projectDir: dir });
    expect(project.config.targetPath).toBe('build/out');
    expect(existsSync(join(dir, 'build', 'out', 'partial_parse.json'))).toBe(true);
    expect(existsSync(join(dir, 'target'))).toBe(false);
  });
});
