import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTbSync } from '../helpers/spawn-tb';
import { writeProject } from '../helpers/temp-project';

/** project.yml keys acted on by the real executable, on the embedded SQLite default (.tb/warehouse). */
function query(dir: string, sql: string): unknown[] {
  const db = new Database(join(dir, '.tb', 'warehouse', 'main.db'), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('project.yml keys through tb', () => {
  it('target-path: parse and compile write there, and nothing goes to target/', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\ntarget-path: out/tb\n',
      'models/gold/a.sql': 'select 1 as x',
    });
    expect(runTbSync(['parse'], dir).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'tb', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.nodes)).toEqual(['model.shop.a']);
    const compile = runTbSync(['compile', '--quiet'], dir);
    expect(compile.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'tb', 'compiled', 'shop', 'models', 'gold', 'a.sql'), 'utf8')).toBe(
      'select 1 as x\n',
    );
    expect(compile.out).toContain('into out/tb/compiled');
    expect(existsSync(join(dir, 'target'))).toBe(false);
  });

  it('on-run-start runs before the models and on-run-end after, rendered with the run context', () => {
    const dir = writeProject({
      'project.yml': `name: shop
profile: shop
on-run-start:
  - "create table if not exists main.audit (step text, target text, models integer)"
  - "insert into main.audit values ('start', '{{ target.name }}', (select count(*) from sqlite_master where name = 'a'))"
on-run-end: "insert into main.audit values ('end', '{{ target.name }}', (select count(*) from main.a))"
models:
  shop:
    +materialized: table
`,
      'models/a.sql': 'select 1 as x union all select 2',
    });
    const r = runTbSync(['run'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // At the start the model's table did not exist yet; at the end it held its 2 rows.
    expect(query(dir, 'select step, target, models from audit order by rowid')).toEqual([
      { step: 'start', target: 'default', models: 0 },
      { step: 'end', target: 'default', models: 2 },
    ]);
  });

  it('seed-paths: tb seed loads the CSV files of the given folder', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\nseed-paths: [data]\n',
      'data/wards.csv': 'id,name\n1,Nakano\n2,Suginami\n',
      'seeds/decoy.csv': 'id\n1\n',
    });
    const r = runTbSync(['seed'], dir);
    expect(r.code).toBe(0);
    expect(query(dir, 'select id, name from wards order by id')).toEqual([
      { id: 1, name: 'Nakano' },
      { id: 2, name: 'Suginami' },
    ]);
    expect(query(dir, "select name from sqlite_master where name = 'decoy'")).toEqual([]);
  });

  it('env_var in project.yml takes the process environment: +schema from the variable, else the default', () => {
    const dir = writeProject({
      'project.yml': `name: shop
profile: shop
models:
  shop:
    +schema: "{{ env_var('TB_TEST_LAYER', 'silver') }}"
`,
      'models/a.sql': 'select 1 as x',
    });
    const unset = runTbSync(['ls', '--output', 'json'], dir, { TB_TEST_LAYER: undefined });
    expect(JSON.parse(unset.out)).toMatchObject({ unique_id: 'model.shop.a', config: { schema: 'silver' } });
    const set = runTbSync(['ls', '--output', 'json'], dir, { TB_TEST_LAYER: 'gold_dev' });
    expect(JSON.parse(set.out)).toMatchObject({ unique_id: 'model.shop.a', config: { schema: 'gold_dev' } });
  });
});
