import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createAdapter } from '../../../src/adapters/create-adapter';
import type { Adapter } from '../../../src/adapters/adapter';
import { TbError } from '../../../src/core/errors';
import { loadDump, type DumpSource } from '../../../src/load';
import { mysqlTarget, testWarehouses, uniqueSuffix, type TestWarehouse } from '../../helpers/targets';
import { buildNastyDatabase, mariadbDump } from './nasty-database';

/**
 * Random truncations and byte flips of a real mariadb-dump: the loader never throws anything but a TbError,
 * never hangs (jest's timeout would fail the test), and a failed load never changes staging.
 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(dump: Buffer, rnd: () => number): Buffer {
  if (rnd() < 0.4) return dump.subarray(0, Math.floor(rnd() * dump.length));
  const copy = Buffer.from(dump);
  const flips = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < flips; i++) copy[Math.floor(rnd() * copy.length)] = Math.floor(rnd() * 256);
  return copy;
}

/** The bytes in chunks of random sizes, so that every cut point of the tokenizer is exercised. */
function source(bytes: Buffer, rnd: () => number): DumpSource {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(rnd() * 5000);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return {
    name: 'fuzz_20260205.sql',
    stream: Readable.from(chunks),
    totalBytes: bytes.length,
    bytesRead: () => 0,
    dumpDate: '2026-02-05',
  };
}

async function outcome(promise: Promise<unknown>): Promise<'ok' | TbError> {
  try {
    await promise;
    return 'ok';
  } catch (err) {
    if (!(err instanceof TbError)) throw err;
    return err;
  }
}

const tag = `tbload_${uniqueSuffix()}`;
let mysql: Adapter;
let dump: Buffer;
let dir: string;

beforeAll(async () => {
  mysql = createAdapter(mysqlTarget(`${tag}_main`));
  await buildNastyDatabase(mysql, `${tag}_src`);
  dir = mkdtempSync(join(tmpdir(), 'tbload-fuzz-'));
  mariadbDump(`${tag}_src`, ['--net-buffer-length=8192'], join(dir, 'real.sql'));
  dump = readFileSync(join(dir, 'real.sql'));
});

afterAll(async () => {
  for (const s of [`${tag}_src`, `${tag}_main`]) await mysql.dropSchema(s);
  await mysql.close();
  rmSync(dir, { recursive: true, force: true });
});

it('parses 300 mutated dumps without an unexpected exception', async () => {
  const rnd = prng(7);
  const seen = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const result = await outcome(loadDump(null, source(mutate(dump, rnd), rnd), { dryRun: true }));
    seen.add(result === 'ok' ? 'ok' : result.code);
  }
  // Truncations and flips must actually produce both kinds of bad input.
  expect([...seen]).toEqual(expect.arrayContaining(['TB501', 'TB502']));
});

describe.each(testWarehouses('tbload_'))('mutated dumps loaded into %s', (_name, make) => {
  let wh: TestWarehouse;
  beforeAll(() => {
    wh = make();
  });
  afterAll(async () => wh.cleanup());

  async function snapshot(schema: string): Promise<string> {
    const rels = await wh.adapter.listRelations(schema);
    const parts: string[] = [];
    for (const rel of rels) {
      const { rows } = await wh.adapter.execute(`SELECT COUNT(*) AS n FROM ${wh.adapter.quoteRelation(rel)}`);
      parts.push(`${rel.name}:${rows[0].n}`);
    }
    return parts.join(',');
  }

  it('never changes staging when a load fails', async () => {
    const staging = wh.schema('fuzz');
    const rnd = prng(11);
    await loadDump(wh.adapter, source(dump, rnd), { schema: staging });
    const original = await snapshot(staging);
    expect(original).toMatch(/all_types:4/);
    let failures = 0;
    for (let i = 0; i < 25; i++) {
      const result = await outcome(loadDump(wh.adapter, source(mutate(dump, rnd), rnd), { schema: staging }));
      if (result === 'ok') {
        // A flip inside a string can leave a valid dump: then it loaded, and the original goes back in.
        await loadDump(wh.adapter, source(dump, rnd), { schema: staging });
      } else failures++;
      expect(await snapshot(staging)).toBe(original);
    }
    expect(failures).toBeGreaterThan(5);
  });
});
