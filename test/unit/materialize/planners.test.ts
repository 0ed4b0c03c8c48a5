import { mysqlDialect } from '../../../src/adapters/mysql/mysql-dialect';
import { sqliteDialect } from '../../../src/adapters/sqlite/sqlite-dialect';
import type { SqlDialect } from '../../../src/adapters/sql-dialect';
import { TbError } from '../../../src/core/errors';
import { incrementalConfig } from '../../../src/materialize/incremental-config';
import { planMaterialization } from '../../../src/materialize/plan-materialization';
import { defaultRelationNamer, suffixedName } from '../../../src/materialize/relation-names';
import { diffColumns, resolveSchemaChange } from '../../../src/materialize/schema-change';
import { compiledNode } from './fake-node';

const col = (name: string, dataType = 'int') => ({ name, dataType, nullable: true });
const dialects: [string, SqlDialect][] = [
  ['mysql', mysqlDialect],
  ['sqlite', sqliteDialect],
];

describe('relation names', () => {
  it('keeps temporaries within 64 characters, distinct for names sharing a long prefix', () => {
    const long = 'a'.repeat(60);
    const a = suffixedName(`${long}_one`, '__tb_tmp', 64);
    const b = suffixedName(`${long}_two`, '__tb_tmp', 64);
    expect(a).toHaveLength(64);
    expect(a.endsWith('__tb_tmp')).toBe(true);
    expect(a).not.toBe(b);
    expect(suffixedName('moveouts', '__tb_tmp', 64)).toBe('moveouts__tb_tmp');
  });

  it('names indexes deterministically from the target, so a renamed temp keeps a stable name', () => {
    const names = defaultRelationNamer(64);
    const t = { schema: 'gold', name: 'moveouts' };
    const idx = { columns: ['moveout_date', 'municipality'] };
    expect(names.index(t, idx)).toBe(names.index(t, idx));
    expect(names.index(t, idx)).toMatch(/^tbix_[0-9a-f]{16}$/);
    expect(names.index(t, { ...idx, unique: true })).not.toBe(names.index(t, idx));
    expect(names.index(t, { ...idx, name: 'by_date' })).toBe('by_date');
  });
});

describe.each(dialects)('%s planners', (_engine, dialect) => {
  it('refuses a relation name over the identifier limit, with a hint', () => {
    const model = compiledNode({
      name: 'x'.repeat(65),
      schema: 'gold',
      sql: 'select 1',
      config: { materialized: 'table' },
    });
    expect(() => planMaterialization(model, { isIncremental: false }, dialect)).toThrow(
      /is 65 characters long; the limit is 64/,
    );
  });

  it('refuses a materialization it cannot build', () => {
    const model = compiledNode({
      name: 'x',
      schema: 'gold',
      sql: 'select 1',
      config: { materialized: 'snapshot' },
    });
    expect(() => planMaterialization(model, { isIncremental: false }, dialect)).toThrow(TbError);
  });

  it('strips the trailing semicolon and keeps the SELECT on its own line for error mapping', () => {
    const model = compiledNode({
      name: 'x',
      schema: 'gold',
      sql: 'select 1 as a;\n',
      config: { materialized: 'table' },
    });
    const plan = planMaterialization(model, { isIncremental: false }, dialect);
    const build = plan.statements.find((s) => s.role === 'build');
    expect(build?.sql.endsWith('\nselect 1 as a')).toBe(true);
    expect(build?.compiledSqlLine).toBe(1);
  });

  it('puts the indexes where readers get them with the table: before a RENAME, or inside the swap transaction', () => {
    const model = compiledNode({
      name: 'x',
      schema: 'gold',
      sql: 'select 1 as a',
      config: { materialized: 'table', indexes: [{ columns: ['a'] }] },
    });
    const plan = planMaterialization(model, { isIncremental: false }, dialect);
    const finish = plan.finish?.plan({ temp: [col('a')] }) ?? [];
    const index = finish.find((s) => s.role === 'index');
    const swap = finish.findIndex((s) => s.role === 'swap');
    if (dialect.capabilities.transactionalDdl) {
      expect(index?.unit).toBe('swap');
      expect(finish.indexOf(index!)).toBeGreaterThan(swap);
    } else {
      expect(index?.sql).toContain('x__tb_tmp');
      expect(finish.indexOf(index!)).toBeLessThan(swap);
    }
  });
});

describe('MySQL index columns', () => {
  it('gives TEXT and BLOB columns a prefix length, other types none', () => {
    const sql = mysqlDialect.createIndex(
      { schema: 'g', name: 't' },
      'i',
      [
        { name: 'ward', dataType: 'text' },
        { name: 'memo', dataType: 'mediumtext' },
        { name: 'd', dataType: 'date' },
        { name: 'name', dataType: 'varchar(50)' },
      ],
      false,
    );
    expect(sql).toBe('CREATE INDEX `i` ON `g`.`t` (`ward`(255), `memo`(255), `d`, `name`)');
  });
});

describe('incremental config', () => {
  const base = { enabled: true, materialized: 'incremental', tags: [], pre_hook: [], post_hook: [] };

  it('defaults to delete+insert with a unique_key, append without', () => {
    expect(incrementalConfig({ ...base, unique_key: 'id' })).toEqual({
      strategy: 'delete+insert',
      uniqueKey: ['id'],
      onSchemaChange: 'ignore',
    });
    expect(incrementalConfig(base).strategy).toBe('append');
  });

  it('rejects unknown values and strategies that need a key', () => {
    expect(() => incrementalConfig({ ...base, incremental_strategy: 'upsert' as never })).toThrow(
      /unknown incremental_strategy 'upsert'/,
    );
    expect(() => incrementalConfig({ ...base, on_schema_change: 'sync' as never })).toThrow(
      /unknown on_schema_change/,
    );
    expect(() => incrementalConfig({ ...base, incremental_strategy: 'delete+insert' })).toThrow(
      /needs a unique_key/,
    );
  });
});

describe('on_schema_change', () => {
  const target = [col('id'), col('status', 'varchar(20)'), col('Gone')];
  const incoming = [col('ID'), col('status', 'varchar(20)'), col('rent')];
  const rel = { schema: 'silver', name: 'events' };

  it('compares names case-insensitively', () => {
    const diff = diffColumns(target, incoming);
    expect(diff.added.map((c) => c.name)).toEqual(['rent']);
    expect(diff.removed.map((c) => c.name)).toEqual(['Gone']);
  });

  it('ignore writes the shared columns; append_new_columns adds the new ones; fail throws', () => {
    expect(resolveSchemaChange('ignore', target, incoming, rel)).toEqual({
      addColumns: [],
      insertColumns: ['id', 'status'],
    });
    expect(resolveSchemaChange('append_new_columns', target, incoming, rel)).toEqual({
      addColumns: [col('rent')],
      insertColumns: ['id', 'status', 'rent'],
    });
    expect(() => resolveSchemaChange('fail', target, incoming, rel, 'models/e.sql')).toThrow(
      /new: rent; missing: Gone/,
    );
    expect(resolveSchemaChange('fail', target, target, rel).insertColumns).toEqual(['id', 'status', 'Gone']);
  });
});
