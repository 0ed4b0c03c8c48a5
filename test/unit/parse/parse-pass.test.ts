import { loadProject } from '../../../src/project/load-project';
import { PROJECT_YML, writeProject } from '../../helpers/temp-project';

const SOURCES = 'version: 2\nsources:\n  - name: pms\n    schema: staging\n    tables: [{name: rooms}]\n';

describe('the parse pass', () => {
  it('records refs, sources and config() without a database, and resolves config precedence', () => {
    const dir = writeProject({
      'project.yml':
        'name: shop\nmodels:\n  shop:\n    +tags: [nightly]\n    gold:\n      +schema: gold\n      +tags: [gold]\n',
      'models/sources.yml': SOURCES,
      'models/silver/rooms.sql': "select * from {{ source('pms', 'rooms') }}",
      'models/gold/g.sql':
        "{{ config(materialized='incremental', unique_key=['a', 'b'], tags=['late']) }}\n{% if execute %}select * from {{ ref('rooms') }}{% endif %}",
      'models/gold/g.yml':
        'version: 2\nmodels:\n  - name: g\n    description: gold g\n    config: {materialized: view, alias: g_final}\n',
    });
    const { manifest } = loadProject({ projectDir: dir, env: {} });
    const g = manifest.nodes['model.shop.g'];
    // File config() beats the properties YAML, which beats the project tree; tags accumulate.
    expect(g.config).toMatchObject({
      materialized: 'incremental',
      unique_key: ['a', 'b'],
      schema: 'gold',
      alias: 'g_final',
    });
    expect(g.tags).toEqual(['nightly', 'gold', 'late']);
    expect(g).toMatchObject({
      schema: 'gold',
      alias: 'g_final',
      description: 'gold g',
      fqn: ['shop', 'gold', 'g'],
    });
    // `execute` is false in the parse pass, so refs inside `if execute` are not recorded (as in dbt).
    expect(g.dependsOn.nodes).toEqual([]);
    const rooms = manifest.nodes['model.shop.rooms'];
    expect(rooms.dependsOn.nodes).toEqual(['source.shop.pms.rooms']);
    expect(manifest.childMap['source.shop.pms.rooms']).toEqual(['model.shop.rooms']);
    expect(rooms.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("uses the project's generate_schema_name macro instead of the builtin rule", () => {
    const dir = writeProject({
      'project.yml': PROJECT_YML,
      'macros/schema.sql':
        '{% macro generate_schema_name(custom, node) %}{{ target.schema }}_{{ custom or "default" }}{% endmacro %}',
      'models/silver/a.sql': 'select 1',
      'models/b.sql': 'select 2',
    });
    const { manifest } = loadProject({ projectDir: dir, env: {} });
    expect(manifest.nodes['model.shop.a'].schema).toBe('main_silver');
    expect(manifest.nodes['model.shop.b'].schema).toBe('main_default');
  });

  it('reads seeds, snapshots, singular tests and disabled models', () => {
    const dir = writeProject({
      'project.yml': PROJECT_YML + 'seeds:\n  shop:\n    +schema: seeds\n',
      'seeds/codes.csv': 'code,label\n1,a\n',
      'snapshots/snap.sql':
        "{% snapshot rooms_snapshot %}\n{{ config(strategy='check', unique_key='id', check_cols=['rent']) }}\nselect * from {{ ref('codes') }}\n{% endsnapshot %}\n",
      'tests/no_negative.sql': "select * from {{ ref('codes') }} where code < 0",
      'models/off.sql': '{{ config(enabled=false) }}select 1',
    });
    const { manifest } = loadProject({ projectDir: dir, env: {} });
    expect(manifest.nodes['seed.shop.codes']).toMatchObject({ schema: 'seeds', alias: 'codes' });
    expect(manifest.nodes['snapshot.shop.rooms_snapshot']).toMatchObject({
      config: expect.objectContaining({ strategy: 'check', check_cols: ['rent'], materialized: 'snapshot' }),
      dependsOn: { nodes: ['seed.shop.codes'], macros: [] },
    });
    expect(manifest.nodes['test.shop.no_negative'].dependsOn.nodes).toEqual(['seed.shop.codes']);
    expect(manifest.nodes['model.shop.off']).toBeUndefined();
  });

  it('points a ref to a disabled model at the model', () => {
    const dir = writeProject({
      'project.yml': PROJECT_YML,
      'models/off.sql': '{{ config(enabled=false) }}select 1',
      'models/on.sql': "select * from {{ ref('off') }}",
    });
    expect(() => loadProject({ projectDir: dir, env: {} })).toThrow(
      expect.objectContaining({
        code: 'TB203',
        message: "ref('off') points at a disabled node",
        file: 'models/on.sql',
        line: 1,
      }),
    );
  });
});
