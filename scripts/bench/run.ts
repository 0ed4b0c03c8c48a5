/**
 * `npm run bench:run`: the runner's own overhead per model. A 200-model project on small tables, on both
 * adapters, run with one thread so that wall time minus database time is the framework's share
 * (planning, scheduling, logging, knex). Target: under 5 ms per model.
 *
 * Environment: TB_BENCH_MODELS (default 200), TB_BENCH_MYSQL=0 to skip MySQL, TB_TEST_MYSQL_* as in tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { createAdapter } from '../../src/adapters/create-adapter';
import type { Adapter } from '../../src/adapters/adapter';
import { createLogger } from '../../src/core/logger';
import type { TargetConfig } from '../../src/core/target';
import type { CompiledNode, Manifest, ModelNode, NodeConfig, RuntimeState } from '../../src/core/types';
import { runNodes } from '../../src/run/run-nodes';

const MODELS = Number(process.env.TB_BENCH_MODELS ?? 200);
const SOURCES = 10;
const SOURCE_ROWS = 200;

interface Schemas {
  readonly staging: string;
  readonly silver: string;
  readonly gold: string;
}

function model(
  name: string,
  schema: string,
  sql: (rt: RuntimeState) => string,
  config: Partial<NodeConfig>,
  parents: string[],
) {
  const node: ModelNode = {
    resourceType: 'model',
    uniqueId: `model.bench.${name}`,
    name,
    packageName: 'bench',
    originalFilePath: `models/${name}.sql`,
    path: `${name}.sql`,
    fqn: ['bench', name],
    tags: [],
    config: { enabled: true, materialized: 'table', tags: [], pre_hook: [], post_hook: [], ...config },
    description: '',
    columns: {},
    dependsOn: { nodes: parents, macros: [] },
    checksum: '0',
    schema,
    alias: name,
    rawCode: '',
    refs: [],
    sources: [],
  };
  return { node, sql };
}

/**
 * Half the models in silver read a source table (tables and incrementals: a SQLite view cannot read
 * another schema), the other half in gold aggregate a silver model (a third of them views).
 */
function project(s: Schemas) {
  const models: ReturnType<typeof model>[] = [];
  const half = Math.floor(MODELS / 2);
  for (let i = 0; i < half; i++) {
    const src = `${s.staging}.src_${i % SOURCES}`;
    const incremental = i % 4 === 0;
    models.push(
      model(
        `s_${i}`,
        s.silver,
        (rt) =>
          `select id, grp, amount * ${i + 1} as amount from ${src}` +
          (rt.isIncremental ? ` where id > (select max(id) from ${s.silver}.s_${i})` : ''),
        incremental
          ? { materialized: 'incremental', incremental_strategy: 'merge', unique_key: 'id' }
          : { materialized: 'table' },
        [],
      ),
    );
  }
  for (let i = 0; i < MODELS - half; i++) {
    const parent = `s_${i % half}`;
    models.push(
      model(
        `g_${i}`,
        s.gold,
        () => `select grp, count(*) as n, sum(amount) as amount from ${s.silver}.${parent} group by grp`,
        i % 3 === 0 ? { materialized: 'view' } : { materialized: 'table', indexes: [{ columns: ['grp'] }] },
        [`model.bench.${parent}`],
      ),
    );
  }
  const byId = new Map(models.map((m) => [m.node.uniqueId, m]));
  const manifest: Pick<Manifest, 'nodes' | 'parentMap'> = {
    nodes: Object.fromEntries(models.map((m) => [m.node.uniqueId, m.node])),
    parentMap: Object.fromEntries(models.map((m) => [m.node.uniqueId, [...m.node.dependsOn.nodes]])),
  };
  const compiler = {
    compile(id: string, runtime: RuntimeState): CompiledNode {
      const m = byId.get(id) as (typeof models)[number];
      return {
        node: m.node,
        relation: { schema: m.node.schema, name: m.node.alias },
        compiledSql: m.sql(runtime),
        config: m.node.config,
        preHooks: [],
        postHooks: [],
      };
    },
    renderHook: (sql: string) => sql,
  };
  return { manifest, compiler };
}

