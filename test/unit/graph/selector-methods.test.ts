import { TbError } from '../../../src/core/errors';
import type { ExecutableNode, Manifest } from '../../../src/core/types';
import { buildDag } from '../../../src/graph/build-dag';
import type { SelectNodesOptions } from '../../../src/graph/select-nodes';
import { selectNodes } from '../../../src/graph/select-nodes';
import { genericTest, m, manifest, model, source } from './graph-fixtures';
import { shareHouseProject } from './project-fixture';

const project = shareHouseProject();
const dag = buildDag(project);
const names = (selector: string, options: SelectNodesOptions = {}, target: Manifest = project): string[] =>
  selectNodes(target, target === project ? dag : buildDag(target), {
    indirectSelection: 'empty',
    ...options,
    select: [selector],
  })
    .map((id) => id.split('.').pop() ?? id)
    .sort();

function errorOf(fn: () => unknown): TbError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TbError) return error;
    throw error;
  }
  throw new Error('expected a TbError');
}

describe('attribute methods', () => {
  it.each([
    ['tag:nightly', ['moveouts', 'stg_movings']],
    ['tag:pii', ['movings']],
    ['tag:nig*', ['moveouts', 'stg_movings']],
    ['path:models/gold', ['moveouts', 'occupancy']],
    ['path:models/gold/moveouts.sql', ['moveouts']],
    ['models/staging', ['dim_date', 'stg_movings', 'stg_rooms']],
    ['path:models/*/stg_*.sql', ['stg_movings', 'stg_rooms']],
    ['path:models/gold/_gold.yml', ['moveouts']],
    ['path:seeds', ['calendar']],
    ['file:moveouts.sql', ['moveouts']],
    ['file:moveouts', ['moveouts']],
    ['occupancy.sql', ['occupancy']],
    ['file:stg_*.sql', ['stg_movings', 'stg_rooms']],
    ['config.materialized:table', ['moveouts']],
    ['config.materialized:incremental', ['occupancy']],
    ['config.tags:gold', ['moveouts']],
    ['config.meta.owner:ops', ['moveouts']],
    ['config.severity:WARN', ['not_null_moveouts_id']],
    ['config.enabled:TRUE,resource_type:seed', ['calendar']],
    ['resource_type:source', ['movings', 'rooms']],
    ['resource_type:seed', ['calendar']],
    ['source:pms', ['movings', 'rooms']],
    ['source:pms.movings', ['movings']],
    ['source:pms.r*', ['rooms']],
    ['source:p.pms.rooms', ['rooms']],
    ['source:other', []],
    [
      'test_type:generic',
      [
        'not_null_moveouts_id',
        'not_null_source_movings',
        'relationships_moveouts_room',
        'unique_stg_movings_id',
      ],
    ],
    ['test_type:singular', ['assert_report_positive']],
    ['test_name:not_null', ['not_null_moveouts_id', 'not_null_source_movings']],
    ['test_name:rel*', ['relationships_moveouts_room']],
  ])('%s selects %j', (selector, expected) => {
    expect(names(selector)).toEqual(expected);
  });

  it.each([
    ['test_type:unit', '"unit" is not a test type'],
    ['source:a.b.c.d', 'a source selector is source, source.table or package.source.table'],
    ['config:table', 'config needs a key'],
  ])('rejects %s', (selector, problem) => {
    expect(errorOf(() => names(selector)).message).toContain(problem);
  });
});

