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
      // A {% %} tag: this template goes through nunjucks' compiler and the code cache (see static-template).
      'models/silver/rooms.sql': "{% set n = var('n', 1) %}select {{ n }} as id",
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
    writeFileSync(
      join(dir, 'models', 'silver', 'rooms.sql'),
      "{% set n = var('n', 2) %}select {{ n }} as id",
    );
    await compile(dir);
    expect(readFileSync(compiled(dir, 'silver/rooms.sql'), 'utf8')).toBe('select 2 as id\n');
    expect(before('silver/rooms.sql')).not.toBe(rooms);
    expect(before('gold/summary.sql')).toBe(summary);
  });

  it('reads a properties file again when it changes, and not otherwise', async () => {
    const dir = project();
    const schema = (description: string) =>
      `version: 2\nmodels:\n  - name: rooms\n    description: ${description}\n`;
    const description = () =>
      (
        JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8')) as {
          nodes: Record<string, { description: string }>;
        }
      ).nodes['model.shop.rooms'].description;
    writeFileSync(join(dir, 'models', 'schema.yml'), schema('部屋 v1'));
    await compile(dir);
    const cachePath = join(dir, 'target', 'partial_parse_yaml.v8');
    const cached = readFileSync(cachePath);
    await compile(dir);
    expect(description()).toBe('部屋 v1');
    expect(readFileSync(cachePath).equals(cached)).toBe(true); // used as it was
    writeFileSync(join(dir, 'models', 'schema.yml'), schema('部屋 v2'));
    await compile(dir);
    expect(description()).toBe('部屋 v2');
  });
});
