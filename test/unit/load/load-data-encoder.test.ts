import { ByteSink } from '../../../src/load/mysql/byte-sink';
import { encodeLoadDataRow } from '../../../src/load/mysql/load-data-encoder';
import { scanRow } from '../../../src/load/parse/row-scanner';
import { RowSpans } from '../../../src/load/parse/value-spans';

/** The LOAD DATA line a dump's tuple becomes (TAB between fields, LF at the end, `\` escapes, `\N` NULL). */
function encode(tuple: string | Buffer): string {
  const buf = Buffer.isBuffer(tuple) ? tuple : Buffer.from(tuple);
  const row = new RowSpans();
  expect(scanRow(buf, 0, buf.length, row)).toBe(buf.length);
  const sink = new ByteSink(16);
  encodeLoadDataRow(buf, row, sink);
  return Buffer.concat(sink.take()).toString('latin1');
}

describe('encodeLoadDataRow', () => {
  it('copies numbers and plain strings, and writes NULL as \\N', () => {
    expect(encode("(1,-2.5e3,'plain',NULL,'')")).toBe('1\t-2.5e3\tplain\t\\N\t\n');
  });

  it('keeps the escapes both formats share and rewrites the ones that differ', () => {
    // \0 \b \n \r \t \Z \\ mean the same in both; \' \" '' lose their backslash or doubling;
    // \% and \_ keep the backslash in SQL, so LOAD DATA must see it escaped; \N in SQL is just "N".
    expect(encode("('\\0\\b\\n\\r\\t\\Z\\\\','\\'\\\"''','\\%\\_','\\N')")).toBe(
      "\\0\\b\\n\\r\\t\\Z\\\\\t'\"'\t\\\\%\\\\_\tN\n",
    );
  });

  it('escapes raw TAB and LF inside a string, and decodes hex literals byte by byte', () => {
    expect(encode("('a\tb\nc',0x00095C0A41,X'',_binary 0x4142)")).toBe('a\\tb\\nc\t\\0\\t\\\\\\nA\t\tAB\n');
  });

  it('writes bit literals as their integer', () => {
    expect(encode("(b'101',0b11111111)")).toBe('5\t255\n');
  });
});
