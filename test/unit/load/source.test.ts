import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { dumpDateFromName, latestDumpKey, openSource, type ObjectStore } from '../../../src/load';
import { formatProgressLine } from '../../../src/load/progress-format';

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

describe('dump sources', () => {
  it('reads the dump date from the file name', () => {
    expect(dumpDateFromName('gghouse_20260205.sql')).toBe('2026-02-05');
    expect(dumpDateFromName('gghouse_20260205.sql.gz')).toBe('2026-02-05');
    expect(dumpDateFromName('gghouse_20260231.sql')).toBeNull();
    expect(dumpDateFromName('dump.sql')).toBeNull();
  });

  it('picks the newest dump of a listing by the date in its name', () => {
    expect(
      latestDumpKey([
        'dumps/gghouse_20260204.sql',
        'dumps/gghouse_20260205.sql.gz',
        'dumps/notes.txt',
        'dumps/gghouse_20251231.sql',
      ]),
    ).toBe('dumps/gghouse_20260205.sql.gz');
    expect(latestDumpKey(['a.txt'])).toBeNull();
  });

  it('gunzips a .gz file as it streams and counts the compressed bytes against the file size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tbload-src-'));
    try {
      const file = join(dir, 'gghouse_20260205.sql.gz');
      const gz = gzipSync(Buffer.from('SELECT 1;\n'.repeat(1000)));
      writeFileSync(file, gz);
      const src = await openSource(file);
      expect(await readAll(src.stream)).toBe('SELECT 1;\n'.repeat(1000));
      expect(src.totalBytes).toBe(gz.length);
      expect(src.bytesRead()).toBe(gz.length);
      expect(src.dumpDate).toBe('2026-02-05');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('streams s3://bucket/prefix/ --latest through the object store', async () => {
    const asked: string[] = [];
    const store: ObjectStore = {
      list: async (bucket, prefix) => {
        asked.push(`list ${bucket} ${prefix}`);
        return ['dumps/gghouse_20260204.sql', 'dumps/gghouse_20260205.sql'];
      },
      get: async (bucket, key) => {
        asked.push(`get ${bucket} ${key}`);
        return { body: Readable.from([Buffer.from('-- dump\n')]), size: 8 };
      },
    };
    const src = await openSource('s3://pms-dumps/dumps/', { latest: true, objectStore: store });
    expect(await readAll(src.stream)).toBe('-- dump\n');
    expect(asked).toEqual(['list pms-dumps dumps/', 'get pms-dumps dumps/gghouse_20260205.sql']);
    expect(src.name).toBe('s3://pms-dumps/dumps/gghouse_20260205.sql');
    expect(src.dumpDate).toBe('2026-02-05');
  });

  it('draws a progress line with bytes, MB/s, ETA and the tables at work', () => {
    const line = formatProgressLine(
      {
        type: 'progress',
        bytes: 430 * 1048576,
        totalBytes: 945 * 1048576,
        rows: 1,
        elapsedMs: 4000,
        bytesPerSecond: 107.5 * 1048576,
        etaSeconds: 4.8,
        activeTables: ['movings', 'access_logs'],
        queuedBytes: 88 * 1048576,
      },
      10,
    );
    expect(line).toBe(
      '[#####.....]  45%  430/945 MB  107.5 MB/s  ETA 5s  88 MB queued  movings, access_logs',
    );
  });
});
