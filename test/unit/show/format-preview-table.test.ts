import { displayWidth } from '../../../src/show/display-width';
import { formatPreviewTable, previewColumns } from '../../../src/show/format-preview-table';

/** Every line of a well-aligned table has its `|` at the same display columns. */
function pipeColumns(line: string): number[] {
  const out: number[] = [];
  let col = 0;
  for (const ch of line) {
    if (ch === '|') out.push(col);
    col += displayWidth(ch);
  }
  return out;
}

describe('formatPreviewTable', () => {
  it('prints a header, a rule and one line per row, numbers on the right', () => {
    const table = formatPreviewTable({
      columns: ['id', 'name'],
      rows: [
        { id: 1, name: 'a' },
        { id: 22, name: 'bob' },
      ],
    });
    expect(table).toBe(['| id | name |', '| -- | ---- |', '|  1 | a    |', '| 22 | bob  |'].join('\n'));
  });

  it('lines up Japanese text by display width, not by string length', () => {
    const table = formatPreviewTable({
      columns: ['tenant', 'city'],
      rows: [
        { tenant: '佐藤 花子', city: '東京都' },
        { tenant: 'John Smith', city: 'Tokyo' },
        { tenant: 'ｻﾄｳ', city: 'ＴＹＯ' },
      ],
    });
    const lines = table.split('\n');
    const expected = pipeColumns(lines[0]);
    for (const line of lines) expect(pipeColumns(line)).toEqual(expected);
    expect(lines[2]).toBe('| 佐藤 花子  | 東京都 |');
  });

  it('shows NULL as null, and right-aligns a numeric column that has nulls and decimal strings', () => {
    const table = formatPreviewTable({
      columns: ['rent', 'note'],
      rows: [
        { rent: '85000.00', note: null },
        { rent: null, note: undefined },
        { rent: 7, note: 'x' },
      ],
    });
    expect(table.split('\n').slice(2)).toEqual([
      '| 85000.00 | null |',
      '|     null | null |',
      '|        7 | x    |',
    ]);
  });

  it('keeps a text column left-aligned even when some values look numeric', () => {
    const table = formatPreviewTable({ columns: ['code'], rows: [{ code: '007' }, { code: 'A12' }] });
    expect(table.split('\n')[2]).toBe('| 007  |');
  });

  it('truncates long values and long headers with … to the maximum width', () => {
    const long = '長い説明文'.repeat(10);
    const table = formatPreviewTable(
      { columns: ['a_very_long_column_name', 'n'], rows: [{ a_very_long_column_name: long, n: 1 }] },
      { maxColumnWidth: 12 },
    );
    const lines = table.split('\n');
    expect(lines[0]).toBe('| a_very_long… | n |');
    expect(lines[2]).toBe('| 長い説明文…  | 1 |');
    expect(pipeColumns(lines[2])).toEqual(pipeColumns(lines[0]));
    expect(table).not.toContain(long);
  });

  it('keeps each row on one line: line breaks in values become ↵', () => {
    const table = formatPreviewTable({ columns: ['memo'], rows: [{ memo: 'line 1\r\nline 2\tend' }] });
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('line 1↵line 2 end');
  });

  it('writes booleans, bigints, buffers, dates and JSON objects readably', () => {
    const table = formatPreviewTable({
      columns: ['b', 'big', 'bin', 'at', 'doc'],
      rows: [
        {
          b: true,
          big: 9007199254740993n,
          bin: Buffer.from([0xca, 0xfe]),
          at: new Date('2026-02-05T09:30:00Z'),
          doc: { k: [1, 2] },
        },
      ],
    });
    expect(table.split('\n')[2]).toBe(
      '| true | 9007199254740993 | 0xcafe | 2026-02-05T09:30:00.000Z | {"k":[1,2]} |',
    );
  });
});

describe('previewColumns', () => {
  it('keeps select order and adds keys that only later rows carry', () => {
    expect(
      previewColumns([
        { b: 1, a: 2 },
        { b: 3, a: 4, c: 5 },
      ]),
    ).toEqual(['b', 'a', 'c']);
    expect(previewColumns([])).toEqual([]);
  });
});
