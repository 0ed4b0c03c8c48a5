import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonLines, runTb } from '../helpers/spawn-tb';
import { LocalS3 } from '../helpers/s3-server';
import { sqliteTarget } from '../helpers/targets';
import { writePipelineProject, writeVersionDump } from '../integration/pipeline/pipeline-fixture';

/** Dumps read from a real S3-compatible HTTP server on 127.0.0.1 through the AWS SDK, as in production. */
describe('tb pipeline reading the dump from S3', () => {
  const s3 = new LocalS3();
  const dumps = mkdtempSync(join(tmpdir(), 'tbprod-s3-'));
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    const endpoint = await s3.start();
    env = {
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test-secret-key',
      AWS_REGION: 'ap-northeast-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      TB_RETRY_DELAY_SCALE: '0',
    };
    // Big enough that the first half is a real partial stream.
    s3.put('pms', 'daily/pms_20260202.sql', readFileSync(writeVersionDump(dumps, 1, 2000, 2)));
    s3.put('pms', 'daily/pms_20260204.sql', readFileSync(writeVersionDump(dumps, 3, 3000, 4)));
    s3.put('pms', 'daily/README.txt', 'not a dump');
    s3.put('pms', 'other/pms_20261231.sql', 'outside the prefix');
  });
  afterAll(async () => {
    await s3.stop();
    rmSync(dumps, { recursive: true, force: true });
  });

  it('picks the newest dump under the prefix and retries the staging stage when the stream is cut', async () => {
    const target = sqliteTarget();
    const dir = writePipelineProject(target, { staging: 'staging', silver: 'silver', gold: 'gold' });
    s3.failNext('pms', 'daily/pms_20260204.sql', 'status-500', 'cut-midway');
    const r = await runTb(['pipeline', '--log-format', 'json'], dir, {
      ...env,
      TB_DUMP_SOURCE: 's3://pms/daily/ --latest',
    });
    expect(r.code).toBe(0);
    const lines = jsonLines(r.out);
    const retry = lines.find((l) => l.event === 'stage_retry');
    expect(retry).toMatchObject({ stage: 'staging', attempt: 1 });
    expect(String(retry?.reason)).toMatch(/ECONNRESET|aborted|Premature close|ERR_STREAM_PREMATURE_CLOSE/);
    expect(lines.find((l) => l.event === 'stage_finished' && l.stage === 'staging')).toMatchObject({
      status: 'success',
      rows: 3001,
      retries: 1,
      attempt: 2,
    });
    expect(lines.find((l) => l.event === 'load_finished')?.source).toBe('s3://pms/daily/pms_20260204.sql');
    // The SDK retried the 500 by itself; the cut stream needed the stage's own retry.
    const gets = s3.requests.filter((q) => q.startsWith('GET /pms/daily/pms_20260204.sql'));
    expect(gets.length).toBe(3);
    expect(s3.requests.some((q) => q.includes('list-type=2') && q.includes('prefix=daily%2F'))).toBe(true);
    rmSync(target.path, { recursive: true, force: true });
  });

  it('fails the staging stage without retrying when the object does not exist', async () => {
    const target = sqliteTarget();
    const dir = writePipelineProject(target, { staging: 'staging', silver: 'silver', gold: 'gold' });
    const r = await runTb(['pipeline', 's3://pms/daily/pms_20990101.sql', '--log-format', 'json'], dir, env);
    expect(r.code).toBe(10);
    const end = jsonLines(r.out).pop();
    expect(end).toMatchObject({ failed_stage: 'staging', status: 'failed' });
    expect(String(end?.reason)).toContain('NoSuchKey');
    expect(r.out).not.toContain('test-secret-key');
    rmSync(target.path, { recursive: true, force: true });
  });
});
