import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTbSync } from '../helpers/spawn-tb';

const REPO = join(__dirname, '..', '..');
const PROJECT = ['project.yml', 'profiles.yml', 'models', 'macros', 'seeds', 'tests'];
const GOLD = [
  'daily_activity_summary',
  'moveout_analysis',
  'moveout_notices',
  'moveout_summary',
  'moveouts',
  'new_contracts',
];

/** The README's first command: the whole job on the embedded default, from a copy of this project. */
describe('tb demo', () => {
  it('generates a dump, loads it, builds and tests everything on SQLite, and summarises gold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-demo-'));
    for (const path of PROJECT) cpSync(join(REPO, path), join(dir, path), { recursive: true });
    const r = runTbSync(['demo', '--scale', '0.005'], dir, { TB_TARGET: undefined });
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(r.out).toMatch(/PASS=\d+ WARN=\d+ ERROR=0 SKIP=0 TOTAL=\d+/);
    for (const table of GOLD) {
      const row = new RegExp(`\\| gold\\.${table} +\\| +(\\d+) \\|`).exec(r.out);
      expect({ table, rows: Number(row?.[1] ?? 0) > 0 }).toEqual({ table, rows: true });
    }
    expect(r.out).toContain('by tenant type');
  });
});