describe('state:', () => {
  const previous = manifest(
    [
      model('a', { checksum: 'old-sha' }),
      model('b', { config: { materialized: 'view' } }),
      model('c', { macros: ['macro.p.cents'] }),
      model('same'),
      genericTest('unique_a', 'unique', [m('a')]),
    ],
    {
      'macro.p.cents': {
        uniqueId: 'macro.p.cents',
        name: 'cents',
        packageName: 'p',
        originalFilePath: 'macros/cents.sql',
        macroSql: '{{ x }} * 100',
        line: 1,
        kind: 'macro',
      },
    },
  );
  const current = manifest(
    [
      model('a', { checksum: 'new-sha' }),
      model('b', { config: { materialized: 'table' } }),
      model('c', { macros: ['macro.p.cents'] }),
      model('same'),
      model('fresh', { dependsOn: [m('a')] }),
      genericTest('unique_a', 'unique', [m('a')]),
    ],
    {
      'macro.p.cents': {
        uniqueId: 'macro.p.cents',
        name: 'cents',
        packageName: 'p',
        originalFilePath: 'macros/cents.sql',
        macroSql: 'round({{ x }} * 100)',
        line: 1,
        kind: 'macro',
      },
    },
  );
  const withState = (selector: string): string[] => names(selector, { state: previous }, current);

  it.each([
    ['state:modified', ['a', 'b', 'c', 'fresh']],
    ['state:modified.body', ['a', 'fresh']],
    ['state:modified.configs', ['b', 'fresh']],
    ['state:modified.macros', ['c']],
    ['state:new', ['fresh']],
    ['state:old', ['a', 'b', 'c', 'same', 'unique_a']],
    ['state:unmodified', ['same', 'unique_a']],
    ['state:modified+', ['a', 'b', 'c', 'fresh']],
    ['state:modified,config.materialized:table', ['b']],
  ])('%s selects %j', (selector, expected) => {
    expect(withState(selector)).toEqual(expected);
  });

  it('ignores the key order of a config', () => {
    const same = current.nodes[m('same')];
    const reversedConfig = Object.fromEntries(
      Object.entries(same.config).reverse(),
    ) as ExecutableNode['config'];
    expect(Object.keys(reversedConfig)).not.toEqual(Object.keys(same.config));
    const target = manifest([{ ...same, config: reversedConfig }]);
    expect(names('state:modified', { state: previous }, target)).toEqual([]);
  });

  it('needs a previous manifest, and suggests a check for a typo', () => {
    expect(errorOf(() => names('state:modified')).hint).toBe('pass --state <folder>');
    expect(errorOf(() => withState('state:modifed')).hint).toBe("did you mean 'modified'?");
  });
});

describe('result:', () => {
  const previousResults = {
    results: [
      { unique_id: m('moveouts'), status: 'error' },
      { unique_id: m('occupancy'), status: 'success' },
      { unique_id: 'test.p.not_null_moveouts_id', status: 'fail' },
      { unique_id: m('report'), status: 'skipped' },
    ],
  };

  it.each([
    ['result:error', ['moveouts']],
    ['result:fail', ['not_null_moveouts_id']],
    ['result:skipped', ['report']],
    ['result:error+', ['moveouts', 'report']],
    ['result:error result:skipped', ['moveouts', 'report']],
    ['result:warn', []],
  ])('%s selects %j', (selector, expected) => {
    expect(names(selector, { previousResults })).toEqual(expected);
  });

  it('needs previous results and a known status', () => {
    expect(errorOf(() => names('result:error')).message).toContain(
      'result: needs the previous run_results.json',
    );
    expect(errorOf(() => names('result:eror', { previousResults })).hint).toBe("did you mean 'error'?");
  });
});

describe('fqn across packages', () => {
  const twoPackages = manifest([
    model('a'),
    model('b', { packageName: 'utils', folder: 'helpers' }),
    source('pms', 'x'),
  ]);

  it('selects a package by name and its folders without the package', () => {
    expect(names('utils', {}, twoPackages)).toEqual(['b']);
    expect(names('helpers', {}, twoPackages)).toEqual(['b']);
    expect(names('utils.helpers.b', {}, twoPackages)).toEqual(['b']);
    expect(names('fqn:*', {}, twoPackages)).toEqual(['a', 'b']);
    expect(names('package:util*', {}, twoPackages)).toEqual(['b']);
    expect(names('package:p', {}, twoPackages)).toEqual(['a', 'x']);
  });
});
