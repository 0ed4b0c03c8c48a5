import { escapeString, escapeBytes, q } from '../../../src/generate/sql/escape';
import { tuple } from '../../../src/generate/sql/tuple';

describe('mysqldump escaping', () => {
  it('escapes what mysql_real_escape_string escapes, and leaves tabs alone', () => {
    expect(escapeString('a\'b"c\\d\ne\rf\0g\x1ah\ti')).toBe('a\\\'b\\"c\\\\d\\ne\\rf\\0g\\Zh\ti');
    expect(escapeString('日本語 😊 ｶﾅ')).toBe('日本語 😊 ｶﾅ');
    expect(q("it's")).toBe("'it\\'s'");
  });

  it('escapes the same seven bytes in binary data and copies every other byte raw', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const out = escapeBytes(all);
    expect(out.length).toBe(256 + 7);
    // Undo the escapes: the round trip must give back the 256 bytes.
    const back: number[] = [];
    const map: Record<number, number> = {
      0x30: 0,
      0x6e: 0x0a,
      0x72: 0x0d,
      0x5c: 0x5c,
      0x27: 0x27,
      0x22: 0x22,
      0x5a: 0x1a,
    };
    for (let i = 0; i < out.length; i++) {
      if (out[i] === 0x5c) back.push(map[out[++i]]);
      else back.push(out[i]);
    }
    expect(Buffer.from(back).equals(all)).toBe(true);
  });

  it('writes numbers and decimals bare, strings quoted, NULL as NULL', () => {
    expect(tuple(['num', 'num', 'str', 'str'], [1, '35.6895000', "O'Brien", null])).toBe(
      "(1,35.6895000,'O\\'Brien',NULL)",
    );
  });

  it('returns bytes for a row with a BLOB, written _binary and escaped inside quotes', () => {
    const row = tuple(['num', 'bin', 'str'], [7, Buffer.from([0x00, 0xff, 0x27]), 'x']);
    expect(Buffer.isBuffer(row)).toBe(true);
    expect(
      (row as Buffer).equals(
        Buffer.concat([Buffer.from("(7,_binary '\\0"), Buffer.from([0xff]), Buffer.from("\\'','x')")]),
      ),
    ).toBe(true);
  });
});
