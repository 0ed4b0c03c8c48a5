import type { Adapter } from '../../../src/adapters/adapter';
import { ProjectCompiler } from '../../../src/compile/node-compiler';
import { parseProject } from '../../../src/parse/parse-project';
import { runSnapshot, type SnapshotResult } from '../../../src/snapshot';
import type { TestWarehouse } from '../../helpers/targets';
import { writeProject } from '../../helpers/temp-project';

/** Snapshot files of the suite: each reads its own raw table, so the scenarios never share state. */
export function snapshotFiles(raw: string, snapSchema: string): Record<string, string> {
  const src = (t: string) => `select * from {{ source('raw', '${t}') }}`;
  return {
    'project.yml': 'name: snap\n',
    'models/sources.yml': `version: 2
sources:
  - name: raw
    schema: ${raw}
    tables: [{name: ts_ignore}, {name: ts_invalidate}, {name: check_new}, {name: pairs}, {name: dup}]
`,
    'snapshots/ts_ignore.sql': `{% snapshot ts_ignore_snap %}
{{ config(strategy='timestamp', unique_key='id', updated_at='updated_at') }}
${src('ts_ignore')}
{% endsnapshot %}`,
    'snapshots/ts_invalidate.sql': `{% snapshot ts_invalidate_snap %}
{{ config(strategy='timestamp', unique_key='id', updated_at='updated_at', invalidate_hard_deletes=true,
          target_schema='${snapSchema}') }}
${src('ts_invalidate')}
{% endsnapshot %}`,
    'snapshots/check_new.sql': `{% snapshot check_new_snap %}
{{ config(strategy='check', unique_key='id', check_cols=['status', 'rent'], hard_deletes='new_record') }}
select id, status, rent, tenant_id from {{ source('raw', 'check_new') }}
{% endsnapshot %}`,
    'snapshots/pairs.sql': `{% snapshot pairs_snap %}
{{ config(strategy='check', unique_key=['tenant_id', 'room_id'], check_cols='all', hard_deletes='invalidate') }}
${src('pairs')}
{% endsnapshot %}`,
    'snapshots/dup.sql': `{% snapshot dup_snap %}
{{ config(strategy='timestamp', unique_key='id', updated_at='updated_at') }}
${src('dup')}
{% endsnapshot %}`,
  };
}

export interface SnapshotHarness {
  /** Runs a snapshot as of `2026-02-0<day> 00:30:00` UTC. */
  snap(name: string, day: number): Promise<SnapshotResult>;
  /** Every row of a table, the given columns, ordered. */
  rows(schema: string, table: string, columns: string, orderBy: string): Promise<Record<string, unknown>[]>;
  sql(text: string): Promise<void>;
  rel(schema: string, table: string): string;
}

export function snapshotHarness(wh: TestWarehouse, raw: string, snapSchema: string): SnapshotHarness {
  const dir = writeProject(snapshotFiles(raw, snapSchema));
  const project = parseProject({ projectDir: dir, target: wh.target, env: {} });
  const compiler = new ProjectCompiler(project);
  const adapter: Adapter = wh.adapter;
  const rel = (schema: string, table: string) => adapter.quoteRelation({ schema, name: table });
  return {
    snap: (name, day) =>
      runSnapshot(
        adapter,
        compiler.compile(`snapshot.snap.${name}`, { isIncremental: false, fullRefresh: false }),
        {
          now: new Date(`2026-02-0${day}T00:30:00Z`),
        },
      ),
    rows: async (schema, table, columns, orderBy) =>
      (await adapter.execute(`SELECT ${columns} FROM ${rel(schema, table)} ORDER BY ${orderBy}`)).rows.map(
        (r) => ({
          ...r,
        }),
      ),
    sql: async (text) => {
      await adapter.execute(text);
    },
    rel,
  };
}
