import { mysqlDialect } from '../../../src/adapters/mysql/mysql-dialect';
import { sqliteDialect } from '../../../src/adapters/sqlite/sqlite-dialect';
import { grantStatements } from '../../../src/grants/grant-statements';
import { keptRelation } from '../../../src/materialize/relation-names';
import { swapStatements } from '../../../src/materialize/plan-swap';

const target = { schema: 'gold', name: 'occupancy' };
const temp = { schema: 'gold', name: 'occupancy__tb_tmp' };
const backup = { schema: 'gold', name: 'occupancy__tb_old' };
const keep = keptRelation(target, '20260205_220000_123', 64);

describe('a swap that keeps the replaced table', () => {
  it('is one RENAME on MySQL, with nothing dropped', () => {
    const sql = swapStatements(mysqlDialect, {
      target,
      temp,
      backup,
      existing: 'table',
      incoming: 'table',
      keep,
    });
    expect(sql.map((s) => s.sql)).toEqual([
      'RENAME TABLE `gold`.`occupancy` TO `gold`.`occupancy__tb_bk_20260205_220000_123`, `gold`.`occupancy__tb_tmp` TO `gold`.`occupancy`',
    ]);
    expect(sql.every((s) => s.unit === 'swap')).toBe(true);
  });

  it('is two renames in one transaction unit on SQLite', () => {
    const sql = swapStatements(sqliteDialect, {
      target,
      temp,
      backup,
      existing: 'table',
      incoming: 'table',
      keep,
    });
    expect(sql.map((s) => s.sql)).toEqual([
      'ALTER TABLE "gold"."occupancy" RENAME TO "occupancy__tb_bk_20260205_220000_123"',
      'ALTER TABLE "gold"."occupancy__tb_tmp" RENAME TO "occupancy"',
    ]);
  });

  it('still drops a replaced view (only tables are kept)', () => {
    const sql = swapStatements(mysqlDialect, {
      target,
      temp,
      backup,
      existing: 'view',
      incoming: 'table',
      keep,
    });
    expect(sql.map((s) => s.sql).join('\n')).toContain('DROP VIEW IF EXISTS `gold`.`occupancy__tb_old`');
  });

  it('cuts long names with a hash within 64 characters', () => {
    const long = keptRelation({ schema: 'gold', name: 'x'.repeat(60) }, '20260205_220000_123', 64);
    expect(long.name.length).toBeLessThanOrEqual(64);
    expect(long.name.endsWith('__tb_bk_20260205_220000_123')).toBe(true);
  });
});

describe('grants', () => {
  it('spell GRANT SELECT per grantee on MySQL and nothing on SQLite', () => {
    const grants = { select: ['dash_reader', 'bi@10.0.%'] };
    expect(grantStatements(grants, target, mysqlDialect).map((s) => s.sql)).toEqual([
      "GRANT SELECT ON `gold`.`occupancy` TO 'dash_reader'",
      "GRANT SELECT ON `gold`.`occupancy` TO 'bi'@'10.0.%'",
    ]);
    expect(grantStatements(grants, target, sqliteDialect)).toEqual([]);
  });

  it('refuse unknown privileges and names that could end the statement', () => {
    expect(() => grantStatements({ selct: ['a'] }, target, mysqlDialect)).toThrow(
      expect.objectContaining({ hint: "did you mean 'select'?" }),
    );
    expect(() => grantStatements({ select: ["a'; DROP TABLE x; --"] }, target, mysqlDialect)).toThrow(
      'is not a user or role name',
    );
  });
});
