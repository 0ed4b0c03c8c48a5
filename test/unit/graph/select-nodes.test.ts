import { ErrorCodes, TbError } from '../../../src/core/errors';
import { buildDag } from '../../../src/graph/build-dag';
import type { SelectNodesOptions } from '../../../src/graph/select-nodes';
import { selectNodes } from '../../../src/graph/select-nodes';
import { defaultSelectorMethods } from '../../../src/graph/selector-methods';
import { m, t } from './graph-fixtures';
import { shareHouseProject } from './project-fixture';

const project = shareHouseProject();
const dag = buildDag(project);
const select = (options: SelectNodesOptions): string[] => selectNodes(project, dag, options);
/** Selected names without tests, sorted: most cases check which models a selector reaches. */
const names = (options: SelectNodesOptions): string[] =>
  select({ indirectSelection: 'empty', ...options })
    .map((id) => id.split('.').pop() ?? id)
    .sort();

describe('selectNodes without selectors', () => {
  it('returns every enabled node and source in reproducible topological order', () => {
    expect(select({})).toEqual([
      'seed.p.calendar',
      m('dim_date'),
      'source.p.pms.movings',
      m('stg_movings'),
      'source.p.pms.rooms',
      m('stg_rooms'),
      m('moveouts'),
      m('occupancy'),
      m('report'),
      t('assert_report_positive'),
      t('not_null_moveouts_id'),
      t('not_null_source_movings'),
      t('relationships_moveouts_room'),
      t('unique_stg_movings_id'),
    ]);
    expect(select({})).not.toContain(m('legacy'));
  });

  it('filters by resource type', () => {
    expect(select({ resourceTypes: ['seed', 'source'] })).toEqual([
      'seed.p.calendar',
      'source.p.pms.movings',
      'source.p.pms.rooms',
    ]);
  });
});

describe('fqn selection (the default method)', () => {
  it.each([
    ['moveouts', ['moveouts']],
    ['fqn:moveouts', ['moveouts']],
    ['gold', ['moveouts', 'occupancy']],
    ['gold.moveouts', ['moveouts']],
    ['p.gold.occupancy', ['occupancy']],
    ['stg_*', ['stg_movings', 'stg_rooms']],
    ['*.gold.*', ['moveouts', 'occupancy']],
    ['staging.stg_r*', ['stg_rooms']],
    ['nothing', []],
  ])('%s selects %j', (selector, expected) => {
    expect(names({ select: [selector] })).toEqual(expected);
  });

  it('matches the package name: every node, no sources', () => {
    expect(names({ select: ['p'] })).toEqual([
      'assert_report_positive',
      'calendar',
      'dim_date',
      'moveouts',
      'not_null_moveouts_id',
      'not_null_source_movings',
      'occupancy',
      'relationships_moveouts_room',
      'report',
      'stg_movings',
      'stg_rooms',
      'unique_stg_movings_id',
    ]);
  });
});

describe('set operators', () => {
  it('unions space-separated selectors and repeated --select alike', () => {
    const expected = ['occupancy', 'stg_rooms'];
    expect(names({ select: ['occupancy stg_rooms'] })).toEqual(expected);
    expect(names({ select: ['occupancy', 'stg_rooms'] })).toEqual(expected);
  });

  it('intersects comma-separated selectors', () => {
    expect(names({ select: ['tag:nightly,path:models/gold'] })).toEqual(['moveouts']);
    expect(names({ select: ['tag:nightly,gold', 'occupancy'] })).toEqual(['moveouts', 'occupancy']);
  });

  it('removes excluded nodes', () => {
    expect(names({ select: ['+report'], exclude: ['staging'] })).toEqual([
      'moveouts',
      'movings',
      'occupancy',
      'report',
      'rooms',
    ]);
    // Exclusion is eager: the tests of every excluded node go too.
    expect(names({ exclude: ['tag:nightly report', 'source:*', 'calendar dim_date'] })).toEqual([
      'occupancy',
      'stg_rooms',
    ]);
    expect(names({ exclude: ['tag:nightly report', 'calendar dim_date', 'source:pms.rooms'] })).toEqual([
      'movings',
      'not_null_source_movings',
      'occupancy',
      'stg_rooms',
    ]);
  });
});

describe('graph operators', () => {
  it.each([
    ['+moveouts', ['moveouts', 'movings', 'rooms', 'stg_movings', 'stg_rooms']],
    ['1+moveouts', ['moveouts', 'stg_movings', 'stg_rooms']],
    ['stg_rooms+', ['moveouts', 'occupancy', 'report', 'stg_rooms']],
    ['stg_rooms+1', ['moveouts', 'occupancy', 'stg_rooms']],
    ['0+moveouts', ['moveouts']],
    ['+occupancy+', ['occupancy', 'report', 'rooms', 'stg_rooms']],
    ['@stg_movings', ['moveouts', 'movings', 'occupancy', 'report', 'rooms', 'stg_movings', 'stg_rooms']],
    ['source:pms.movings+', ['moveouts', 'movings', 'report', 'stg_movings']],
    ['+tag:nightly,gold', ['moveouts']],
  ])('%s selects %j', (selector, expected) => {
    expect(names({ select: [selector] })).toEqual(expected);
  });

  it('does not walk into tests or disabled nodes', () => {
    // relationships_moveouts_room links moveouts and stg_rooms; a walk must not cross it.
    expect(names({ select: ['@stg_movings'], indirectSelection: 'empty' })).not.toContain('legacy');
    expect(select({ select: ['stg_rooms+'], indirectSelection: 'empty' })).toEqual([
      m('stg_rooms'),
      m('moveouts'),
      m('occupancy'),
      m('report'),
    ]);
  });
});

