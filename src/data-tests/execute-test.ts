import type { Adapter } from '../adapters/adapter';
import type { CompiledNode, Relation } from '../core/types';
import { sampleQuery, testCountQuery, testStatus, type TestStatus } from './test-query';

export interface TestOutcome {
  readonly uniqueId: string;
  readonly status: TestStatus;
  readonly failures: number;
  /** A few failing rows, for the report. */
  readonly sample: readonly Record<string, unknown>[];
  /** Where the failing rows were kept (`store_failures`). */
  readonly storedIn?: Relation;
  readonly executionTimeMs: number;
}

export interface ExecuteTestOptions {
  /** Failing rows shown in the report. */
  readonly sampleRows?: number;
  /** Overrides the test's own `store_failures`. */
  readonly storeFailures?: boolean;
}

/** Runs one data test: the count with thresholds, a sample of failing rows, and the audit table if asked. */
export async function executeDataTest(
  adapter: Adapter,
  compiled: CompiledNode,
  options: ExecuteTestOptions = {},
): Promise<TestOutcome> {
  const started = performance.now();
  const { rows } = await adapter.execute(testCountQuery(compiled.compiledSql, compiled.config));
  const row = rows[0] ?? {};
  const failures = Number(row.failures ?? 0);
  const status = testStatus(
    compiled.config.severity,
    Number(row.should_warn) === 1,
    Number(row.should_error) === 1,
  );
  const sample =
    failures > 0
      ? (await adapter.execute(sampleQuery(compiled.compiledSql, options.sampleRows ?? 5))).rows
      : [];
  const store = options.storeFailures ?? compiled.config.store_failures === true;
  const storedIn = store ? await storeFailures(adapter, compiled) : undefined;
  return {
    uniqueId: compiled.node.uniqueId,
    status,
    failures,
    sample,
    storedIn,
    executionTimeMs: performance.now() - started,
  };
}

/** The failing rows, kept in `<audit schema>.<test name>`: rebuilt under a temp name, then swapped in. */
async function storeFailures(adapter: Adapter, compiled: CompiledNode): Promise<Relation> {
  const d = adapter.dialect;
  const target = compiled.relation;
  const temp = { schema: target.schema, name: `${target.name.slice(0, 55)}__tb_tmp` };
  const old = { schema: target.schema, name: `${target.name.slice(0, 55)}__tb_old` };
  await adapter.ensureSchema(target.schema);
  await adapter.execute(d.dropTable(temp));
  await adapter.execute(d.createTableAs(temp, compiled.compiledSql));
  const exists = await adapter.getRelation(target);
  const renames = exists
    ? [
        { from: target, to: old.name },
        { from: temp, to: target.name },
      ]
    : [{ from: temp, to: target.name }];
  await adapter.executeAtomically([...d.renameTables(renames), ...(exists ? [d.dropTable(old)] : [])]);
  return target;
}
