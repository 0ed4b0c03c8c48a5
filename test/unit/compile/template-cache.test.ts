import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectCompiler } from '../../../src/compile/node-compiler';
import { loadProject } from '../../../src/project/load-project';
import { PROJECT_YML, writeProject } from '../../helpers/temp-project';

describe('partial parsing (compiled templates kept in target/)', () => {
  const compile = (dir: string) => {
    const project = loadProject({ projectDir: dir, env: {} });
    return new ProjectCompiler(project).compile('model.shop.a', { isIncremental: false, fullRefresh: false })
      .compiledSql;
  };

  it('reuses compiled templates, and a changed file is compiled again', () => {
    const dir = writeProject({
      'project.yml': PROJECT_YML,
      'models/a.sql': "{% set x = var('x', 1) %}select {{ x }} as x",
    });
    expect(compile(dir)).toBe('select 1 as x');
    const cachePath = join(dir, 'target', 'partial_parse.json');
    const cached = JSON.parse(readFileSync(cachePath, 'utf8'));
    expect(Object.keys(cached.entries).length).toBeGreaterThan(1);
    expect(compile(dir)).toBe('select 1 as x');
    writeFileSync(join(dir, 'models', 'a.sql'), "{% set x = var('x', 2) %}select {{ x }} as x");
    expect(compile(dir)).toBe('select 2 as x');
    // Entries of templates no longer in the project are dropped: the cache does not grow without end.
    expect(Object.keys(JSON.parse(readFileSync(cachePath, 'utf8')).entries)).toHaveLength(
      Object.keys(cached.entries).length,
    );
  });

  it('ignores a corrupt cache file', () => {
    const dir = writeProject({
      'project.yml': PROJECT_YML,
      'models/a.sql': 'select 3 as x',
      'target/partial_parse.json': '{not json',
    });
    expect(compile(dir)).toBe('select 3 as x');
  });
});
