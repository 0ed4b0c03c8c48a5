import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runTbSync } from '../helpers/spawn-tb';
import { writeProject } from '../helpers/temp-project';

const tb = (args: string[], cwd: string) => runTbSync(args, cwd);

describe('tb snapshot and tb source freshness on the embedded default', () => {
  it('keeps every status change of a contract across daily dumps, deletes included', () => {
    const dir = writeProject({
      'project.yml': 'name: snap\nseeds:\n  snap:\n    +schema: staging\n',
      'seeds/movings.csv': 'id,status\n1,applied\n2,living\n',
      'snapshots/movings_history.sql':
        "{% snapshot movings_history %}\n{{ config(target_schema='snapshots', unique_key='id', strategy='check', check_cols=['status'], hard_deletes='invalidate') }}\nselect * from {{ ref('movings') }}\n{% endsnapshot %}\n",
    });
    expect(tb(['build'], dir).code).toBe(0);
    writeFileSync(join(dir, 'seeds', 'movings.csv'), 'id,status\n1,contracted\n');
    // Snapshot times have one-second resolution: a second snapshot within the same second is refused
    // (it would close the old version without opening the new one), and works a second later.
    const again = tb(['snapshot'], dir);
    if (again.code !== 0) expect(again.out).toContain('is not after its newest version');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100);
    const second = tb(['build'], dir);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/OK snapshotted snapshots\.movings_history/);
    const db = new Database(join(dir, '.tb', 'warehouse', 'snapshots.db'), { readonly: true });
    const rows = db
      .prepare(
        'select id, status, tb_valid_to is null as current from movings_history order by id, tb_valid_from',
      )
      .all();
    db.close();
    expect(rows).toEqual([
      { id: 1, status: 'applied', current: 0 },
      { id: 1, status: 'contracted', current: 1 },
      { id: 2, status: 'living', current: 0 },
    ]);
  });

  it('reports stale and fresh sources, and a missing table, with exit 1 on errors', () => {
    const now = new Date();
    const old = new Date(now.getTime() - 20 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
    const fresh = now.toISOString().slice(0, 19).replace('T', ' ');
    const dir = writeProject({
      'project.yml': 'name: fr\nseeds:\n  fr:\n    +schema: staging\n',
      'seeds/loads.csv': `id,loaded_at\n1,${old}\n`,
      'seeds/events.csv': `id,loaded_at\n1,${fresh}\n`,
      'models/sources.yml': `version: 2
sources:
  - name: pms
    schema: staging
    loaded_at_field: loaded_at
    freshness: {warn_after: {count: 12, period: hour}, error_after: {count: 1, period: day}}
    tables:
      - name: loads
      - name: events
      - name: gone
      - name: unchecked
        freshness: null
`,
    });
    expect(tb(['seed'], dir).code).toBe(0);
    const r = tb(['source', 'freshness'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/WARN freshness of pms\.loads/);
    expect(r.out).toMatch(/PASS freshness of pms\.events/);
    expect(r.out).toMatch(/ERROR freshness of pms\.gone/);
    expect(r.out).not.toContain('unchecked');
    expect(r.out).toContain('PASS=1 WARN=1 ERROR=0 RUNTIME_ERROR=1');
    const written = JSON.parse(readFileSync(join(dir, 'target', 'sources.json'), 'utf8'));
    expect(written.results.map((x: { status: string }) => x.status).sort()).toEqual([
      'pass',
      'runtime error',
      'warn',
    ]);
  });
});
