import type { PortableType } from '../../../src/adapters/portable-types';
import { engineColumnTypes } from '../../../src/adapters/portable-types';
import { mysqlCapabilities } from '../../../src/adapters/mysql/mysql-capabilities';
import { sqliteCapabilities } from '../../../src/adapters/sqlite/sqlite-capabilities';

const types: PortableType[] = [
  { kind: 'integer' },
  { kind: 'decimal', precision: 10, scale: 2 },
  { kind: 'boolean' },
  { kind: 'date' },
  { kind: 'datetime', fractionDigits: 0 },
  { kind: 'datetime', fractionDigits: 3 },
  { kind: 'text', maxLength: 12 },
  { kind: 'text', maxLength: 0 },
  { kind: 'text', maxLength: 256 },
  { kind: 'text', maxLength: 20_000 },
];

describe('engineColumnTypes', () => {
  it('spells each portable type per engine, side by side', () => {
    expect(engineColumnTypes(mysqlCapabilities, types)).toEqual([
      'BIGINT',
      'DECIMAL(10,2)',
      'TINYINT(1)',
      'DATE',
      'DATETIME',
      'DATETIME(3)',
      'VARCHAR(12)',
      'TEXT',
      'TEXT',
      'MEDIUMTEXT',
    ]);
    expect(engineColumnTypes(sqliteCapabilities, types)).toEqual([
      'INTEGER',
      'REAL',
      'INTEGER',
      'TEXT',
      'TEXT',
      'TEXT',
      'TEXT',
      'TEXT',
      'TEXT',
      'TEXT',
    ]);
  });

  it('turns the longest MySQL VARCHARs into TEXT when a row would pass 65,535 bytes', () => {
    const wide: PortableType[] = Array.from({ length: 70 }, (_, i) => ({
      kind: 'text',
      maxLength: i === 5 ? 200 : 255,
    }));
    const out = engineColumnTypes(mysqlCapabilities, wide);
    const varcharBytes = out.reduce((sum, t) => {
      const m = /^VARCHAR\((\d+)\)$/.exec(t);
      return sum + (m ? Number(m[1]) * 4 + 2 : 0);
    }, 0);
    expect(varcharBytes).toBeLessThanOrEqual(65_535);
    expect(out[5]).toBe('VARCHAR(200)');
    expect(out.filter((t) => t === 'TEXT').length).toBeGreaterThan(0);
    expect(out.filter((t) => t === 'TEXT').length).toBeLessThan(20);
  });
});
