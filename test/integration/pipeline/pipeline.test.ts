import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Adapter } from '../../../src/adapters/adapter';
import { createAdapter } from '../../../src/adapters/create-adapter';
import { readBackups, rollbackLayer } from '../../../src/backups';
import type { TargetConfig } from '../../../src/core/target';
import { createMemoryLogger } from '../../../src/core/logger';
import { pipelineExitCode } from '../../../src/pipeline/exit-code';
import { readPipelineConfig } from '../../../src/pipeline/pipeline-config';
import type { PipelineOptions } from '../../../src/pipeline/pipeline-types';
import { newRunId } from '../../../src/pipeline/run-id';
import { runPipeline } from '../../../src/pipeline/run-pipeline';
import { loadProject } from '../../../src/project/load-project';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import {
  writePipelineProject,
  writeVersionDump,
  type FixtureOptions,
  type LayerSchemas,
} from './pipeline-fixture';

/** An adapter whose sessions fail like a dropped connection: statements fail, introspection works. */
function droppingSessions(adapter: Adapter): Adapter {
  const lost = () =>
    Object.assign(new Error('Connection lost: The server closed the connection.'), {
      code: 'PROTOCOL_CONNECTION_LOST',
      fatal: true,
    });
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === 'withSession') return async () => Promise.reject(lost());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe.each(testWarehouses('tbprod_'))('tb pipeline on %s', (_name, make) => {
  let wh: TestWarehouse;
  let dir: string;
  let schemas: LayerSchemas;
  let v1: string;
  let v2: string;
  beforeAll(() => {
    wh = make();
    dir = mkdtempSync(join(tmpdir(), 'tbprod-dumps-'));
    schemas = { staging: wh.schema('staging'), silver: wh.schema('silver'), gold: wh.schema('gold') };
    v1 = writeVersionDump(dir, 1, 5);
    v2 = writeVersionDump(dir, 2, 7);
  });
  afterAll(async () => {
    await wh.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  function options(fixture: FixtureOptions = {}, extra: Partial<PipelineOptions> = {}): PipelineOptions {
    const projectDir = writePipelineProject(wh.target, schemas, fixture);
    const logger = createMemoryLogger();
    const project = loadProject({ projectDir, logger });
    return {
      project,
      config: readPipelineConfig(project.config.extras.pipeline),
      logger,
      runId: newRunId(),
      backups: true,
      delayScale: 0,
      jobs: 1,
      ...extra,
    };
  }

  async function version(schema: string, table = 'marker'): Promise<number> {
    const { rows } = await wh.adapter.execute(
      `SELECT version FROM ${wh.adapter.quoteRelation({ schema, name: table })}`,
    );
    return Number(rows[0].version);
  }

  it('runs every stage, writes metrics, keeps replaced tables and rolls a layer back and forth', async () => {
    const first = await runPipeline(options({}, { source: v1 }));
    expect(first.status).toBe('success');
    expect(first.stages.map((s) => [s.stage, s.status, s.attempt])).toEqual([
      ['staging', 'success', 1],
      ['seed', 'success', 1],
      ['silver', 'success', 1],
      ['gold', 'success', 1],
      ['tests', 'success', 1],
    ]);
    expect(first.stages[0].rows).toBe(6);
    const second = await runPipeline(options({}, { source: v2 }));
    expect(second.status).toBe('success');
    expect(await version(schemas.gold)).toBe(2);
    const kept = await readBackups(wh.adapter, 'gold');
    expect(kept.map((b) => [b.runId, b.table, b.rows])).toEqual([
      [second.runId, 'marker', 1],
      [second.runId, 'summary', 1],
    ]);
    const undo = await rollbackLayer(wh.adapter, 'gold', newRunId());
    expect(undo.restoredRun).toBe(second.runId);
    expect(await version(schemas.gold)).toBe(1);
    expect(await version(schemas.gold, 'summary')).toBe(1);
    expect(await version(schemas.silver)).toBe(2);
    await rollbackLayer(wh.adapter, 'gold', newRunId());
    expect(await version(schemas.gold)).toBe(2);
    expect(await version(schemas.gold, 'summary')).toBe(2);
  });

  it('prunes kept tables beyond `keep` runs', async () => {
    const keepOne = { pipeline: 'pipeline:\n  backups: {keep: 1}\n' };
    for (const source of [v1, v2]) {
      expect((await runPipeline(options(keepOne, { source, from: 'silver' }))).status).toBe('success');
    }
    const runs = new Set((await readBackups(wh.adapter, 'silver')).map((b) => b.runId));
    expect(runs.size).toBe(1);
    const left = (await wh.adapter.listRelations(schemas.silver)).filter((r) => r.name.includes('__tb_bk_'));
    expect(left).toHaveLength(2);
  });

  it('retries a stage that lost its connection, and only that stage', async () => {
    let silverAttempts = 0;
    const opts = options(
      {},
      {
        source: v1,
        createAdapter: (target: TargetConfig, poolSize: number) => {
          const adapter = createAdapter(target, { poolSize });
          return poolSize === target.threads && ++silverAttempts === 2 ? droppingSessions(adapter) : adapter;
        },
      },
    );
    const result = await runPipeline({ ...opts, from: 'seed' });
    expect(result.status).toBe('success');
    // seed is the first node stage (attempt 1), silver's first attempt fails and its retry succeeds.
    expect(result.stages.map((s) => [s.stage, s.attempt, s.retries])).toEqual([
      ['staging', 0, 0],
      ['seed', 1, 0],
      ['silver', 2, 1],
      ['gold', 1, 0],
      ['tests', 1, 0],
    ]);
    const logger = opts.logger as ReturnType<typeof createMemoryLogger>;
    const retry = logger.events.find((e) => e.event === 'stage_retry');
    expect(retry?.data).toMatchObject({
      stage: 'silver',
      attempt: 1,
      reason: expect.stringContaining('errored'),
    });
  });

  it('does not retry a SQL error: the stage fails, later stages are skipped, the exit code names it', async () => {
    // From seed: on SQLite the suite's own open connection to staging would stop the load's file swap.
    const opts = options({ brokenSilver: true }, { source: v1, from: 'seed' });
    const result = await runPipeline(opts);
    expect(result.status).toBe('failed');
    expect(result.failedStage).toBe('silver');
    expect(result.reason).toContain('pp.silver_marker');
    expect(result.stages.find((s) => s.stage === 'silver')).toMatchObject({ attempt: 1, transient: false });
    expect(result.stages.find((s) => s.stage === 'gold')?.status).toBe('skipped');
    expect(result.stages[0]).toMatchObject({ stage: 'staging', status: 'skipped', attempt: 0 });
    expect(pipelineExitCode(result)).toBe(12);
    // silver publishes its tables together: apartments was built, but the failed layer swapped nothing in
    // (no table of this run was replaced and kept aside) and left no temporary.
    const left = (await wh.adapter.listRelations(schemas.silver)).map((r) => r.name);
    expect(left.filter((n) => n.includes(`__tb_bk_${opts.runId}`) || n.includes('__tb_tmp'))).toEqual([]);
    const logger = opts.logger as ReturnType<typeof createMemoryLogger>;
    expect(logger.events.filter((e) => e.event === 'layer_discarded').map((e) => e.data?.tables)).toEqual([
      [`${schemas.silver}.apartments`],
    ]);
  });

  it('resumes with --from gold without loading again', async () => {
    const result = await runPipeline(options({}, { from: 'gold' }));
    expect(result.stages.map((s) => s.status)).toEqual([
      'skipped',
      'skipped',
      'skipped',
      'success',
      'success',
    ]);
  });
});
