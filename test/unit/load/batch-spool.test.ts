import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BatchSpool } from '../../../src/load/mysql/batch-spool';

async function readAll(stream: Readable): Promise<{ bytes: Buffer; largest: number }> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { bytes: Buffer.concat(chunks), largest: Math.max(0, ...chunks.map((c) => c.length)) };
}

describe('BatchSpool', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tb-spool-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back each batch byte for byte, in packets of at most 1 MiB, and leaves no file behind', async () => {
    const spool = BatchSpool.open(dir);
    // The file is unlinked at once: a killed load leaves nothing in the folder.
    expect(readdirSync(dir)).toEqual([]);
    const big = Buffer.alloc(2.5 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
    const first = await spool.write([Buffer.from('a\tb\n'), Buffer.from('c\t\\N\n')]);
    const second = await spool.write([big.subarray(0, 1000), big.subarray(1000)]);
    expect(spool.bytes).toBe(first.length + second.length);
    const read = await readAll(spool.stream(second));
    expect(read.bytes.equals(big)).toBe(true);
    expect(read.largest).toBeLessThanOrEqual(1024 * 1024);
    expect((await readAll(spool.stream(first))).bytes.toString()).toBe('a\tb\nc\t\\N\n');
    spool.release(first);
    spool.release(second);
    expect(spool.bytes).toBe(0);
    spool.close();
  });

  it('starts from an empty file once nothing waits, without losing a batch written meanwhile', async () => {
    const spool = BatchSpool.open(dir);
    const one = await spool.write([Buffer.from('one\n')]);
    spool.release(one);
    const two = spool.write([Buffer.from('two\n')]);
    const range = await two;
    await new Promise((r) => setImmediate(r));
    expect((await readAll(spool.stream(range))).bytes.toString()).toBe('two\n');
    spool.release(range);
    await new Promise((r) => setImmediate(r));
    const three = await spool.write([Buffer.from('three\n')]);
    expect(three.offset).toBe(0);
    expect((await readAll(spool.stream(three))).bytes.toString()).toBe('three\n');
    spool.close();
  });

  it('names the folder when the spool file cannot be created', () => {
    expect(() => BatchSpool.open(join(dir, 'missing'))).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`spool file in ${join(dir, 'missing')}`) }),
    );
  });
});
