import type { ColumnDef } from '../../../src/adapters/adapter';
import type { RunResultsArtifact } from '../../../src/artifacts/run-results';
import type { Manifest } from '../../../src/core/types';
import { buildCatalog, type CatalogInput, type WarehouseColumns } from '../../../src/docs/build-catalog';
import { loadProject } from '../../../src/project/load-project';
import { writeProject } from '../../helpers/temp-project';
import { DOCS_PROJECT } from './docs-fixture';

const col = (name: string, dataType: string): ColumnDef => ({ name, dataType, nullable: true });

let manifest: Manifest;
beforeAll(() => {
  manifest = loadProject({ projectDir: writeProject(DOCS_PROJECT), env: {} }).manifest;
});

function catalog(overrides: Partial<CatalogInput> = {}) {
  return buildCatalog({
    manifest,
    compiled: new Map(),
    warehouse: { state: 'skipped' },
    generatedAt: '2026-02-05T00:00:00.000Z',
    tbVersion: '0.0.0-test',
    targetName: 'dev',
    ...overrides,
  });
}

const testId = (prefix: string): string => {
  const id = Object.keys(manifest.nodes).find((k) => k.startsWith(prefix));
  if (!id) throw new Error(`no node ${prefix}*`);
  return id;
};

describe('buildCatalog', () => {
  it('takes column order and types from the warehouse, descriptions from YAML, and keeps YAML-only columns', () => {
    const warehouse: WarehouseColumns = {
      state: 'reachable',
      columns: new Map([
        [
          'model.shop.orders',
          [col('order_id', 'INT'), col('customer_id', 'INT'), col('name', 'TEXT'), col('amount', '')],
        ],
      ]),
    };
    const orders = catalog({ warehouse }).nodes['model.shop.orders'];
    expect(orders.columnsOrigin).toBe('warehouse');
    expect(orders.columns.map((c) => [c.name, c.type, c.typeSource, c.inWarehouse])).toEqual([
      ['order_id', 'INT', 'warehouse', true],
      ['customer_id', 'INT', 'warehouse', true],
      ['name', 'TEXT', 'warehouse', true],
      // SQLite leaves an expression column untyped: the YAML data_type fills in.
      ['amount', 'integer', 'yaml', true],
      ['ghost', 'text', 'yaml', false],
    ]);
    // YAML says ORDER_ID; the warehouse says order_id: one column, described.
    expect(orders.columns[0].description).toBe("The order's id");
    expect(orders.columns[0].tests.map((t) => t.split('.')[2]).sort()).toEqual([
      'not_null_orders_ORDER_ID',
      'unique_orders_ORDER_ID',
    ]);
  });

  it('says a relation the reachable warehouse lacks is not built, and uses the YAML types', () => {
    const warehouse: WarehouseColumns = { state: 'reachable', columns: new Map() };
    const nodes = catalog({ warehouse }).nodes;
    expect(nodes['model.shop.orders'].columnsOrigin).toBe('not-built');
    expect(nodes['model.shop.orders'].columns.find((c) => c.name === 'amount')).toMatchObject({
      type: 'integer',
      typeSource: 'yaml',
      inWarehouse: null,
    });
    expect(nodes['model.shop.big_orders'].columnsOrigin).toBe('none');
  });

  it('records why the warehouse could not be read', () => {
    const c = catalog({ warehouse: { state: 'unreachable', error: 'connect ECONNREFUSED 127.0.0.1:3307' } });
    expect(c.metadata.warehouse).toBe('unreachable');
    expect(c.metadata.warehouseError).toBe('connect ECONNREFUSED 127.0.0.1:3307');
    expect(c.nodes['model.shop.orders'].columnsOrigin).toBe('unreachable');
    expect(c.nodes['source.shop.shop_raw.payments'].columns).toEqual([
      { name: 'id', description: '', type: 'bigint', typeSource: 'yaml', inWarehouse: null, tests: [] },
    ]);
  });

  it("attaches the last run's status to each node it names", () => {
    const runResults: Pick<RunResultsArtifact, 'metadata' | 'results'> = {
      metadata: {
        tb_schema_version: 'x',
        tb_version: '0',
        generated_at: '2026-02-04T09:00:00Z',
        invocation_id: 'i',
      },
      results: [
        result('model.shop.orders', 'success', null),
        result(testId('test.shop.unique_orders'), 'fail', 2),
      ],
    };
    const c = catalog({ runResults });
    expect(c.metadata.runResultsAt).toBe('2026-02-04T09:00:00Z');
    expect(c.nodes['model.shop.orders'].lastRun).toMatchObject({ status: 'success', executionTime: 0.5 });
    expect(c.nodes[testId('test.shop.unique_orders')].lastRun).toMatchObject({ status: 'fail', failures: 2 });
    expect(c.nodes['model.shop.customer_totals'].lastRun).toBeNull();
  });

  it("lists a node's generic and singular tests, and describes each test", () => {
    const c = catalog();
    expect(c.nodes['model.shop.orders'].tests.map((id) => c.nodes[id].name)).toEqual([
      'accepted_values_orders_amount__false__100__250__80',
      'amount_positive',
      'not_null_orders_ORDER_ID',
      'unique_orders_ORDER_ID',
    ]);
    expect(c.nodes[testId('test.shop.accepted_values')].test).toMatchObject({
      testName: 'accepted_values',
      columnName: 'amount',
      attachedNode: 'model.shop.orders',
      severity: 'warn',
    });
    expect(c.nodes['test.shop.amount_positive'].test).toMatchObject({ testName: null, severity: 'error' });
  });

  it('leaves disabled nodes out, along with the edges to them', () => {
    const c = catalog();
    expect(c.nodes['model.shop.retired']).toBeUndefined();
    expect(c.nodes['model.shop.orders'].children).not.toContain('model.shop.retired');
    expect([...c.nodes['model.shop.orders'].parents].sort()).toEqual([
      'model.shop.stg_customers',
      'model.shop.stg_orders',
    ]);
  });

  it('labels sources by source and table, and names the table they read', () => {
    const payments = catalog().nodes['source.shop.shop_raw.payments'];
    expect(payments).toMatchObject({
      label: 'shop_raw.payments',
      relation: 'main.raw_orders',
      rawCode: null,
      materialized: null,
      source: { sourceName: 'shop_raw', sourceDescription: "The shop's raw tables" },
    });
    expect(payments.children).toEqual(['model.shop.stg_payments']);
  });

  it('carries the compiled SQL, or the error instead of it', () => {
    const compiled = new Map([
      ['model.shop.orders', { sql: 'select 1 as order_id' }],
      ['model.shop.unrelated', { error: 'models/marts/unrelated.sql:1: [TB202] boom' }],
    ]);
    const nodes = catalog({ compiled }).nodes;
    expect(nodes['model.shop.orders']).toMatchObject({
      compiledCode: 'select 1 as order_id',
      compileError: null,
    });
    expect(nodes['model.shop.unrelated']).toMatchObject({
      compiledCode: null,
      compileError: 'models/marts/unrelated.sql:1: [TB202] boom',
    });
    expect(nodes['model.shop.big_orders'].relation).toBeNull();
    expect(nodes['model.shop.orders'].description).toContain('<b>bold</b>');
  });
});

function result(
  uniqueId: string,
  status: string,
  failures: number | null,
): RunResultsArtifact['results'][number] {
  return {
    unique_id: uniqueId,
    status,
    timing: [],
    thread_id: null,
    execution_time: 0.5,
    adapter_response: { db_time: 0.1 },
    message: status,
    failures,
    compiled: true,
    compiled_code: null,
    relation_name: null,
  };
}
