import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRunResults, writeRunResults } from '../../../src/artifacts/run-results';
import { TbError } from '../../../src/core/errors';
import type { RunResult } from '../../../src/run/run-types';

const run: RunResult = {
  results: [
    {
      uniqueId: 'model.tb.moveouts',
      status: 'success',
      message: 'created table: 15262 rows',
      timing: [
        { name: 'compile', startedAt: '2026-02-05T00:00:00.000Z', completedAt: '2026-02-05T00:00:00.010Z' },
      ],
      executionTimeMs: 410,
      dbTimeMs: 400,
      rowsAffected: 15262,
      compiledSql: 'select 1',
      relation: { schema: 'gold', name: 'moveouts' },
      materialized: 'table',
      thread: 2,
    },
    {
      uniqueId: 'model.tb.broken',
      status: 'error',
      message: 'boom',
      timing: [],
      executionTimeMs: 5,
      dbTimeMs: 4,
      error: new TbError('TB401', 'boom'),
    },
  ],
  hooks: [],
  counts: { pass: 1, warn: 0, error: 1, skip: 0, total: 2 },
  startedAt: '2026-02-05T00:00:00.000Z',
  elapsedMs: 1500,
  dbTimeMs: 404,
  interrupted: false,
  success: false,
};

describe('run_results.json', () => {
  it("has dbt's shape: metadata, results with status, timing, rows and compiled SQL, elapsed_time, args", () => {
    const artifact = buildRunResults(run, {
      tbVersion: '0.1.0',
      invocationId: 'inv-1',
      generatedAt: '2026-02-05T00:00:01.500Z',
      args: { select: ['gold'], threads: 4 },
    });
    expect(artifact.metadata).toMatchObject({
      tb_version: '0.1.0',
      invocation_id: 'inv-1',
      generated_at: '2026-02-05T00:00:01.500Z',
    });
    expect(artifact.elapsed_time).toBe(1.5);
    expect(artifact.args).toEqual({ select: ['gold'], threads: 4 });
    expect(artifact.results[0]).toMatchObject({
      unique_id: 'model.tb.moveouts',
      status: 'success',
      thread_id: 'Thread-2',
      execution_time: 0.41,
      adapter_response: { rows_affected: 15262, db_time: 0.4 },
      compiled: true,
      compiled_code: 'select 1',
      relation_name: 'gold.moveouts',
      timing: [
        { name: 'compile', started_at: '2026-02-05T00:00:00.000Z', completed_at: '2026-02-05T00:00:00.010Z' },
      ],
    });
    expect(artifact.results[1]).toMatchObject({
      status: 'error',
      compiled: false,
      compiled_code: null,
      error_code: 'TB401',
    });
  });

  it('writes target/run_results.json without leaving a temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-artifacts-'));
    try {
      const target = join(dir, 'target');
      const path = await writeRunResults(target, buildRunResults(run, { tbVersion: '0', invocationId: 'i' }));
      expect(path).toBe(join(target, 'run_results.json'));
      expect(JSON.parse(readFileSync(path, 'utf8')).results).toHaveLength(2);
      expect(readdirSync(target)).toEqual(['run_results.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