async function seed(adapter: Adapter, s: Schemas): Promise<void> {
  await adapter.ensureSchema(s.staging);
  const values = Array.from(
    { length: SOURCE_ROWS },
    (_, i) => `(${i + 1}, ${i % 7}, ${(i * 37) % 1000})`,
  ).join(', ');
  for (let i = 0; i < SOURCES; i++) {
    const t = `${s.staging}.src_${i}`;
    await adapter.execute(`DROP TABLE IF EXISTS ${t}`);
    await adapter.execute(`CREATE TABLE ${t} (id INTEGER PRIMARY KEY, grp INTEGER, amount INTEGER)`);
    await adapter.execute(`INSERT INTO ${t} VALUES ${values}`);
  }
}

const discard = new Writable({ write: (_chunk, _enc, done) => done() });

async function measure(label: string, adapter: Adapter, s: Schemas, threads: number): Promise<string> {
  const { manifest, compiler } = project(s);
  const logger = createLogger({ format: 'text', out: discard });
  const start = performance.now();
  const result = await runNodes({ manifest, compiler, adapter, logger, threads });
  const wall = performance.now() - start;
  if (!result.success) {
    const failed = result.results.find((r) => r.status === 'error');
    throw new Error(`${label}: run failed: ${failed?.message}`);
  }
  const overhead = (wall - result.dbTimeMs) / result.counts.total;
  return [
    label.padEnd(34),
    `${result.counts.total} models`.padStart(11),
    `wall ${(wall / 1000).toFixed(2)}s`.padStart(12),
    `db ${(result.dbTimeMs / 1000).toFixed(2)}s`.padStart(10),
    threads === 1
      ? `overhead ${overhead.toFixed(2)} ms/model`
      : `(${threads} threads: overhead not separable)`,
  ].join('  ');
}

async function benchEngine(
  name: string,
  target: TargetConfig,
  s: Schemas,
  cleanup: (a: Adapter) => Promise<void>,
): Promise<void> {
  const adapter = createAdapter(target, { poolSize: 4 });
  try {
    await seed(adapter, s);
    console.log(await measure(`${name}: first run (creates)`, adapter, s, 1));
    console.log(await measure(`${name}: second run (swaps, merges)`, adapter, s, 1));
    console.log(await measure(`${name}: third run`, adapter, s, 1));
    if (adapter.capabilities.parallelWrites) console.log(await measure(`${name}: fourth run`, adapter, s, 4));
  } finally {
    await cleanup(adapter);
  }
}

async function main(): Promise<void> {
  console.log(`tb run benchmark: ${MODELS} models on ${SOURCES} source tables of ${SOURCE_ROWS} rows`);
  const folder = mkdtempSync(join(tmpdir(), 'tb-bench-run-'));
  await benchEngine(
    'sqlite',
    { name: 'bench', type: 'sqlite', path: folder, schema: 'main', threads: 1 },
    {
      staging: 'staging',
      silver: 'silver',
      gold: 'gold',
    },
    async (a) => {
      await a.close();
      rmSync(folder, { recursive: true, force: true });
    },
  );
  if (process.env.TB_BENCH_MYSQL === '0') return;
  const tag = `tbrun_bench_${randomBytes(3).toString('hex')}`;
  const s = { staging: `${tag}_staging`, silver: `${tag}_silver`, gold: `${tag}_gold` };
  const target: TargetConfig = {
    name: 'bench',
    type: 'mysql',
    host: process.env.TB_TEST_MYSQL_HOST ?? '127.0.0.1',
    port: Number(process.env.TB_TEST_MYSQL_PORT ?? 3306),
    user: process.env.TB_TEST_MYSQL_USER ?? 'root',
    password: process.env.TB_TEST_MYSQL_PASSWORD ?? '',
    schema: s.staging,
    threads: 4,
  };
  await benchEngine('mysql', target, s, async (a) => {
    for (const schema of Object.values(s)) await a.dropSchema(schema);
    await a.close();
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
