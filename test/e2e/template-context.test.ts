import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLines, runTbSync } from '../helpers/spawn-tb';
import { writeProject } from '../helpers/temp-project';

/** What a person sees of log(), raise_compiler_error and invocation_id when running the real executable. */
describe('template context through tb', () => {
  it('log(..., info=True) prints the message; a plain log() only with --debug', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\n',
      'models/a.sql': "{{ log('checking ' ~ this.name, info=True) }}{{ log('fine detail') }}select 1 as x",
    });
    const json = runTbSync(['compile', '--log-format', 'json'], dir);
    expect(json.code).toBe(0);
    const logged = jsonLines(json.out).filter((e) => e.event === 'template_log');
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.every((e) => e.level === 'info' && e.msg === 'checking a')).toBe(true);

    const text = runTbSync(['compile', '--quiet'], dir);
    expect(text.out).toMatch(/ {2}checking a\n/);
    expect(text.out).not.toContain('fine detail');

    const debug = runTbSync(['compile', '--log-format', 'json', '--debug'], dir);
    expect(jsonLines(debug.out)).toContainEqual(
      expect.objectContaining({ level: 'debug', event: 'template_log', msg: 'fine detail' }),
    );
  });

  it('exceptions.raise_compiler_error exits 1 with the message and the file and line', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\n',
      'models/ok.sql': 'select 1 as x',
      'models/gold/bad.sql':
        "select 1\n{{ exceptions.raise_compiler_error('rent must be positive, got ' ~ var('rent', -5)) }}",
    });
    const r = runTbSync(['compile'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^models\/gold\/bad\.sql:2(:\d+)?: \[TB206\] rent must be positive, got -5$/m);
    expect(runTbSync(['compile', '--quiet', '--vars', '{rent: 3}'], dir).err).toContain(
      'rent must be positive, got 3',
    );
  });

  it('invocation_id is the same in every model of one run and new in the next run', () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\n',
      'models/a.sql': "select '{{ invocation_id }}' as id",
      'models/sub/b.sql': "select '{{ invocation_id }}' as id from {{ ref('a') }}",
    });
    const compiledId = (model: string) => {
      const sql = readFileSync(join(dir, 'target', 'compiled', 'shop', 'models', `${model}.sql`), 'utf8');
      return /'([0-9a-f-]{36})'/.exec(sql)![1];
    };
    expect(runTbSync(['compile'], dir).code).toBe(0);
    const first = compiledId('a');
    expect(compiledId('sub/b')).toBe(first);
    expect(runTbSync(['compile'], dir).code).toBe(0);
    const second = compiledId('a');
    expect(compiledId('sub/b')).toBe(second);
    expect(second).not.toBe(first);
  });
});
