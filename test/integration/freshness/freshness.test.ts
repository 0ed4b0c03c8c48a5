import type { SourceNode } from '../../../src/core/types';
import { checkFreshness, describeFreshness } from '../../../src/freshness';
import { parseProject } from '../../../src/parse/parse-project';
import { testWarehouses, type TestWarehouse } from '../../helpers/targets';
import { writeProject } from '../../helpers/temp-project';

const NOW = new Date('2026-02-05T12:00:00Z');

const sourcesYml = (raw: string) => `version: 2
sources:
  - name: pms
    schema: ${raw}
    loaded_at_field: updated_at
    freshness:
      warn_after: {count: 12, period: hour}
      error_after: {count: 1, period: day}
    tables:
      - name: fresh
      - name: stale
      - name: dead
      - name: filtered
        freshness:
          warn_after: {count: 12, period: hour}
          filter: "kind = 'daily'"
      - name: gone
      - name: empty
  - name: nolat
    schema: ${raw}
    freshness:
      error_after: {count: 1, period: day}
    tables:
      - name: no_loaded_at
  - name: other
    schema: ${raw}
    tables:
      - name: fresh
`;

describe.each(testWarehouses('tbsnap_'))('source freshness on %s', (_name, make) => {
  let wh: TestWarehouse;
  let sources: SourceNode[];

  beforeAll(async () => {
    wh = make();
    const raw = wh.schema('fresh_raw');
    await wh.adapter.ensureSchema(raw);
    const table = async (name: string, rows: string[]) => {
      const rel = wh.adapter.quoteRelation({ schema: raw, name });
      await wh.adapter.execute(`CREATE TABLE ${rel} (id INTEGER, kind VARCHAR(10), updated_at DATETIME)`);
      if (rows.length > 0) await wh.adapter.execute(`INSERT INTO ${rel} VALUES ${rows.join(', ')}`);
    };
    await table('fresh', [`(1, 'daily', '2026-02-05 06:00:00')`, `(2, 'daily', '2026-02-01 00:00:00')`]);
    await table('stale', [`(1, 'daily', '2026-02-04 20:00:00')`]);
    await table('dead', [`(1, 'daily', '2026-02-03 00:00:00')`]);
    // The newest row is not a daily one; the filter leaves a row 13 hours old.
    await table('filtered', [`(1, 'daily', '2026-02-04 23:00:00')`, `(2, 'manual', '2026-02-05 11:00:00')`]);
    await table('empty', []);
    await table('no_loaded_at', [`(1, 'daily', '2020-01-01 00:00:00')`]);
    const dir = writeProject({ 'project.yml': 'name: fr\n', 'models/sources.yml': sourcesYml(raw) });
    const project = parseProject({ projectDir: dir, target: wh.target, env: {} });
    sources = Object.values(project.manifest.sources);
  });
  afterAll(async () => wh.cleanup());

  it('grades each source by the age of its newest row, and reports unreadable ones as runtime errors', async () => {
    const results = await checkFreshness(wh.adapter, sources, NOW);
    const byName = Object.fromEntries(results.map((r) => [r.name, r]));
    // Sources without a loaded_at_field or without thresholds are not checked at all.
    expect(Object.keys(byName).sort()).toEqual([
      'pms.dead',
      'pms.empty',
      'pms.filtered',
      'pms.fresh',
      'pms.gone',
      'pms.stale',
    ]);
    expect(byName['pms.fresh']).toMatchObject({
      status: 'pass',
      maxLoadedAt: '2026-02-05 06:00:00',
      ageSeconds: 6 * 3600,
      snapshottedAt: '2026-02-05 12:00:00',
    });
    expect(byName['pms.stale']).toMatchObject({ status: 'warn', ageSeconds: 16 * 3600 });
    expect(byName['pms.dead']).toMatchObject({ status: 'error', ageSeconds: 60 * 3600 });
    expect(byName['pms.filtered']).toMatchObject({ status: 'warn', maxLoadedAt: '2026-02-04 23:00:00' });
    expect(byName['pms.gone'].status).toBe('runtime error');
    expect(byName['pms.gone'].error).toMatch(/fresh_raw.*gone does not exist/);
    expect(byName['pms.empty']).toMatchObject({ status: 'runtime error' });
    expect(byName['pms.empty'].error).toMatch(/empty or the field is always NULL/);
    expect(describeFreshness(byName['pms.stale'])).toBe(
      'max loaded at 2026-02-04 20:00:00 UTC, 16h 0m ago (warn after 12 hours, error after 1 day)',
    );
  });

  it('reports a query the database rejects as a runtime error for that source only', async () => {
    const fresh = sources.find((s) => s.uniqueId.endsWith('pms.fresh'))!;
    const broken: SourceNode = {
      ...fresh,
      uniqueId: 'source.fr.pms.broken',
      loadedAtField: 'no_such_column',
    };
    const results = await checkFreshness(wh.adapter, [broken, fresh], NOW);
    expect(results.map((r) => r.status)).toEqual(['runtime error', 'pass']);
    expect(results[0].error).toMatch(/no_such_column/);
  });
});