describe('indirect selection of tests', () => {
  it('eager: a test comes with any of the nodes it tests', () => {
    expect(select({ select: ['stg_rooms'] })).toEqual([m('stg_rooms'), t('relationships_moveouts_room')]);
    expect(select({ select: ['source:pms.movings'] })).toEqual([
      'source.p.pms.movings',
      t('not_null_source_movings'),
    ]);
  });

  it('cautious: a test comes only when all the nodes it tests are selected', () => {
    expect(select({ select: ['stg_rooms'], indirectSelection: 'cautious' })).toEqual([m('stg_rooms')]);
    expect(select({ select: ['moveouts'], indirectSelection: 'cautious' })).toEqual([
      m('moveouts'),
      t('not_null_moveouts_id'),
    ]);
    // The two halves of the relationships test arrive from different selectors.
    expect(select({ select: ['moveouts stg_rooms'], indirectSelection: 'cautious' })).toEqual([
      m('stg_rooms'),
      m('moveouts'),
      t('not_null_moveouts_id'),
      t('relationships_moveouts_room'),
    ]);
  });

  it('buildable: a test comes when its other parents are upstream of the selection', () => {
    expect(select({ select: ['moveouts'], indirectSelection: 'buildable' })).toEqual([
      m('moveouts'),
      t('not_null_moveouts_id'),
      t('relationships_moveouts_room'),
    ]);
  });

  it('empty: no test comes along', () => {
    expect(
      select({ select: ['+moveouts+'], indirectSelection: 'empty' }).filter((id) => id.startsWith('test.')),
    ).toEqual([]);
  });

  it('an excluded model takes its tests away, eagerly', () => {
    expect(select({ select: ['moveouts stg_rooms'], exclude: ['stg_rooms'] })).toEqual([
      m('moveouts'),
      t('not_null_moveouts_id'),
    ]);
  });

  it('a test selected directly stays, whatever the mode', () => {
    expect(select({ select: ['test_name:relationships'], indirectSelection: 'empty' })).toEqual([
      t('relationships_moveouts_room'),
    ]);
  });
});

describe('disabled nodes', () => {
  it('are never selected, by name, folder or graph walk', () => {
    expect(select({ select: ['legacy'] })).toEqual([]);
    expect(select({ select: ['gold', 'stg_rooms+', 'config.enabled:false'] })).not.toContain(m('legacy'));
  });
});

describe('selector errors', () => {
  it('suggests a method for a typo', () => {
    let error: unknown;
    try {
      select({ select: ['tga:nightly'] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TbError);
    expect((error as TbError).code).toBe(ErrorCodes.selectorSyntax);
    expect((error as TbError).hint).toBe("did you mean 'tag'?");
  });

  it('checks --exclude too', () => {
    expect(() => select({ exclude: ['resource_typ:model'] })).toThrow(
      /"resource_typ" is not a selector method/,
    );
  });

  it('points at a value the method cannot use', () => {
    let error: TbError | undefined;
    try {
      select({ select: ['a resource_type:modle'] });
    } catch (e) {
      error = e as TbError;
    }
    expect(error?.message).toBe(
      'Invalid selector "resource_type:modle" at position 17 of "a resource_type:modle": "modle" is not a resource type',
    );
    expect(error?.hint).toBe("did you mean 'model'?");
  });
});

describe('extending the method registry', () => {
  it('accepts a new method and still validates names against it', () => {
    const methods = {
      ...defaultSelectorMethods,
      owner: (context: Parameters<(typeof defaultSelectorMethods)['fqn']>[0], value: string) =>
        [...context.candidates].filter((id) => project.nodes[id]?.config.meta?.owner === value),
    };
    expect(selectNodes(project, dag, { select: ['owner:ops'], methods, indirectSelection: 'empty' })).toEqual(
      [m('moveouts')],
    );
    expect(() => selectNodes(project, dag, { select: ['ownr:ops'], methods })).toThrow(
      expect.objectContaining({ hint: "did you mean 'owner'?" }),
    );
  });

  it('reports selectors that match nothing', () => {
    const missed: string[] = [];
    select({ select: ['moveouts nothing tag:nope,gold'], onNoMatch: (raw) => missed.push(raw) });
    expect(missed).toEqual(['nothing', 'tag:nope,gold']);
  });
});
