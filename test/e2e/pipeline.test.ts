import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireWarehouseLock } from '../../src/lock/warehouse-lock';
import { jsonLines, runTb, startTb } from '../helpers/spawn-tb';
import { sqliteTarget, testWarehouses } from '../helpers/targets';
import { writePipelineProject, writeVersionDump } from '../integration/pipeline/pipeline-fixture';

const FAST = { TB_RETRY_DELAY_SCALE: '0' };

function last(text: string): Record<string, unknown> {
  const lines = jsonLines(text);
  return lines[lines.length - 1];
}

describe('tb pipeline as a process on MariaDB', () => {
  const wh = testWarehouses('tbprod_')[0][1]();
  const schemas = { staging: wh.schema('staging'), silver: wh.schema('silver'), gold: wh.schema('gold') };
  const dumps = mkdtempSync(join(tmpdir(), 'tbprod-e2e-'));
  const dump = writeVersionDump(dumps, 1);
  let server: Server;
  const received: { body: string; type?: string }[] = [];
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        received.push({ body, type: req.headers['content-type'] });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T000/B000/secretpart`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await wh.cleanup();
    rmSync(dumps, { recursive: true, force: true });
  });

  it('runs one pipeline at a time: a second one exits 3 at once, or waits with --wait', async () => {
    const dir = writePipelineProject(wh.target, schemas, { slowSilverSeconds: 2 });
    const args = ['pipeline', dump, '--log-format', 'json'];
    const first = startTb(args, dir, FAST);
    // The second starts once the first holds the lock (it logs pipeline_started after taking it).
    while (!first.output().includes('"pipeline_started"')) await new Promise((r) => setTimeout(r, 20));
    const second = await runTb(args, dir, FAST);
    expect(second.code).toBe(3);
    expect(last(second.out)).toMatchObject({
      event: 'pipeline_finished',
      status: 'locked',
      error_code: 'TB701',
      msg: expect.stringContaining(`another tb writer holds the warehouse lock tb:${wh.target.schema}`),
    });
    const waiting = startTb([...args, '--wait'], dir, FAST);
    const [a, b] = await Promise.all([first.done, waiting.done]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(jsonLines(b.out).some((l) => l.event === 'lock_waiting')).toBe(true);
    // The waiting run started after the first finished.
    const finished = Date.parse(String(last(a.out).ts));
    const started = Date.parse(String(jsonLines(b.out).find((l) => l.event === 'pipeline_started')?.ts));
    expect(started).toBeGreaterThanOrEqual(finished);
  });

  it('names the failed stage in the exit code, the last line, metrics.json and the webhook message', async () => {
    const dir = writePipelineProject(wh.target, schemas, { brokenSilver: true });
    const r = await runTb(['pipeline', dump, '--log-format', 'json', '--notify', url], dir, FAST);
    expect(r.code).toBe(12);
    const end = last(r.out);
    expect(end).toMatchObject({
      event: 'pipeline_finished',
      status: 'failed',
      failed_stage: 'silver',
      exit_code: 12,
    });
    expect(String(end.reason)).toContain('silver_marker');
    const stage = jsonLines(r.out).filter((l) => l.event === 'stage_finished');
    expect(stage.map((l) => [l.stage, l.status, l.retries])).toEqual([
      ['staging', 'success', 0],
      ['seed', 'success', 0],
      ['silver', 'failed', 0],
    ]);
    expect(stage[0]).toMatchObject({ rows: 6, attempt: 1, duration_s: expect.any(Number) });
    const metrics = JSON.parse(readFileSync(join(dir, 'target', 'metrics.json'), 'utf8'));
    expect(metrics).toMatchObject({ status: 'failed', failed_stage: 'silver' });
    expect(metrics.stages.map((s: { status: string }) => s.status)).toEqual([
      'success',
      'success',
      'failed',
      'skipped',
      'skipped',
    ]);
    expect(received).toHaveLength(1);
    expect(received[0].type).toBe('application/json');
    const message = JSON.parse(received[0].body);
    expect(message.text).toMatch(
      /^tb pipeline failed at stage silver \(pp, target t, run \d{8}_\d{6}_\d{3}\): .*silver_marker/,
    );
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'tb pipeline failed: silver' },
    });
    expect(r.out).not.toContain('secretpart');
  });
});

describe('tb pipeline as a process on SQLite', () => {
  it('exits 3 while another writer holds the warehouse, and runs with --wait once it is free', async () => {
    const target = sqliteTarget();
    const dumps = mkdtempSync(join(tmpdir(), 'tbprod-e2e-'));
    const dir = writePipelineProject(target, { staging: 'staging', silver: 'silver', gold: 'gold' });
    const dump = writeVersionDump(dumps, 1);
    const held = await acquireWarehouseLock(target, { command: 'the test' });
    try {
      const busy = await runTb(['pipeline', dump], dir, FAST);
      expect(busy.code).toBe(3);
      expect(busy.out.trim().split('\n').pop()).toContain('the test (pid ');
      // Hand-run writers take the same lock; readers (tb test) do not.
      const run = await runTb(['run'], dir);
      expect(run.code).toBe(1);
      expect(run.err).toContain('[TB701] another tb writer holds the warehouse lock');
      const waiting = startTb(['pipeline', dump, '--wait'], dir, FAST);
      while (!waiting.output().includes('waiting for the warehouse lock'))
        await new Promise((r) => setTimeout(r, 20));
      await held.release();
      const r = await waiting.done;
      expect(r.code).toBe(0);
      expect(r.out.trim().split('\n').pop()).toMatch(/pipeline \d{8}_\d{6}_\d{3} succeeded/);
    } finally {
      await held.release();
      rmSync(target.path, { recursive: true, force: true });
      rmSync(dumps, { recursive: true, force: true });
    }
  });
});
