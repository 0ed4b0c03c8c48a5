import { jsonValue } from '../../../src/show/format-cell';
import { NO_LIMIT, previewSql } from '../../../src/show/preview-sql';

describe('previewSql', () => {
  it('wraps the SELECT as a limited derived table', () => {
    expect(previewSql('select 1 as a', 5)).toBe('select * from (\nselect 1 as a\n) tb_preview limit 5');
  });

  it('drops a trailing semicolon and keeps a trailing comment from eating the parenthesis', () => {
    const sql = previewSql('select 1 as a -- the end\n;\n', 3);
    expect(sql).toBe('select * from (\nselect 1 as a -- the end\n) tb_preview limit 3');
  });

  it('runs the SELECT as it is with --limit -1', () => {
    expect(previewSql('select 1;', NO_LIMIT)).toBe('select 1');
  });
});

describe('jsonValue', () => {
  it('makes bigints and buffers JSON-safe', () => {
    expect(jsonValue(12n)).toBe(12);
    expect(jsonValue(9007199254740993n)).toBe('9007199254740993');
    expect(jsonValue(Buffer.from('hi'))).toBe('0x6869');
    expect(jsonValue(undefined)).toBeNull();
    expect(JSON.stringify({ v: jsonValue(2n ** 70n) })).toBe('{"v":"1180591620717411303424"}');
  });
});
