import type { PortableType } from '../../../src/adapters/portable-types';
import { cellFacts, isCalendarDate } from '../../../src/seed/cell-kind';
import { ColumnInference } from '../../../src/seed/column-inference';

function infer(cells: readonly string[]): PortableType {
  const column = new ColumnInference();
  for (const cell of cells) column.observe(cell);
  return column.result();
}

describe('cellFacts', () => {
  it.each([
    ['0', 'integer'],
    ['42', 'integer'],
    ['-17', 'integer'],
    ['007', 'text'],
    ['-0', 'text'],
    ['+5', 'text'],
    ['164-0001', 'text'],
    ['1e5', 'text'],
    ['1.', 'text'],
    ['.5', 'text'],
    ['0.5', 'decimal'],
    ['-12.250', 'decimal'],
    ['01.5', 'text'],
    ['1,000', 'text'],
    [' 12', 'text'],
    ['true', 'boolean'],
    ['FALSE', 'boolean'],
    ['True', 'boolean'],
    ['yes', 'text'],
    ['t', 'text'],
    ['2024-02-29', 'date'],
    ['2023-02-29', 'text'],
    ['0000-00-00', 'text'],
    ['2024-13-01', 'text'],
    ['2024-1-01', 'text'],
    ['2024-01-01 00:00:00', 'datetime'],
    ['2024-01-01 23:59:59.123456', 'datetime'],
    ['2024-01-01 24:00:00', 'text'],
    ['2024-01-01T10:00:00', 'text'],
    ['2024-01-01 10:00:00.1234567', 'text'],
    ['2024/01/01', 'text'],
    ['中野区', 'text'],
  ])('%j is %s', (cell, kind) => {
    expect(cellFacts(cell).kind).toBe(kind);
  });

  it('counts digits around the point', () => {
    expect(cellFacts('-123.4500')).toEqual({ kind: 'decimal', integerDigits: 3, fractionDigits: 4 });
    expect(cellFacts('2024-01-01 10:00:00.25')).toMatchObject({ kind: 'datetime', fractionDigits: 2 });
  });

  it('knows leap years', () => {
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2024, 4, 31)).toBe(false);
  });
});

describe('ColumnInference', () => {
  it('reads the type from every cell, not a sample: one late text value makes the column text', () => {
    const cells = Array.from({ length: 99_999 }, (_, i) => String(i + 1));
    expect(infer(cells)).toEqual({ kind: 'integer' });
    expect(infer([...cells, 'abc'])).toEqual({ kind: 'text', maxLength: 5 });
  });

  it('widens integers to decimals sized from the data', () => {
    expect(infer(['1', '12345', '0.5', '-3.125'])).toEqual({ kind: 'decimal', precision: 8, scale: 3 });
  });

  it('keeps codes with leading zeros as text', () => {
    expect(infer(['101', '007'])).toEqual({ kind: 'text', maxLength: 3 });
  });

  it('treats empty cells as NULL, and an all-empty column as text of unknown length', () => {
    expect(infer(['', '1', ''])).toEqual({ kind: 'integer' });
    expect(infer(['', ''])).toEqual({ kind: 'text', maxLength: 0 });
    expect(infer([])).toEqual({ kind: 'text', maxLength: 0 });
  });

  it('turns integers past BIGINT into DECIMAL(p,0), and past 65 digits into text', () => {
    expect(infer(['9223372036854775807', '-9223372036854775808'])).toEqual({ kind: 'integer' });
    expect(infer(['9223372036854775808'])).toEqual({ kind: 'decimal', precision: 19, scale: 0 });
    expect(infer(['1'.repeat(66)])).toEqual({ kind: 'text', maxLength: 66 });
  });

  it('makes decimals with more than 30 places text', () => {
    expect(infer(['0.' + '1'.repeat(30)])).toEqual({ kind: 'decimal', precision: 31, scale: 30 });
    expect(infer(['0.' + '1'.repeat(31)])).toEqual({ kind: 'text', maxLength: 33 });
  });

  it('mixes dates and datetimes into datetime, keeping the widest fraction', () => {
    expect(infer(['2024-01-01', '2024-01-02 10:00:00.5', '2024-01-03 10:00:00.125'])).toEqual({
      kind: 'datetime',
      fractionDigits: 3,
    });
    expect(infer(['2024-01-01', '2024-01-02'])).toEqual({ kind: 'date' });
  });

  it('does not mix booleans with numbers or dates', () => {
    expect(infer(['true', 'false', 'TRUE'])).toEqual({ kind: 'boolean' });
    expect(infer(['true', '1'])).toEqual({ kind: 'text', maxLength: 4 });
    expect(infer(['1', '2024-01-01'])).toEqual({ kind: 'text', maxLength: 10 });
  });
});
