import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '../../src/adapters/create-adapter';
import type { TargetConfig } from '../../src/core/target';
import { runTb, startTb } from '../helpers/spawn-tb';
import { testWarehouses, type TestWarehouse } from '../helpers/targets';
import {
  writePipelineProject,
  writeVersionDump,
  type LayerSchemas,
} from '../integration/pipeline/pipeline-fixture';

/** mulberry32: the kill times are random but reproducible (TB_TEST_SEED). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.TB_TEST_SEED ?? 20260205);
const rowsOf = (version: number) => 3 + 2 * version;

/** Each table as one version: every row carries it and the count is that version's, else `mixed`. */
async function tableVersions(target: TargetConfig, schemas: LayerSchemas): Promise<Record<string, string>> {
  // A fresh connection each time: on SQLite an open connection would stop the next load's file swap.
  const adapter = createAdapter(target, { poolSize: 1 });
  const q = (schema: string, name: string) => adapter.quoteRelation({ schema, name });
  const out: Record<string, string> = {};
  try {
    for (const layer of ['staging', 'silver'] as const) {
      const s = schemas[layer];
      const a = await adapter.execute(
        `SELECT COUNT(*) AS n, MIN(version) AS lo, MAX(version) AS hi FROM ${q(s, 'apartments')}`,
      );
      const { n, lo, hi } = a.rows[0];
      out[`${layer}.apartments`] =
        lo === hi && Number(n) === rowsOf(Number(lo)) ? `v${lo}` : `mixed ${n} ${lo}-${hi}`;
      const m = await adapter.execute(`SELECT version FROM ${q(s, 'marker')}`);
      out[`${layer}.marker`] = m.rows.length === 1 ? `v${m.rows[0].version}` : `mixed ${m.rows.length} rows`;
    }
    const g = await adapter.execute(`SELECT n, version FROM ${q(schemas.gold, 'summary')}`);
    const { n, version } = g.rows[0];
    out['gold.summary'] = Number(n) === rowsOf(Number(version)) ? `v${version}` : `mixed ${n} ${version}`;
    const gm = await adapter.execute(`SELECT version FROM ${q(schemas.gold, 'marker')}`);
    out['gold.marker'] = `v${gm.rows[0].version}`;
  } finally {
    await adapter.close();
  }
  return out;
}

describe.each(testWarehouses('tbprod_'))('tb pipeline killed with SIGKILL on %s', (name, make) => {
  let wh: TestWarehouse;
  let dumps: string;
  let schemas: LayerSchemas;
  beforeAll(() => {
    wh = make();
    dumps = mkdtempSync(join(tmpdir(), 'tbprod-kill-'));
    schemas = { staging: wh.schema('staging'), silver: wh.schema('silver'), gold: wh.schema('gold') };
  });
  afterAll(async () => {
    await wh.cleanup();
    rmSync(dumps, { recursive: true, force: true });
  });

  it('leaves each layer (staging, silver, gold) wholly the old or the new version, and a rerun succeeds', async () => {
    const random = prng(SEED + (name === 'mysql' ? 0 : 1));
    const dir = writePipelineProject(wh.target, schemas);
    const env = { TB_RETRY_DELAY_SCALE: '0' };
    const began = performance.now();
    expect((await runTb(['pipeline', writeVersionDump(dumps, 1, rowsOf(1))], dir, env)).code).toBe(0);
    const fullRun = performance.now() - began;
    const iterations = name === 'mysql' ? 8 : 6;
    const killedAt: number[] = [];
    for (let version = 2; version <= iterations + 1; version++) {
      const dump = writeVersionDump(dumps, version, rowsOf(version), version);
      const child = startTb(['pipeline', dump, '--wait'], dir, env);
      const delay = Math.round(random() * fullRun);
      killedAt.push(delay);
      await new Promise((r) => setTimeout(r, delay));
      child.child.kill('SIGKILL');
      await child.done;
      const after = await tableVersions(wh.target, schemas);
      const context = `seed ${SEED}, version ${version}, killed after ${delay} ms: ${JSON.stringify(after)}`;
      for (const state of Object.values(after))
        expect([context, state]).toEqual([
          context,
          expect.stringMatching(new RegExp(`^v(${version - 1}|${version})$`)),
        ]);
      // The load swaps the staging schema as a whole; silver and gold each publish their tables in one swap.
      expect([context, after['staging.apartments']]).toEqual([context, after['staging.marker']]);
      expect([context, after['silver.apartments']]).toEqual([context, after['silver.marker']]);
      expect([context, after['gold.summary']]).toEqual([context, after['gold.marker']]);
      const rerun = await runTb(['pipeline', dump, '--wait'], dir, env);
      expect([context, rerun.code, rerun.err]).toEqual([context, 0, '']);
      expect(new Set(Object.values(await tableVersions(wh.target, schemas)))).toEqual(
        new Set([`v${version}`]),
      );
    }
    // The kills landed across the run, not all at its start.
    expect(Math.max(...killedAt)).toBeGreaterThan(fullRun / 2);
  }, 120_000);
});
