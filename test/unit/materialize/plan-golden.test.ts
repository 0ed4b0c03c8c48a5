import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnDef, RelationInfo } from '../../../src/adapters/adapter';
import { mysqlDialect } from '../../../src/adapters/mysql/mysql-dialect';
import type { SqlDialect } from '../../../src/adapters/sql-dialect';
import { sqliteDialect } from '../../../src/adapters/sqlite/sqlite-dialect';
import type { PlanState } from '../../../src/materialize/plan-context';
import { planMaterialization } from '../../../src/materialize/plan-materialization';
import type { RelationNamer } from '../../../src/materialize/relation-names';
import { renderPlan } from '../../../src/materialize/render-plan';
import type { IntrospectedColumns } from '../../../src/materialize/statement';
import type { FakeModel } from './fake-node';
import { compiledNode } from './fake-node';

/**
 * Golden SQL per engine: every materialization and strategy, side by side. Regenerate after an intended
 * change with `UPDATE_GOLDEN=1 npx jest test/unit/materialize`, then review the diff.
 */
const GOLDEN = join(__dirname, '../../fixtures/golden');

const fixedNames: RelationNamer = {
  temp: (t) => ({ schema: t.schema, name: `${t.name}__tb_tmp` }),
  backup: (t) => ({ schema: t.schema, name: `${t.name}__tb_old` }),
  index: (t, i) => i.name ?? `tbix_${t.name}_${i.columns.join('_')}`,
};

const col = (name: string, dataType: string): ColumnDef => ({ name, dataType, nullable: true });
const table = (schema: string, name: string): RelationInfo => ({ schema, name, kind: 'table' });
const view = (schema: string, name: string): RelationInfo => ({ schema, name, kind: 'view' });

const moveouts = `select moveout_date, municipality, count(*) as moveouts
from silver.int_contracts
group by moveout_date, municipality;`;

interface GoldenCase {
  readonly name: string;
  readonly model: FakeModel;
  readonly state: PlanState;
  readonly columns?: (d: SqlDialect) => IntrospectedColumns;
}

const textType = (d: SqlDialect): string => (d === mysqlDialect ? 'text' : 'TEXT');

const cases: GoldenCase[] = [
  {
    name: 'view-new',
    model: { name: 'stg_rooms', schema: 'silver', sql: 'select id, rent from silver.base_rooms' },
    state: { isIncremental: false, upstreamSchemas: ['silver'] },
  },
  {
    name: 'view-over-table',
    model: { name: 'stg_rooms', schema: 'silver', sql: 'select id, rent from silver.base_rooms' },
    state: { isIncremental: false, existing: table('silver', 'stg_rooms'), upstreamSchemas: ['silver'] },
  },
  {
    name: 'view-cross-schema',
    model: { name: 'moveouts_v', schema: 'gold', sql: moveouts },
    state: { isIncremental: false, upstreamSchemas: ['silver'] },
  },
  {
    name: 'table-new-indexes-hooks',
    model: {
      name: 'moveouts',
      schema: 'gold',
      sql: moveouts,
      config: {
        materialized: 'table',
        indexes: [{ columns: ['moveout_date'] }, { columns: ['municipality', 'moveout_date'], unique: true }],
      },
      preHooks: ["set @tb_hook = 'pre'"],
      postHooks: ["insert into gold.audit (model) values ('moveouts')"],
    },
    state: { isIncremental: false },
    columns: (d) => ({
      temp: [col('moveout_date', 'date'), col('municipality', textType(d)), col('moveouts', 'bigint')],
    }),
  },
  {
    name: 'table-replace-leftovers',
    model: { name: 'moveouts', schema: 'gold', sql: moveouts, config: { materialized: 'table' } },
    state: {
      isIncremental: false,
      existing: table('gold', 'moveouts'),
      leftovers: [table('gold', 'moveouts__tb_tmp'), view('gold', 'moveouts__tb_old')],
    },
  },
  {
    name: 'table-over-view',
    model: { name: 'moveouts', schema: 'gold', sql: moveouts, config: { materialized: 'table' } },
    state: { isIncremental: false, existing: view('gold', 'moveouts') },
  },
  {
    name: 'incremental-first-merge',
    model: {
      name: 'events',
      schema: 'silver',
      sql: 'select tenant_id, room_id, status from staging.movings',
      config: {
        materialized: 'incremental',
        incremental_strategy: 'merge',
        unique_key: ['tenant_id', 'room_id'],
      },
    },
    state: { isIncremental: false },
    columns: () => ({ temp: [col('tenant_id', 'int'), col('room_id', 'int'), col('status', 'varchar(20)')] }),
  },
  {
    name: 'incremental-append',
    model: {
      name: 'events',
      schema: 'silver',
      sql: 'select id, status from staging.movings where id > (select max(id) from silver.events)',
      config: { materialized: 'incremental' },
    },
    state: { isIncremental: true, existing: table('silver', 'events') },
    columns: () => ({
      target: [col('id', 'int'), col('status', 'varchar(20)')],
      temp: [col('id', 'int'), col('status', 'varchar(20)')],
    }),
  },
  {
    name: 'incremental-delete-insert-composite',
    model: {
      name: 'events',
      schema: 'silver',
      sql: 'select tenant_id, room_id, status from staging.movings',
      config: {
        materialized: 'incremental',
        incremental_strategy: 'delete+insert',
        unique_key: ['tenant_id', 'room_id'],
      },
    },
    state: { isIncremental: true, existing: table('silver', 'events') },
    columns: () => {
      const cols = [col('tenant_id', 'int'), col('room_id', 'int'), col('status', 'varchar(20)')];
      return { target: cols, temp: cols };
    },
  },
  {
    name: 'incremental-merge-composite',
    model: {
      name: 'events',
      schema: 'silver',
      sql: 'select tenant_id, room_id, status from staging.movings',
      config: {
        materialized: 'incremental',
        incremental_strategy: 'merge',
        unique_key: ['tenant_id', 'room_id'],
      },
    },
    state: { isIncremental: true, existing: table('silver', 'events') },
    columns: () => {
      const cols = [col('tenant_id', 'int'), col('room_id', 'int'), col('status', 'varchar(20)')];
      return { target: cols, temp: cols };
    },
  },
  {
    name: 'incremental-append-new-columns',
    model: {
      name: 'events',
      schema: 'silver',
      sql: 'select id, status, rent from staging.movings',
      config: {
        materialized: 'incremental',
        incremental_strategy: 'merge',
        unique_key: 'id',
        on_schema_change: 'append_new_columns',
      },
    },
    state: { isIncremental: true, existing: table('silver', 'events') },
    columns: () => ({
      target: [col('id', 'int'), col('status', 'varchar(20)'), col('dropped', 'int')],
      temp: [col('id', 'int'), col('status', 'varchar(20)'), col('rent', 'int')],
    }),
  },
];

const dialects: [string, SqlDialect][] = [
  ['mysql', mysqlDialect],
  ['sqlite', sqliteDialect],
];

describe.each(dialects)('%s golden SQL', (engine, dialect) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const plan = planMaterialization(compiledNode(c.model), c.state, dialect, fixedNames);
    const text = renderPlan(plan, c.columns?.(dialect) ?? {});
    const file = join(GOLDEN, engine, `${c.name}.sql`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
      mkdirSync(join(GOLDEN, engine), { recursive: true });
      writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
