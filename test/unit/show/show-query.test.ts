import { rmSync } from 'node:fs';
import { loadProject } from '../../../src/project/load-project';
import { INLINE_NAME, withInlineNode } from '../../../src/show/inline-node';
import { showQuery } from '../../../src/show/show-query';
import { PROJECT_YML, writeProject } from '../../helpers/temp-project';

describe('showQuery', () => {
  const dir = writeProject({
    'project.yml': PROJECT_YML,
    'models/silver/rooms.sql': 'select 1 as id',
    'models/silver/cheap.sql': "{{ config(materialized='ephemeral') }}\nselect id from {{ ref('rooms') }}",
    'models/gold/growth.sql':
      "{{ config(materialized='incremental') }}\nselect * from {{ ref('rooms') }}\n" +
      '{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}',
    'seeds/plans.csv': 'id,name\n1,basic\n',
  });
  const project = loadProject({ projectDir: dir, env: {} });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders a model as on a first build: no incremental filter', () => {
    const q = showQuery(project, 'model.shop.growth');
    expect(q.node.name).toBe('growth');
    expect(q.compiledSql).toBe('select * from "silver"."rooms"');
  });

  it('inlines ephemeral parents as CTEs', () => {
    expect(showQuery(project, 'model.shop.cheap').compiledSql).toContain('select id from "silver"."rooms"');
  });

  it('reads a seed from its table', () => {
    expect(showQuery(project, 'seed.shop.plans').compiledSql).toBe('select * from "main"."plans"');
  });

  it('renders inline SQL as a template: ref() to real relations, ephemeral refs as CTEs', () => {
    const inline = withInlineNode(
      project,
      "select r.id from {{ ref('rooms') }} r join {{ ref('cheap') }} c on c.id = r.id",
    );
    const q = showQuery(inline.project, inline.uniqueId);
    expect(q.node.name).toBe(INLINE_NAME);
    expect(q.compiledSql).toBe(
      'with __tb__cte__cheap as (\nselect id from "silver"."rooms"\n)\n' +
        'select r.id from "silver"."rooms" r join __tb__cte__cheap c on c.id = r.id',
    );
    // The parsed project itself is left as it was.
    expect(project.manifest.nodes[inline.uniqueId]).toBeUndefined();
  });

  it('reports a ref to an unknown model in inline SQL', () => {
    const inline = withInlineNode(project, "select * from {{ ref('roomz') }}");
    expect(() => showQuery(inline.project, inline.uniqueId)).toThrow(/ref\('roomz'\) is not in the manifest/);
  });
});
