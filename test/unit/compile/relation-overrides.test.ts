import { ProjectCompiler } from '../../../src/compile/node-compiler';
import { loadProject } from '../../../src/project/load-project';
import { PROJECT_YML, writeProject } from '../../helpers/temp-project';

/** A layer published together: `ref()` of a held-back model names its built temporary. */
describe('runtime ref() with relationOverrides', () => {
  const dir = writeProject({
    'project.yml': PROJECT_YML,
    'models/a.sql': 'select 1 as id',
    'models/b.sql': "select id from {{ ref('a') }}",
    'models/e.sql': "{{ config(materialized='ephemeral') }}select id from {{ ref('a') }}",
    'models/c.sql': "select id from {{ ref('e') }}",
  });
  const compiler = new ProjectCompiler(loadProject({ projectDir: dir, env: {} }));
  const temp = { schema: 'shadow', name: 'a__tb_tmp' };
  const compile = (id: string, overrides?: Record<string, typeof temp>) =>
    compiler.compile(id, { isIncremental: false, fullRefresh: false, relationOverrides: overrides })
      .compiledSql;

  it('names the override instead of the model, also through an ephemeral model', () => {
    const overrides = { 'model.shop.a': temp };
    expect(compile('model.shop.b', overrides)).toMatch(/shadow\W*\.\W*a__tb_tmp/);
    expect(compile('model.shop.c', overrides)).toMatch(/shadow\W*\.\W*a__tb_tmp/);
  });

  it('names the model itself without an override', () => {
    expect(compile('model.shop.b')).not.toContain('a__tb_tmp');
    expect(compile('model.shop.b', { 'model.shop.other': temp })).not.toContain('a__tb_tmp');
    expect(compile('model.shop.b')).toMatch(/\ba\W*$/);
  });
});
