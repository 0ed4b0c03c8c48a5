import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTb } from '../helpers/spawn-tb';
import { PROJECT_YML, writeProject } from '../helpers/temp-project';

// Separate processes, as in use: within one process V8's own compilation cache would hide whether the
// code cache on disk was accepted.
describe('partial parsing across tb processes', () => {
  const compile = async (dir: string) => {
    const r = await runTb(['compile', '--quiet'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  };
  const project = () =>
    writeProject({
      'project.yml': PROJECT_YML,
      'models/silver/rooms.sql': "select {{ var('n', 1) }} as id",
      'models/gold/summary.sql': "select count(*) as n from {{ ref('rooms') }}",
    });
  const compiled = (dir: string, file: string) => join(dir, 'target', 'compiled', 'shop', 'models', file);

  it("keeps V8's code cache, which the next process accepts as it is", async () => {
    const dir = project();
    await compile(dir);
    const v8Path = join(dir, 'target', 'partial_parse.v8');
    const first = readFileSync(v8Path);
    expect(first.length).toBeGreaterThan(0);
    // Accepted and nothing changed: not written again (a rejected or missing cache would be).
    await compile(dir);
    expect(readFileSync(v8Path).equals(first)).toBe(true);
  });

  it('compiles afresh when the code cache is garbage, and replaces it', async () => {
    const dir = project();
    await compile(dir);
    const v8Path = join(dir, 'target', 'partial_parse.v8');
    const garbage = Buffer.alloc(readFileSync(v8Path).length, 7);
    writeFileSync(v8Path, garbage);
    await compile(dir);
    expect(readFileSync(compiled(dir, 'gold/summary.sql'), 'utf8')).toBe(
      'select count(*) as n from "silver"."rooms"\n',
    );
    const replaced = readFileSync(v8Path);
    expect(replaced.equals(garbage)).toBe(false);
    await compile(dir);
    expect(readFileSync(v8Path).equals(replaced)).toBe(true);
  });

  it('rewrites only the compiled files whose text changed', async () => {
    const dir = project();
    await compile(dir);
    const before = (file: string) => statSync(compiled(dir, file), { bigint: true }).mtimeNs;
    const rooms = before('silver/rooms.sql');
    const summary = before('gold/summary.sql');
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(dir, 'models', 'silver', 'rooms.sql'), "select {{ var('n', 2) }} as id");
    await compile(dir);
    expect(readFileSync(compiled(dir, 'silver/rooms.sql'), 'utf8')).toBe('select 2 as id\n');
    expect(before('silver/rooms.sql')).not.toBe(rooms);
    expect(before('gold/summary.sql')).toBe(summary);
  });
});
