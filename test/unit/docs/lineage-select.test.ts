import type { Manifest } from '../../../src/core/types';
import { buildCatalog } from '../../../src/docs/build-catalog';
import { buildGraph, select, type LineageGraph } from '../../../include/docs-site/lineage-select';
import { buildDag, selectNodes } from '../../../src/graph';
import { loadProject } from '../../../src/project/load-project';
import { writeProject } from '../../helpers/temp-project';
import { DOCS_PROJECT } from './docs-fixture';

let manifest: Manifest;
let graph: LineageGraph;
beforeAll(() => {
  manifest = loadProject({ projectDir: writeProject(DOCS_PROJECT), env: {} }).manifest;
  const catalog = buildCatalog({
    manifest,
    compiled: new Map(),
    warehouse: { state: 'skipped' },
    generatedAt: 'now',
    tbVersion: '0',
    targetName: 'dev',
  });
  graph = buildGraph(catalog.nodes);
});

const names = (ids: Set<string>): string[] => [...ids].map((id) => id.split('.').pop() ?? id).sort();

describe('the lineage graph selection (browser)', () => {
  it('+orders+ is the model, all its ancestors and all its descendants, never tests', () => {
    const { ids, error } = select(graph, '+orders+');
    expect(error).toBeNull();
    expect(names(ids)).toEqual([
      'big_order_count',
      'big_orders',
      'customer_totals',
      'customers',
      'orders',
      'raw_orders',
      'stg_customers',
      'stg_orders',
    ]);
  });

  it('limits depth with n+ and +n, and @ adds the parents of the descendants', () => {
    expect(names(select(graph, '1+orders').ids)).toEqual(['orders', 'stg_customers', 'stg_orders']);
    expect(names(select(graph, 'orders+1').ids)).toEqual(['big_orders', 'customer_totals', 'orders']);
    expect(names(select(graph, '@stg_orders').ids)).toEqual([
      'big_order_count',
      'big_orders',
      'customer_totals',
      'customers',
      'orders',
      'raw_orders',
      'stg_customers',
      'stg_orders',
    ]);
  });

  it('unions by space, intersects by comma, and excludes', () => {
    expect(names(select(graph, 'unrelated customer_totals').ids)).toEqual(['customer_totals', 'unrelated']);
    expect(names(select(graph, 'tag:staging,+orders').ids)).toEqual(['stg_customers', 'stg_orders']);
    expect(names(select(graph, '+orders', 'resource_type:seed').ids)).toEqual([
      'orders',
      'stg_customers',
      'stg_orders',
    ]);
  });

  it('an empty selection is the whole graph, tests left out', () => {
    const all = select(graph, '').ids;
    // 2 seeds, 8 enabled models, 1 source.
    expect(all.size).toBe(11);
    expect([...all].some((id) => id.startsWith('test.'))).toBe(false);
  });

  it('returns a bad selector as an error instead of throwing', () => {
    expect(select(graph, 'tga:nightly')).toEqual({
      ids: new Set(),
      error: expect.stringContaining('unknown selector method "tga:"'),
    });
  });

  // The page runs its own copy of the grammar: it must pick what `tb ls -s` picks (tests aside).
  it.each([
    '+orders+',
    'stg_*',
    'staging',
    'marts.orders+',
    'path:models/staging',
    'source:shop_raw+',
    'source:shop_raw.payments',
    'tag:staging',
    'resource_type:seed+',
    '2+customer_totals',
    '@big_orders',
    'orders.sql',
    'shop.marts',
  ])('selects what tb ls -s selects for %s', (selector) => {
    const expected = selectNodes(manifest, buildDag(manifest), { select: [selector] }).filter(
      (id) => manifest.nodes[id]?.resourceType !== 'test',
    );
    expect(names(select(graph, selector).ids)).toEqual(names(new Set(expected)));
    expect(expected.length).toBeGreaterThan(0);
  });
});
