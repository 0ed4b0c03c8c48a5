import { loadProject } from '../../../src/project/load-project';
import { ProjectCompiler } from '../../../src/compile/node-compiler';
import { PROJECT_YML, writeProject } from '../../helpers/temp-project';

const SOURCES = `version: 2
sources:
  - name: pms
    schema: staging
    tables: [{name: rooms}, {name: movings}]
`;

function compile(
  files: Record<string, string>,
  id: string,
  opts: { target?: string; vars?: string; incremental?: boolean } = {},
) {
  const dir = writeProject({ 'project.yml': PROJECT_YML, 'models/sources.yml': SOURCES, ...files });
  const project = loadProject({ projectDir: dir, target: opts.target, vars: opts.vars });
  return {
    project,
    sql: new ProjectCompiler(project).compile(id, {
      isIncremental: opts.incremental ?? false,
      fullRefresh: false,
    }).compiledSql,
  };
}

const PROFILES = `shop:
  target: lite
  outputs:
    lite: {type: sqlite, path: wh}
    prod: {type: mysql, host: 127.0.0.1, database: analytics}
`;

describe('runtime render', () => {
  it('resolves ref and source to schema-qualified relations quoted for the engine', () => {
    const files = {
      'profiles.yml': PROFILES,
      'models/silver/rooms.sql': 'select * from {{ source("pms", "rooms") }}',
      'models/gold/g.sql': 'select * from {{ ref("rooms") }}',
    };
    expect(compile(files, 'model.shop.g').sql).toBe('select * from "silver"."rooms"');
    expect(compile(files, 'model.shop.g', { target: 'prod' }).sql).toBe('select * from `silver`.`rooms`');
    expect(compile(files, 'model.shop.rooms', { target: 'prod' }).sql).toBe(
      'select * from `staging`.`rooms`',
    );
  });

  it('inlines ephemeral parents as CTEs, joining an existing WITH list', () => {
    const { sql } = compile(
      {
        'models/silver/base.sql': "{{ config(materialized='ephemeral') }}select 1 as a",
        'models/silver/mid.sql': "{{ config(materialized='ephemeral') }}select a from {{ ref('base') }}",
        'models/gold/top.sql': "with t as (select * from {{ ref('mid') }}) select * from t",
      },
      'model.shop.top',
    );
    expect(sql).toBe(
      'with __tb__cte__base as (\nselect 1 as a\n),\n__tb__cte__mid as (\nselect a from __tb__cte__base\n),\nt as (select * from __tb__cte__mid) select * from t',
    );
  });

  it('gives vars from the project, overridden by --vars, and fails on a missing var with its line', () => {
    const files = {
      'project.yml': PROJECT_YML + 'vars:\n  as_of: "2026-01-01"\n  n: 3\n',
      'models/a.sql': "select '{{ var('as_of') }}' as d, {{ var('n') }} as n, {{ var('missing', 7) }} as m",
    };
    expect(compile(files, 'model.shop.a').sql).toBe("select '2026-01-01' as d, 3 as n, 7 as m");
    expect(compile(files, 'model.shop.a', { vars: '{as_of: 2026-02-05}' }).sql).toBe(
      "select '2026-02-05' as d, 3 as n, 7 as m",
    );
    expect(() =>
      compile({ 'models/b.sql': "select 1\nfrom x where {{ var('nope') }}" }, 'model.shop.b'),
    ).toThrow(expect.objectContaining({ code: 'TB207', file: 'models/b.sql', line: 2 }));
  });

  it('supports Jinja as dbt projects use it: set, for with loop.last, do, return, whitespace control', () => {
    const { sql } = compile(
      {
        'macros/cols.sql': `{% macro cols(prefix) %}{% set out = [] %}{% for c in ['a', 'b', 'c'] %}{% do out.append(prefix ~ c) %}{% endfor %}{{ return(out) }}{% endmacro %}`,
        'models/a.sql': `{%- set cs = cols('x_') -%}
select {% for c in cs %}{{ c | upper }}{% if not loop.last %}, {% endif %}{% endfor %} {# comment #}
{%- if 'ab'.startswith('a') and None is none %} -- ok{% endif %}`,
      },
      'model.shop.a',
    );
    // The space before the comment stays; `{%-` strips only the newline after it, as Jinja does.
    expect(sql).toBe('select X_A, X_B, X_C  -- ok');
  });

  it('dispatches cross-database macros by adapter, and a project macro overrides a builtin', () => {
    const files = {
      'profiles.yml': PROFILES,
      'models/a.sql': "select {{ datediff('a', 'b', 'day') }} as d, {{ dateadd('day', 1, 'x') }} as e",
    };
    expect(compile(files, 'model.shop.a').sql).toBe(
      "select cast(julianday(date(b)) - julianday(date(a)) as integer) as d, date(x, (1) || ' day') as e",
    );
    expect(compile(files, 'model.shop.a', { target: 'prod' }).sql).toBe(
      'select timestampdiff(day, a, b) as d, date_add(x, interval (1) day) as e',
    );
    const overridden = compile(
      {
        ...files,
        'macros/my.sql': '{% macro sqlite__datediff(a, b, part) %}my_diff({{ a }}, {{ b }}){% endmacro %}',
      },
      'model.shop.a',
    );
    expect(overridden.sql).toContain('my_diff(a, b) as d');
  });

  it('exposes this, target and is_incremental', () => {
    const files = {
      'models/gold/inc.sql':
        "{{ config(materialized='incremental') }}select 1 from {{ this }}{% if is_incremental() %} where x > (select max(x) from {{ this }}){% endif %} -- {{ target.type }}/{{ target.schema }}",
    };
    expect(compile(files, 'model.shop.inc').sql).toBe('select 1 from "gold"."inc" -- sqlite/main');
    expect(compile(files, 'model.shop.inc', { incremental: true }).sql).toBe(
      'select 1 from "gold"."inc" where x > (select max(x) from "gold"."inc") -- sqlite/main',
    );
  });

  it('renders generic tests against their model, with a where filter and refs in arguments', () => {
    const { project } = compile(
      {
        'models/silver/rooms.sql': 'select 1 as id',
        'models/gold/moves.sql': 'select 1 as room_id',
        'models/schema.yml': `version: 2
models:
  - name: moves
    columns:
      - name: room_id
        tests:
          - relationships: {to: ref('rooms'), field: id, config: {where: "room_id > 0", severity: warn}}
`,
      },
      'model.shop.moves',
    );
    const test = Object.values(project.manifest.nodes).find((n) => n.resourceType === 'test')!;
    expect(test.name).toBe('relationships_moves_room_id__id__ref_rooms_');
    expect(test.config.severity).toBe('warn');
    expect(project.manifest.parentMap[test.uniqueId]).toEqual(['model.shop.moves', 'model.shop.rooms']);
    const sql = new ProjectCompiler(project).compile(test.uniqueId, {
      isIncremental: false,
      fullRefresh: false,
    }).compiledSql;
    expect(sql).toContain('from (select * from "gold"."moves" where room_id > 0) tb_subquery\n');
    expect(sql).toContain('select id as to_field\n    from "silver"."rooms"');
  });
});
