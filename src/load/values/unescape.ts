import { FLAG_DOUBLED_QUOTE as FLAG_DOUBLED_QUOTE_, FLAG_ESCAPE as FLAG_ESCAPE_ } from '../parse/value-spans';

// Local copies: compiled to CommonJS, an imported constant is a property read on the module object at
// every use, and this is the hot loop.
const FLAG_DOUBLED_QUOTE = FLAG_DOUBLED_QUOTE_;
const FLAG_ESCAPE = FLAG_ESCAPE_;

/**
 * The bytes a MySQL string literal's body stands for.
 * @see https://dev.mysql.com/doc/refman/8.0/en/string-literals.html (Table 11.1, special character escapes)
 */
export function unescapeString(buf: Buffer, start: number, end: number, flags: number): Buffer {
  if ((flags & (FLAG_ESCAPE | FLAG_DOUBLED_QUOTE)) === 0) return buf.subarray(start, end);
  const out = Buffer.allocUnsafe(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === 0x27) {
      out[n++] = 0x27;
      i++;
    } else if (c === 0x5c && i + 1 < end) {
      const e = buf[++i];
      const mapped = ESCAPES[e];
      if (mapped >= 0) out[n++] = mapped;
      else if (e === 0x25 || e === 0x5f) {
        out[n++] = 0x5c;
        out[n++] = e;
      } else out[n++] = e;
    } else out[n++] = c;
  }
  return out.subarray(0, n);
}

/** Escape letter → byte, -1 for "the character itself". `\%` and `\_` keep their backslash. */
const ESCAPES: Int16Array = (() => {
  const table = new Int16Array(256).fill(-1);
  table[0x30] = 0x00; // \0
  table[0x62] = 0x08; // \b
  table[0x6e] = 0x0a; // \n
  table[0x72] = 0x0d; // \r
  table[0x74] = 0x09; // \t
  table[0x5a] = 0x1a; // \Z
  return table;
})();

export function hexBytes(buf: Buffer, start: number, end: number): Buffer {
  return Buffer.from(buf.toString('latin1', start, end), 'hex');
}

/** `b'0101'` digits to an integer (a number while it is exact, else a BigInt). */
export function bitsValue(buf: Buffer, start: number, end: number): number | bigint {
  if (start === end) return 0;
  const value = BigInt('0b' + buf.toString('latin1', start, end));
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** A big-endian byte string (how a BIT column's value is dumped) to an integer. */
export function bytesValue(bytes: Buffer): number | bigint {
  if (bytes.length <= 6) return bytes.length === 0 ? 0 : bytes.readUIntBE(0, bytes.length);
  const value = BigInt('0x' + bytes.toString('hex'));
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
