import { ProjectCompiler } from '../../../src/compile/node-compiler';
import { createMemoryLogger } from '../../../src/core/logger';
import { parseProject } from '../../../src/parse/parse-project';
import { loadProject, type ProjectOptions } from '../../../src/project/load-project';
import { writeProject } from '../../helpers/temp-project';

/** What a model's template sees besides ref/source/config: log, exceptions, run facts, env, target, dispatch. */
const PROJECT = 'name: shop\nprofile: shop\n';

const PROFILES = `shop:
  target: lite
  outputs:
    lite: {type: sqlite, path: wh}
    other: {type: sqlite, path: wh2}
    prod: {type: mysql, host: 127.0.0.1, database: analytics}
`;

const RUNTIME = { isIncremental: false, fullRefresh: false };

function compiled(dir: string, model: string, options: Omit<ProjectOptions, 'projectDir'> = {}): string {
  const project = loadProject({ projectDir: dir, partialParse: false, ...options });
  return new ProjectCompiler(project).compile(`model.shop.${model}`, RUNTIME).compiledSql;
}

describe('template context in models', () => {
  it('log() sends the message to the logger: info with info=True, debug otherwise', () => {
    const dir = writeProject({
      'project.yml': PROJECT,
      'models/a.sql': "{{ log('building ' ~ this.name, info=True) }}{{ log('details') }}select 1 as x",
    });
    const logger = createMemoryLogger();
    const project = loadProject({ projectDir: dir, logger, partialParse: false });
    const sql = new ProjectCompiler(project).compile('model.shop.a', RUNTIME).compiledSql;
    // log() renders to nothing.
    expect(sql).toBe('select 1 as x');
    const logged = logger.events.filter((e) => e.event === 'template_log');
    expect(logged).toContainEqual(expect.objectContaining({ level: 'info', msg: 'building a' }));
    expect(logged).toContainEqual(expect.objectContaining({ level: 'debug', msg: 'details' }));
    expect(logged.filter((e) => e.msg === 'details').every((e) => e.level === 'debug')).toBe(true);
  });

  it('exceptions.raise_compiler_error stops with the message, the code and the file', () => {
    const dir = writeProject({
      'project.yml': PROJECT,
      'models/ok.sql': 'select 1 as x',
      'models/sub/bad.sql':
        "select 1\n{% if var('price', -1) < 0 %}{{ exceptions.raise_compiler_error('price must be positive') }}{% endif %}",
    });
    let error: unknown;
    try {
      loadProject({ projectDir: dir, partialParse: false });
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'TB206', file: 'models/sub/bad.sql', line: 2 });
    expect((error as Error).message).toBe('price must be positive');
    expect((error as { format(): string }).format()).toContain('models/sub/bad.sql:2:');
    // The condition off: the same file compiles.
    expect(compiled(dir, 'bad', { vars: '{price: 3}' })).toBe('select 1');
  });

  it('run_started_at is the run start in UTC, printable and with strftime and isoformat', () => {
    const dir = writeProject({
      'project.yml': PROJECT,
      'models/a.sql':
        "select '{{ run_started_at }}' as s, '{{ run_started_at.strftime(\"%Y-%m-%d %H:%M:%S\") }}' as f, '{{ run_started_at.isoformat() }}' as iso",
    });
    const project = parseProject({
      projectDir: dir,
      target: { name: 'lite', type: 'sqlite', path: `${dir}/wh`, schema: 'main', threads: 1 },
      runStartedAt: new Date('2024-03-05T06:07:08.250Z'),
      partialParse: false,
    });
    expect(new ProjectCompiler(project).compile('model.shop.a', RUNTIME).compiledSql).toBe(
      "select '2024-03-05 06:07:08.250+00:00' as s, '2024-03-05 06:07:08' as f, '2024-03-05T06:07:08.250Z' as iso",
    );
  });

  it('invocation_id is one value for every model of an invocation, a new one for the next invocation', () => {
    const dir = writeProject({
      'project.yml': PROJECT,
      'models/a.sql': "select '{{ invocation_id }}' as id",
      'models/b.sql': "select '{{ invocation_id }}' as id from {{ ref('a') }}",
    });
    const idOf = (sql: string) => /'([^']+)'/.exec(sql)![1];
    const first = loadProject({ projectDir: dir, partialParse: false });
    const c1 = new ProjectCompiler(first);
    const a1 = idOf(c1.compile('model.shop.a', RUNTIME).compiledSql);
    const b1 = idOf(c1.compile('model.shop.b', RUNTIME).compiledSql);
    expect(a1).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(b1).toBe(a1);
    expect(first.manifest.metadata.invocationId).toBe(a1);
    const second = loadProject({ projectDir: dir, partialParse: false });
    const a2 = idOf(new ProjectCompiler(second).compile('model.shop.a', RUNTIME).compiledSql);
    expect(a2).not.toBe(a1);
    expect(second.manifest.metadata.invocationId).toBe(a2);
  });

  it("env_var('X', 'default') in a model reads the environment, else the default; no default is an error", () => {
    const dir = writeProject({
      'project.yml': PROJECT,
      'models/a.sql': "select '{{ env_var('TB_TEST_REGION', 'tokyo') }}' as region",
      'models/b.sql': "select '{{ env_var('TB_TEST_REQUIRED') }}' as x",
    });
    const env = { TB_TEST_REQUIRED: 'here' };
    expect(compiled(dir, 'a', { env: { ...env, TB_TEST_REGION: 'osaka' } })).toBe("select 'osaka' as region");
    expect(compiled(dir, 'a', { env })).toBe("select 'tokyo' as region");
    // Set to the empty string is set: the default is not used.
    expect(compiled(dir, 'a', { env: { ...env, TB_TEST_REGION: '' } })).toBe("select '' as region");
    expect(() => loadProject({ projectDir: dir, env: {}, partialParse: false })).toThrow(
      expect.objectContaining({ code: 'TB208', file: 'models/b.sql' }),
    );
  });

  it('target.name is the selected output of the profile', () => {
    const model = "select '{{ target.name }}' as t, '{{ target.type }}' as ty";
    const withProfiles = writeProject({
      'project.yml': PROJECT,
      'profiles.yml': PROFILES,
      'models/a.sql': model,
    });
    expect(compiled(withProfiles, 'a')).toBe("select 'lite' as t, 'sqlite' as ty");
    expect(compiled(withProfiles, 'a', { target: 'other' })).toBe("select 'other' as t, 'sqlite' as ty");
    expect(compiled(withProfiles, 'a', { target: 'prod' })).toBe("select 'prod' as t, 'mysql' as ty");
    const without = writeProject({ 'project.yml': PROJECT, 'models/a.sql': model });
    expect(compiled(without, 'a')).toBe("select 'default' as t, 'sqlite' as ty");
  });

  it("adapter.dispatch('x') picks <adapter>__x when defined, else falls back to default__x", () => {
    const macros = `{% macro greet(who) %}{{ adapter.dispatch('greet')(who) }}{% endmacro %}
{% macro default__greet(who) %}default hello {{ who }}{% endmacro %}
{% macro sqlite__greet(who) %}sqlite hello {{ who }}{% endmacro %}`;
    const dir = writeProject({
      'project.yml': PROJECT,
      'profiles.yml': PROFILES,
      'macros/greet.sql': macros,
      'models/a.sql': "select '{{ greet('kim') }}' as g",
    });
    expect(compiled(dir, 'a')).toBe("select 'sqlite hello kim' as g");
    // No mysql__greet: MySQL falls back to default__greet.
    expect(compiled(dir, 'a', { target: 'prod' })).toBe("select 'default hello kim' as g");
  });

  it('adapter.dispatch fails with a hint when neither <adapter>__x nor default__x exists', () => {
    const dir = writeProject({
      'project.yml': PROJECT,
      'profiles.yml': PROFILES,
      'macros/greet.sql': `{% macro greet() %}{{ adapter.dispatch('greet')() }}{% endmacro %}
{% macro sqlite__greet() %}lite{% endmacro %}`,
      'models/a.sql': "select '{{ greet() }}' as g",
    });
    expect(compiled(dir, 'a')).toBe("select 'lite' as g");
    expect(() => loadProject({ projectDir: dir, target: 'prod', partialParse: false })).toThrow(
      expect.objectContaining({
        code: 'TB206',
        file: 'models/a.sql',
        message: expect.stringContaining("no implementation of macro 'greet' for adapter 'mysql'"),
        hint: 'define mysql__greet or default__greet in a macro file',
      }),
    );
  });
});
