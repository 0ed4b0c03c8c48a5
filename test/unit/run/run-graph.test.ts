import { runTasks, upstreamSchemas } from '../../../src/run/run-graph';
import { modelId, modelNode } from '../materialize/fake-node';

const m = (name: string, schema: string, parents: string[] = [], materialized = 'table') =>
  modelNode({ name, schema, sql: 'select 1', parents: parents.map(modelId), config: { materialized } });

describe('runTasks', () => {
  // a -> eph -> c -> d, b alone; eph is ephemeral
  const nodes = [
    m('a', 'silver'),
    m('eph', 'silver', ['a'], 'ephemeral'),
    m('c', 'gold', ['eph']),
    m('d', 'gold', ['c']),
    m('b', 'silver'),
  ];
  const manifest = {
    nodes: Object.fromEntries(nodes.map((n) => [n.uniqueId, n])),
    parentMap: Object.fromEntries(nodes.map((n) => [n.uniqueId, [...n.dependsOn.nodes]])),
  };

  it('drops ephemeral models but keeps the order through them, with critical-path priorities', () => {
    const tasks = runTasks(manifest);
    expect(tasks.map((t) => t.id)).not.toContain(modelId('eph'));
    const c = tasks.find((t) => t.id === modelId('c'));
    expect(c?.parents).toEqual([modelId('a')]);
    expect(Object.fromEntries(tasks.map((t) => [t.id.split('.').pop(), t.priority]))).toEqual({
      a: 3,
      b: 1,
      c: 2,
      d: 1,
    });
  });

  it('runs only the selected models, ordered through unselected ones', () => {
    const tasks = runTasks(manifest, [modelId('a'), modelId('d')]);
    expect(tasks.map((t) => [t.id, t.parents])).toEqual([
      [modelId('a'), []],
      [modelId('d'), [modelId('a')]],
    ]);
  });

  it('gates a child by a test only when everything the test reads is upstream of it (no cycle)', () => {
    // int -> daily, int -> notices; t1 reads daily and int, t2 reads notices and int: before the fix,
    // t1 gated notices and t2 gated daily, a cycle daily -> t1 -> notices -> t2 -> daily.
    const t = (name: string, parents: string[]) => ({
      ...modelNode({ name, schema: 'audit', sql: 'select 1', parents: parents.map(modelId) }),
      resourceType: 'test' as const,
      uniqueId: `test.tbtest.${name}`,
    });
    const graph = [
      m('int', 'silver'),
      m('daily', 'gold', ['int']),
      m('notices', 'gold', ['int']),
      m('after_daily', 'gold', ['daily', 'int']),
      t('t1', ['daily', 'int']),
      t('t2', ['notices', 'int']),
      t('t_int', ['int']),
    ];
    const built = {
      nodes: Object.fromEntries(graph.map((n) => [n.uniqueId, n])),
      parentMap: Object.fromEntries(graph.map((n) => [n.uniqueId, [...n.dependsOn.nodes]])),
    };
    const tasks = runTasks(built as never, undefined, {
      resourceTypes: ['model', 'test'],
      testsGateChildren: true,
    });
    const parents = Object.fromEntries(tasks.map((x) => [x.id.split('.').pop(), [...x.parents].sort()]));
    expect(parents.notices).toEqual([modelId('int'), 'test.tbtest.t_int']);
    expect(parents.daily).toEqual([modelId('int'), 'test.tbtest.t_int']);
    // t1 reads daily and int, both upstream of after_daily: it still gates it.
    expect(parents.after_daily).toEqual(
      [modelId('daily'), modelId('int'), 'test.tbtest.t1', 'test.tbtest.t_int'].sort(),
    );
  });

  it('finds the schemas a model reads, through ephemeral parents', () => {
    expect(upstreamSchemas(manifest, modelId('c'))).toEqual(['silver']);
    expect(upstreamSchemas(manifest, modelId('d'))).toEqual(['gold']);
  });
});
