import type { ColumnDef } from '../../../src/adapters/adapter';
import { mysqlDialect } from '../../../src/adapters/mysql/mysql-dialect';
import type { SqlDialect } from '../../../src/adapters/sql-dialect';
import { sqliteDialect } from '../../../src/adapters/sqlite/sqlite-dialect';
import { planSnapshot, planSourceStaging, type MergePlan } from '../../../src/snapshot';
import { fitName } from '../../../src/snapshot/snapshot-names';
import { col, fakeSnapshot, META, MOVINGS } from './fake-snapshot';

const NOW = '2026-02-02 00:30:00';
const ts = { strategy: 'timestamp', unique_key: 'id', updated_at: 'updated_at' };
const check = { strategy: 'check', unique_key: 'id', check_cols: ['status', 'rent'] };

const merge = (
  d: SqlDialect,
  config: Record<string, unknown>,
  target: readonly ColumnDef[] = [...MOVINGS, ...META],
  source: readonly ColumnDef[] = MOVINGS,
) =>
  planSnapshot(
    fakeSnapshot(config),
    { exists: true, sourceColumns: source, targetColumns: target },
    d,
    NOW,
  ) as MergePlan;

describe.each([
  ['mysql', mysqlDialect, 'DATETIME', 'NOT (tb_snap.`status` <=> tb_src.`status`)'],
  ['sqlite', sqliteDialect, 'TEXT', 'NOT (tb_snap."status" IS tb_src."status")'],
] as const)('planSnapshot on %s', (_name, d, timestampType, nullSafe) => {
  it('stages the SELECT once, then builds the table from it with typed meta columns and indexes', () => {
    const staging = planSourceStaging(fakeSnapshot(ts), d);
    expect(staging.relation).toEqual({ schema: 'snapshots', name: 'movings_snap__tb_snap_src' });
    expect(staging.statements[1]).toContain('select * from staging.movings');
    const plan = planSnapshot(
      fakeSnapshot(ts),
      { exists: false, sourceColumns: MOVINGS },
      d,
      '2026-02-01 00:30:00',
    );
    expect(plan.action).toBe('create');
    if (plan.action !== 'create') return;
    const [create, keyIndex, scdIndex] = plan.statements;
    expect(create).toContain(`CAST(NULL AS ${timestampType}) AS ${d.quoteIdentifier('tb_valid_to')}`);
    expect(create).toContain(
      `md5(concat(coalesce(cast(tb_src.${d.quoteIdentifier('id')} as char), ''), '|', coalesce(cast(tb_src.${d.quoteIdentifier('updated_at')} as char), '')))`,
    );
    expect(create).not.toContain('tb_is_deleted');
    expect(keyIndex).toMatch(/CREATE INDEX .*movings_snap__tb_key/);
    expect(scdIndex).toMatch(/CREATE INDEX .*movings_snap__tb_scd/);
  });

  it('check strategy: compares the check columns null-safely, versions start at the snapshot time', () => {
    const plan = merge(d, check);
    const changes = plan.prepare.find((s) => s.includes('__tb_snap_chg') && s.startsWith('CREATE TABLE'))!;
    expect(changes).toContain(nullSafe);
    expect(changes).toContain(`CAST('${NOW}' AS ${timestampType}) AS ${d.quoteIdentifier('tb_valid_from')}`);
    // hard_deletes defaults to ignore: no branch looks for keys that left the SELECT.
    expect(changes).not.toContain("'delete'");
    expect(changes.split('UNION ALL')).toHaveLength(2);
    // Without an index on the staged SELECT's key, MariaDB's deletes join is quadratic (minutes at 50k rows).
    expect(plan.prepare.find((s) => s.includes('__tb_snap_src_key'))).toMatch(/^CREATE INDEX/);
  });

  it('new_record adds the delete, deletion-record branches and the is_deleted column', () => {
    const plan = merge(d, { ...ts, hard_deletes: 'new_record' });
    expect(plan.addedColumns).toEqual(['tb_is_deleted']);
    expect(plan.prepare[0]).toMatch(/ALTER TABLE .* ADD COLUMN .*tb_is_deleted.* (VARCHAR\(5\)|TEXT)/);
    const changes = plan.prepare.find((s) => s.includes("'delete'"))!;
    expect(changes.split('UNION ALL')).toHaveLength(4);
    expect(changes).toContain(`'True' AS ${d.quoteIdentifier('tb_is_deleted')}`);
  });

  it('adds new SELECT columns, and a new check column makes every current row a change (dbt)', () => {
    const source = [...MOVINGS, col('note', 'varchar(50)')];
    const plan = merge(d, { ...check, check_cols: 'all' }, [...MOVINGS, ...META], source);
    expect(plan.addedColumns).toEqual(['note']);
    expect(plan.prepare[0]).toContain('ADD COLUMN');
    expect(plan.prepare.join('\n')).toContain('(1 = 1)');
    const explicit = merge(d, check, [...MOVINGS, ...META], source);
    expect(explicit.prepare.join('\n')).not.toContain('(1 = 1)');
    expect(explicit.insert).toContain(d.quoteIdentifier('note'));
  });

  it('refuses to merge into a table that is not a snapshot, and names unknown columns', () => {
    expect(() => merge(d, ts, MOVINGS)).toThrow(/lacks tb_scd_id, tb_updated_at, tb_valid_from, tb_valid_to/);
    expect(() => merge(d, { ...ts, unique_key: 'idd' })).toThrow(
      /unique_key 'idd' is not a column of its SELECT/,
    );
    expect(() => merge(d, ts, [...MOVINGS, ...META], [...MOVINGS, col('tb_valid_to')])).toThrow(
      /which the snapshot adds itself/,
    );
  });
});

describe('fitName', () => {
  it('keeps work-table names within the engine limit, distinct per base name', () => {
    const long = 'x'.repeat(70);
    const a = fitName(long, '__tb_snap_src', 64);
    const b = fitName(long + 'y', '__tb_snap_src', 64);
    expect(a).toHaveLength(64);
    expect(a.endsWith('__tb_snap_src')).toBe(true);
    expect(a).not.toBe(b);
    expect(fitName('movings', '__tb_key', 64)).toBe('movings__tb_key');
  });
});
