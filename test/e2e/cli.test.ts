import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTbSync } from '../helpers/spawn-tb';
import { PROJECT_YML, writeProject } from '../helpers/temp-project';

const tb = (args: string[], cwd: string) => runTbSync(args, cwd);

describe('tb executable', () => {
  const dir = writeProject({
    'project.yml': PROJECT_YML,
    'models/silver/rooms.sql': 'select 1 as id',
    'models/gold/summary.sql': "select count(*) as n from {{ ref('rooms') }}",
    'models/gold/schema.yml':
      'version: 2\nmodels:\n  - name: summary\n    columns:\n      - name: n\n        tests: [not_null]\n',
  });

  it('parses, writes the manifest and lists with every output format', () => {
    const parse = tb(['parse'], dir);
    expect(parse.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8'));
    expect(manifest.parentMap['model.shop.summary']).toEqual(['model.shop.rooms']);
    expect(manifest.childMap['model.shop.rooms']).toEqual(['model.shop.summary']);
    expect(tb(['ls', '--select', '+summary', '--output', 'name'], dir).out.trim().split('\n')).toEqual([
      'rooms',
      'summary',
      'not_null_summary_n',
    ]);
    expect(tb(['ls', '-s', 'gold', '--resource-type', 'model', '--output', 'path'], dir).out.trim()).toBe(
      'models/gold/summary.sql',
    );
    const json = JSON.parse(tb(['ls', '-s', 'rooms', '--output', 'json'], dir).out);
    expect(json).toMatchObject({
      name: 'rooms',
      unique_id: 'model.shop.rooms',
      config: { materialized: 'table', schema: 'silver' },
    });
  });

  it('compiles to target/compiled and prints a single node', () => {
    const r = tb(['compile', '-s', 'summary', '--exclude', 'test_type:generic'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('select count(*) as n from "silver"."rooms"');
    expect(existsSync(join(dir, 'target', 'compiled', 'shop', 'models', 'gold', 'summary.sql'))).toBe(true);
  });

  it('speaks JSON lines with --log-format json', () => {
    const r = tb(['parse', '--log-format', 'json'], dir);
    const event = JSON.parse(r.out.trim().split('\n').pop()!);
    expect(event).toMatchObject({ level: 'info', event: 'parse_finished', nodes: 3, sources: 0 });
  });

  it('selects state:modified against a saved manifest', () => {
    const state = writeProject({
      'project.yml': PROJECT_YML,
      'models/silver/rooms.sql': 'select 1 as id',
      'models/gold/summary.sql': "select count(*) as n from {{ ref('rooms') }}",
    });
    expect(tb(['parse'], state).code).toBe(0);
    const changed = writeProject({
      'project.yml': PROJECT_YML,
      'models/silver/rooms.sql': 'select 2 as id',
      'models/gold/summary.sql': "select count(*) as n from {{ ref('rooms') }}",
    });
    const r = tb(
      ['ls', '-s', 'state:modified+', '--state', join(state, 'target'), '--output', 'name'],
      changed,
    );
    expect(r.out.trim().split('\n')).toEqual(['rooms', 'summary']);
    const only = tb(
      ['ls', '-s', 'state:modified', '--state', join(state, 'target'), '--output', 'name'],
      changed,
    );
    expect(only.out.trim()).toBe('rooms');
  });

  it('exits 1 with every project error, and 2 on a usage error', () => {
    const broken = tb(
      ['parse', '--project-dir', join(__dirname, '..', 'fixtures', 'projects', 'broken')],
      dir,
    );
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('12 errors found in the project');
    expect(broken.err).toContain(
      "models/a/refs.sql:2:9: [TB203] ref('dupp') matches no model, seed or snapshot",
    );
    expect(tb(['parse', '--no-such-flag'], dir).code).toBe(2);
  });

  it('warns on stderr about a selector that matches nothing, keeping stdout to the listing', () => {
    const r = tb(['ls', '-s', 'silvr', 'rooms', '--output', 'name'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toBe('rooms\n');
    expect(r.err).toContain("The selection criterion 'silvr' does not match any enabled nodes");
    expect(r.err).not.toContain("'rooms'");
    const json = tb(['ls', '-s', 'tag:nope', '--log-format', 'json'], dir);
    expect(json.out).toBe('');
    expect(JSON.parse(json.err.trim())).toMatchObject({
      level: 'warn',
      event: 'selector_no_match',
      selector: 'tag:nope',
    });
  });

  it('exits 2, naming the argument, on every bad command-line value', () => {
    const usage: [string[], string][] = [
      [['ls', '-s', 'tagg:x'], `[TB302] Invalid selector "tagg:x"`],
      [['ls', '--vars', '{a: [1'], '[TB106] --vars is not valid YAML or JSON'],
      [['ls', '--vars', '[1, 2]'], '[TB106] --vars must be a mapping'],
      [['ls', '-s', 'state:modified', '--state', join(dir, 'no-such-folder')], 'no manifest.json there'],
      [['ls', '--output', 'bogus'], 'Allowed choices are name, path, selector, json'],
      [['ls', '--resource-type', 'modle'], "argument 'modle' is invalid"],
      [['ls', '--threads', '0'], "argument '0' is invalid"],
      [['ls', '--log-format', 'xml'], 'Allowed choices are text, json'],
    ];
    for (const [args, message] of usage) {
      const r = tb(args, dir);
      expect({ args, code: r.code, err: r.err }).toMatchObject({
        args,
        code: 2,
        err: expect.stringContaining(message),
      });
    }
    expect(
      tb(['ls', '--resource-type', 'model', 'test', '--output', 'name'], dir).out.trim().split('\n'),
    ).toEqual(['rooms', 'summary', 'not_null_summary_n']);
  });
});
