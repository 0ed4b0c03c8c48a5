import { mysqlDialect } from '../../../src/adapters/mysql/mysql-dialect';
import { sqliteDialect } from '../../../src/adapters/sqlite/sqlite-dialect';
import { suffixedName, swapNames, swapStatements } from '../../../src/seed/seed-swap';

const target = { schema: 'seeds', name: 'gender_codes' };
const names = swapNames(target, 64);

describe('swapStatements', () => {
  it('renames both tables in one MySQL statement, then drops the old one', () => {
    expect(swapStatements(mysqlDialect, target, names, 'table')).toEqual([
      'RENAME TABLE `seeds`.`gender_codes` TO `seeds`.`gender_codes__tb_old`, `seeds`.`gender_codes__tb_tmp` TO `seeds`.`gender_codes`',
      'DROP TABLE IF EXISTS `seeds`.`gender_codes__tb_old`',
    ]);
  });

  it('spells the same swap as SQLite renames, for one transaction', () => {
    expect(swapStatements(sqliteDialect, target, names, 'table')).toEqual([
      'ALTER TABLE "seeds"."gender_codes" RENAME TO "gender_codes__tb_old"',
      'ALTER TABLE "seeds"."gender_codes__tb_tmp" RENAME TO "gender_codes"',
      'DROP TABLE IF EXISTS "seeds"."gender_codes__tb_old"',
    ]);
  });

  it('only renames when there is no table yet, and drops a view of the same name first', () => {
    expect(swapStatements(sqliteDialect, target, names, undefined)).toEqual([
      'ALTER TABLE "seeds"."gender_codes__tb_tmp" RENAME TO "gender_codes"',
    ]);
    expect(swapStatements(mysqlDialect, target, names, 'view')).toEqual([
      'DROP VIEW IF EXISTS `seeds`.`gender_codes`',
      'RENAME TABLE `seeds`.`gender_codes__tb_tmp` TO `seeds`.`gender_codes`',
    ]);
  });
});

describe('suffixedName', () => {
  it('keeps short names readable', () => {
    expect(suffixedName('codes', '__tb_tmp', 64)).toBe('codes__tb_tmp');
  });

  it('shortens long names with a hash, within the limit and distinct per name', () => {
    const a = suffixedName('a'.repeat(60) + 'x', '__tb_tmp', 64);
    const b = suffixedName('a'.repeat(60) + 'y', '__tb_tmp', 64);
    expect(a).toHaveLength(64);
    expect(a.endsWith('__tb_tmp')).toBe(true);
    expect(a).not.toBe(b);
  });
});
