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

  it('finds the schemas a model reads, through ephemeral parents', () => {
    expect(upstreamSchemas(manifest, modelId('c'))).toEqual(['silver']);
    expect(upstreamSchemas(manifest, modelId('d'))).toEqual(['gold']);
  });
});
