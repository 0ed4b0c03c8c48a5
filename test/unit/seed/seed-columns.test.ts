import type { PortableType } from '../../../src/adapters/portable-types';
import { mysqlCapabilities } from '../../../src/adapters/mysql/mysql-capabilities';
import type { TbError } from '../../../src/core/errors';
import { resolveColumns, rowConverter } from '../../../src/seed/seed-columns';
import type { SeedSpec } from '../../../src/seed/seed-spec';

const spec = (columnTypes?: Record<string, string>): SeedSpec => ({
  name: 'codes',
  relation: { schema: 's', name: 'codes' },
  filePath: '/p/seeds/codes.csv',
  columnTypes,
});
const names = ['id', 'Code', 'active'];
const inferred: PortableType[] = [{ kind: 'integer' }, { kind: 'text', maxLength: 3 }, { kind: 'boolean' }];

describe('resolveColumns', () => {
  it('uses column_types verbatim, matching names case-insensitively', () => {
    const cols = resolveColumns(mysqlCapabilities, names, inferred, spec({ code: 'char(3)' }));
    expect(cols.map((c) => [c.name, c.type, c.overridden])).toEqual([
      ['id', 'BIGINT', false],
      ['Code', 'char(3)', true],
      ['active', 'TINYINT(1)', false],
    ]);
    expect(cols[1].inferred).toEqual({ kind: 'text', maxLength: 3 });
  });

  it('refuses a column_types key that is not a column, suggesting the nearest', () => {
    let err: TbError | undefined;
    try {
      resolveColumns(mysqlCapabilities, names, inferred, spec({ actve: 'int' }));
    } catch (e) {
      err = e as TbError;
    }
    expect(err?.code).toBe('TB103');
    expect(err?.message).toMatch(/'actve', which is not a column/);
    expect(err?.hint).toBe("did you mean 'active'?");
  });
});

describe('rowConverter', () => {
  it('makes empty cells NULL and booleans 1/0, and leaves every other cell as written', () => {
    const cols = resolveColumns(mysqlCapabilities, names, inferred, spec());
    const convert = rowConverter(cols);
    expect(convert(['1', '007', 'TRUE'])).toEqual(['1', '007', '1']);
    expect(convert(['', ' ', 'false'])).toEqual([null, ' ', '0']);
  });
});
