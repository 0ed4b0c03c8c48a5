import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { runTb } from '../helpers/spawn-tb';

const ROOT = join(__dirname, '..', '..');

/**
 * The static parser must not change a single byte of what tb compiles: the project's own models, tests
 * and seeds, plus files written to sit at the subset's edges, compiled with and without it
 * (`--no-static-parser`, dbt's flag of the same name), in separate copies.
 */
describe('tb compile with and without the static parser', () => {
  const EDGE_MODELS: Record<string, string> = {
    'models/edge/plain_refs.sql':
      "{{ config(materialized='table', tags=['edge', 'x']) }}\nselect * from {{ ref('stg_rooms') }} r\n" +
      "join {{ source('pms', 'apartments') }} a on a.id = r.apartment_id -- {{ var('as_of', none) }}\n",
    'models/edge/macro_args.sql':
      "select {{ date_trunc('month', 'created_at') }} as m, {{ datediff('a', 'b', 'day') }} as d,\n" +
      "  {{ concat(['a', \"'-'\", 'b']) }} as c, {{ hash('x') }} as h from {{ ref('stg_rooms') }}\n",
    'models/edge/not_static.sql':
      "{% set cols = ['a', 'b'] %}select {{ cols | join(', ') }} from {{ ref('stg_rooms') }} {# note #}\n",
  };

  const compileCopy = async (flags: string[]): Promise<Map<string, string>> => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-static-'));
    for (const name of ['project.yml', 'profiles.yml', 'models', 'seeds', 'macros', 'tests']) {
      cpSync(join(ROOT, name), join(dir, name), { recursive: true });
    }
    for (const [file, text] of Object.entries(EDGE_MODELS)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const r = await runTb(['compile', '--quiet', '--vars', '{as_of: 2026-02-05}', ...flags], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const root = join(dir, 'target', 'compiled');
    const out = new Map<string, string>();
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.set(relative(root, p), readFileSync(p, 'utf8'));
      }
    };
    walk(root);
    return out;
  };

  it('compiles every file to the same bytes', async () => {
    const [withStatic, without] = await Promise.all([compileCopy([]), compileCopy(['--no-static-parser'])]);
    expect(withStatic.size).toBeGreaterThan(50);
    expect([...withStatic.keys()].sort()).toEqual([...without.keys()].sort());
    for (const [file, text] of withStatic) expect({ file, text }).toEqual({ file, text: without.get(file) });
    expect(withStatic.get('tokyo_beta/models/edge/not_static.sql')).toMatch(/select a, b from/);
  }, 60_000);
});
