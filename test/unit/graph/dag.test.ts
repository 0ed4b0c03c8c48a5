import { ErrorCodes, TbError } from '../../../src/core/errors';
import { buildDag } from '../../../src/graph/build-dag';
import { criticalPathPriority } from '../../../src/graph/critical-path';
import { Dag } from '../../../src/graph/dag';
import { genericTest, m, manifest, model, source, t } from './graph-fixtures';

function catchError(fn: () => unknown): TbError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TbError) return error;
    throw error;
  }
  throw new Error('expected a TbError');
}

describe('buildDag', () => {
  const project = manifest([
    source('pms', 'movings'),
    model('stg', { dependsOn: ['source.p.pms.movings'] }),
    model('gold', { dependsOn: [m('stg')] }),
    genericTest('unique_gold_id', 'unique', [m('gold')]),
  ]);

  it('holds nodes, sources and tests, with parent -> child edges from parentMap', () => {
    const dag = buildDag(project);
    expect(dag.nodes()).toEqual([
      'model.p.gold',
      'model.p.stg',
      'source.p.pms.movings',
      'test.p.unique_gold_id',
    ]);
    expect(dag.parents(m('stg'))).toEqual(['source.p.pms.movings']);
    expect(dag.children(m('gold'))).toEqual([t('unique_gold_id')]);
    expect(dag.topologicalOrder()).toEqual([
      'source.p.pms.movings',
      m('stg'),
      m('gold'),
      t('unique_gold_id'),
    ]);
    expect(dag.info(m('stg'))?.file).toBe('models/stg.sql');
  });

  it('ignores parents the manifest does not hold', () => {
    const dag = buildDag(manifest([model('a', { dependsOn: ['model.p.ghost'] })]));
    expect(dag.nodes()).toEqual([m('a')]);
    expect(dag.parents(m('a'))).toEqual([]);
  });

  it('reports a cycle with the whole chain and the file of the first node', () => {
    const cyclic = manifest([
      model('x'),
      model('c', { dependsOn: [m('b')] }),
      model('a', { dependsOn: [m('c'), m('x')] }),
      model('b', { dependsOn: [m('a')] }),
    ]);
    const error = catchError(() => buildDag(cyclic));
    expect(error.code).toBe(ErrorCodes.dagCycle);
    expect(error.message).toBe('Found a cycle: model.p.a -> model.p.b -> model.p.c -> model.p.a');
    expect(error.file).toBe('models/a.sql');
    expect(error.format()).toContain('models/a.sql: [TB301] Found a cycle');
  });

  it('reports a node that depends on itself', () => {
    const error = catchError(() => buildDag(manifest([model('self', { dependsOn: [m('self')] })])));
    expect(error.message).toBe('Found a cycle: model.p.self -> model.p.self');
  });
});

describe('Dag', () => {
  const edges: [string, string][] = [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
    ['a', 'e'],
    ['e', 'd'],
  ];

  it('breaks topological ties by id, whatever the insertion order', () => {
    const nodes = ['z', 'y', 'x', 'w'];
    const forward = Dag.from(nodes, [['z', 'w']]);
    const backward = Dag.from([...nodes].reverse(), [['z', 'w']]);
    expect(forward.topologicalOrder()).toEqual(['x', 'y', 'z', 'w']);
    expect(backward.topologicalOrder()).toEqual(forward.topologicalOrder());
  });

  it('walks ancestors and descendants, all of them or to a depth', () => {
    const dag = Dag.from(['a', 'b', 'c', 'd', 'e'], edges);
    expect([...dag.ancestors('d')].sort()).toEqual(['a', 'b', 'c', 'e']);
    expect([...dag.ancestors('d', { depth: 1 })].sort()).toEqual(['c', 'e']);
    expect([...dag.descendants('a', { depth: 2 })].sort()).toEqual(['b', 'c', 'd', 'e']);
    expect([...dag.descendants('a', { depth: 1 })].sort()).toEqual(['b', 'e']);
    expect([...dag.descendants('a', { depth: 0 })]).toEqual([]);
    expect([...dag.descendants('a', { through: (id) => id !== 'e' })].sort()).toEqual(['b', 'c', 'd']);
  });

  it('keeps order through removed nodes in a subgraph (dbt get_subset_graph)', () => {
    const dag = Dag.from(['a', 'b', 'c', 'd', 'e'], edges);
    const sub = dag.subgraph(['a', 'c', 'd']);
    expect(sub.nodes()).toEqual(['a', 'c', 'd']);
    expect(sub.edges()).toEqual([
      ['a', 'c'],
      ['a', 'd'],
      ['c', 'd'],
    ]);
  });

  it('rejects an edge to an unknown node', () => {
    expect(catchError(() => Dag.from(['a'], [['a', 'b']])).code).toBe(ErrorCodes.internal);
  });
});

describe('criticalPathPriority', () => {
  const dag = Dag.from(
    ['a', 'b', 'c', 'd', 'e'],
    [
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'd'],
      ['e', 'c'],
    ],
  );

  it('counts the nodes on the longest path to a sink', () => {
    const priority = criticalPathPriority(dag);
    expect(Object.fromEntries(priority)).toEqual({ a: 3, b: 2, c: 1, d: 1, e: 2 });
  });

  it('sums weights along the heaviest path', () => {
    const priority = criticalPathPriority(dag, new Map([['d', 10]]));
    expect(priority.get('a')).toBe(11);
    expect(priority.get('b')).toBe(2);
    expect(criticalPathPriority(dag, (id) => (id === 'c' ? 5 : 1)).get('a')).toBe(7);
  });
});
