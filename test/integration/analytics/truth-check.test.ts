/**
 * The truth check, the acceptance test of the analytics project (models/, seeds/, macros/, tests/ at the top of
 * the repository).
 *
 * 1. Generate a PMS dump (scale 0.02, seed 7, D = 2026-02-05) and the generator's truth file, in-process.
 * 2. For each engine, MariaDB and SQLite, at the same time: `tb load` (into <prefix>staging), `tb seed`,
 *    `tb build --vars '{as_of: D}'` through the real CLI; every command must exit 0 (so every data test passes
 *    or only warns).
 * 3. Compare, exactly, with the truth file:
 *    - silver: the row count of every stg_* table, int_contracts and the valid contracts;
 *    - daily_activity_summary: every row (date, tenant type, the five counts), first date, totals;
 *    - new_contracts: rows, rent sum, counts by tenant type, age group, rent range and region;
 *    - moveouts: rows, tenure, revenue and notice-day sums, counts by reason category;
 *    - moveout_notices: rows, advance-notice sum and rows, counts by status, and the window;
 *    - moveout_analysis: rows, counts by tenure bucket, age group and rent range;
 *    - moveout_summary: every row (month, rent range, municipality, move-outs, average tenure, revenue, tenure sum).
 * 4. Compare every gold table (and every silver table) between the two engines, row by row, after normalising
 *    types (numbers vs numeric strings, dates as text).
 * 5. Without --vars, D defaults to the dump date `tb load` recorded in tb_load_log.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { generateDump } from '../../../src/generate';
import { createAdapter } from '../../../src/adapters/create-adapter';
import type { Adapter } from '../../../src/adapters/adapter';
import { mysqlTarget, sqliteTarget } from '../../helpers/targets';
import { GOLD_TABLES, SILVER_TABLES, readTables, type Table } from './gold-tables';
import { REPO, tb, writeProfiles, type CliResult, type Engine, type EngineRun } from './tb-cli';
import * as figures from './truth-figures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const AS_OF = '2026-02-05';
const ENGINES: readonly Engine[] = ['mysql', 'sqlite'];

interface Built {
  readonly steps: Record<string, CliResult>;
  readonly gold: Record<string, Table>;
  readonly silver: Record<string, Table>;
}

describe('the Tokyo Beta analytics against the generator’s truth (scale 0.02)', () => {
  const root = mkdtempSync(join(tmpdir(), 'tbana-'));
  const prefix = `tbana_${randomBytes(4).toString('hex')}_`;
  // Both engines run at once: each keeps its artifacts in a target/ folder of its own (git-ignored).
  const artifacts = join('target', prefix.slice(0, -1));
  const runs: Record<Engine, EngineRun> = {
    mysql: {
      engine: 'mysql',
      prefix,
      dir: join(root, 'mysql'),
      targetPath: join(artifacts, 'mysql'),
      metaSchema: `${prefix}meta`,
    },
    sqlite: {
      engine: 'sqlite',
      prefix,
      dir: join(root, 'sqlite'),
      targetPath: join(artifacts, 'sqlite'),
      metaSchema: 'main',
    },
  };
  const built = {} as Record<Engine, Built>;
  let truth: Json;

  function adapterFor(engine: Engine): Adapter {
    const run = runs[engine];
    return createAdapter(
      engine === 'mysql' ? mysqlTarget(run.metaSchema) : sqliteTarget('main', join(run.dir, 'warehouse')),
    );
  }

  async function buildOn(engine: Engine, dumpPath: string): Promise<Built> {
    const run = runs[engine];
    writeProfiles(run);
    const steps: Record<string, CliResult> = {};
    steps.load = await tb(run, ['load', dumpPath, '--schema', `${prefix}staging`]);
    if (steps.load.code === 0) steps.seed = await tb(run, ['seed']);
    if (steps.seed?.code === 0) steps.build = await tb(run, ['build', '--vars', `{as_of: ${AS_OF}}`]);
    const adapter = adapterFor(engine);
    try {
      const ok = steps.build?.code === 0;
      return {
        steps,
        gold: ok ? await readTables(adapter, `${prefix}gold`, GOLD_TABLES) : {},
        silver: ok ? await readTables(adapter, `${prefix}silver`, SILVER_TABLES) : {},
      };
    } finally {
      await adapter.close();
    }
  }

  beforeAll(async () => {
    const dump = await generateDump({ scale: 0.02, seed: 7, asOf: AS_OF, outDir: join(root, 'dump') });
    truth = JSON.parse(readFileSync(dump.truthPath, 'utf8'));
    const [mysql, sqlite] = await Promise.all(ENGINES.map((e) => buildOn(e, dump.sqlPath)));
    Object.assign(built, { mysql, sqlite });
  }, 240_000);

  afterAll(async () => {
    // Every MariaDB schema of the run carries the prefix: staging, seeds, silver, gold, meta (load log), audit.
    const admin = createAdapter(mysqlTarget(runs.mysql.metaSchema));
    try {
      const { rows } = await admin.execute('select schema_name as s from information_schema.schemata');
      for (const r of rows) {
        const s = String(r.s ?? r.S ?? r.SCHEMA_NAME);
        if (s.startsWith(prefix)) await admin.dropSchema(s);
      }
    } finally {
      await admin.close();
      rmSync(root, { recursive: true, force: true });
      rmSync(join(REPO, artifacts), { recursive: true, force: true });
    }
  });

  describe.each(ENGINES)('on %s', (engine) => {
    const gold = (t: string) => built[engine].gold[t];

    it('loads, seeds and builds with every data test passing or warning (exit 0)', () => {
      const { steps } = built[engine];
      for (const step of ['load', 'seed', 'build']) {
        expect([step, steps[step]?.code, steps[step]?.code === 0 ? '' : steps[step]?.out]).toEqual([
          step,
          0,
          '',
        ]);
      }
      expect(steps.build.out).toMatch(/ERROR=0 SKIP=0/);
    });

    it('has the truth’s silver row counts', () => {
      const { silver } = built[engine];
      const counts: Record<string, number> = {};
      for (const t of SILVER_TABLES) counts[t] = silver[t].rows.length;
      counts.valid_contracts = silver.int_contracts.rows.filter((r) => r.is_valid_contract === 1).length;
      expect(counts).toEqual(truth.silver);
    });

    it('has every daily_activity_summary row of the truth', () => {
      const t = truth.daily_activity_summary;
      expect(figures.dailyFigures(gold('daily_activity_summary'))).toEqual({
        first_date: t.first_date,
        last_date: t.last_date,
        row_count: t.row_count,
        totals: t.totals,
        rows: t.rows,
      });
    });

    it('has the truth’s new_contracts figures', () => {
      expect(figures.newContractFigures(gold('new_contracts'))).toEqual(truth.new_contracts);
    });

    it('has the truth’s moveouts figures', () => {
      expect(figures.moveoutFigures(gold('moveouts'))).toEqual(truth.moveouts);
    });

    it('has the truth’s moveout_notices figures, inside the truth’s window', () => {
      const { window_after: after, window_through: through, ...counts } = truth.moveout_notices;
      const rows = gold('moveout_notices').rows;
      expect(figures.noticeFigures(gold('moveout_notices'))).toEqual(counts);
      const outside = rows.filter(
        (r) => !(String(r.moveout_notice_date) > after && String(r.moveout_notice_date) <= through),
      );
      expect(outside).toEqual([]);
    });

    it('has the truth’s moveout_analysis figures', () => {
      expect(figures.analysisFigures(gold('moveout_analysis'))).toEqual(truth.moveout_analysis);
    });

    it('has every moveout_summary row of the truth', () => {
      expect(gold('moveout_summary').rows).toHaveLength(truth.moveout_summary.row_count);
      expect(figures.summaryRows(gold('moveout_summary'))).toEqual(
        figures.sortAsJson(truth.moveout_summary.rows),
      );
    });

    it('takes D from the load log when no as_of is given', async () => {
      const shown = await tb(runs[engine], ['show', '--inline', 'select {{ as_of_date() }} as d']);
      expect([shown.code, shown.out]).toEqual([0, expect.stringContaining(`| ${AS_OF} |`)]);
    });
  });

  it.each([...GOLD_TABLES, ...SILVER_TABLES])(
    'builds %s the same on MariaDB and SQLite, row by row',
    (name) => {
      const layer = (GOLD_TABLES as readonly string[]).includes(name) ? 'gold' : 'silver';
      const mysql = built.mysql[layer][name];
      const sqlite = built.sqlite[layer][name];
      expect(mysql.columns).toEqual(sqlite.columns);
      expect(mysql.rows.length).toBe(sqlite.rows.length);
      // One row at a time so that a difference names its row, not a 5,000-row blob.
      const diffs = mysql.rows
        .map((row, i) => [i, row, sqlite.rows[i]] as const)
        .filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b))
        .slice(0, 5);
      expect(diffs).toEqual([]);
    },
  );
});
