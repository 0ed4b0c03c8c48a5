import {
  type RowSpans,
  FLAG_CONTROL as FLAG_CONTROL_,
  FLAG_DOUBLED_QUOTE as FLAG_DOUBLED_QUOTE_,
  FLAG_ESCAPE as FLAG_ESCAPE_,
  KIND_BITS as KIND_BITS_,
  KIND_HEX as KIND_HEX_,
  KIND_MASK as KIND_MASK_,
  KIND_NULL as KIND_NULL_,
  KIND_NUMBER as KIND_NUMBER_,
  SPAN_WIDTH as SPAN_WIDTH_,
} from '../parse/value-spans';
import { bitsValue } from '../values/unescape';
import type { ByteSink } from './byte-sink';

// Local copies: compiled to CommonJS, an imported constant is a property read on the module object at
// every use, and this is the hot loop.
const FLAG_CONTROL = FLAG_CONTROL_;
const FLAG_DOUBLED_QUOTE = FLAG_DOUBLED_QUOTE_;
const FLAG_ESCAPE = FLAG_ESCAPE_;
const KIND_BITS = KIND_BITS_;
const KIND_HEX = KIND_HEX_;
const KIND_MASK = KIND_MASK_;
const KIND_NULL = KIND_NULL_;
const KIND_NUMBER = KIND_NUMBER_;
const SPAN_WIDTH = SPAN_WIDTH_;

/*
 * Rows as LOAD DATA's default text format: fields split by TAB, rows by LF, `\` escapes, `\N` for NULL.
 * A dump's string literal already uses the same escapes (\0 \b \n \r \t \Z \\), so most bodies are copied
 * byte for byte; only `\'`, `\"`, `''`, raw TAB and LF, and the escapes whose meaning differs are rewritten.
 * @see https://dev.mysql.com/doc/refman/8.0/en/load-data.html (field and line handling)
 */

/** For `\x` in a dump's string: 1 = copy `\x`, 2 = emit x alone, 3 = emit `\\x` (SQL keeps the backslash). */
const ESCAPE_ACTION: Uint8Array = (() => {
  const t = new Uint8Array(256).fill(2);
  for (const ch of '0bnrtZ\\') t[ch.charCodeAt(0)] = 1;
  t[0x25] = 3; // \%
  t[0x5f] = 3; // \_
  return t;
})();

export function encodeLoadDataRow(buf: Buffer, row: RowSpans, sink: ByteSink): void {
  const spans = row.spans;
  const count = row.count;
  let worst = count + 1;
  for (let i = 0; i < count; i++) {
    const o = i * SPAN_WIDTH;
    worst += 2 * (spans[o + 2] - spans[o + 1]) + 4;
  }
  const out = sink.reserve(worst);
  let w = sink.pos;
  for (let i = 0; i < count; i++) {
    const o = i * SPAN_WIDTH;
    if (i > 0) out[w++] = 0x09;
    const kind = spans[o];
    const start = spans[o + 1];
    const end = spans[o + 2];
    switch (kind & KIND_MASK) {
      case KIND_NULL:
        out[w++] = 0x5c;
        out[w++] = 0x4e;
        break;
      case KIND_NUMBER:
        w = copy(buf, start, end, out, w);
        break;
      case KIND_HEX:
        w = writeHex(buf, start, end, out, w);
        break;
      case KIND_BITS:
        w += out.write(String(bitsValue(buf, start, end)), w, 'latin1');
        break;
      default:
        w =
          (kind & (FLAG_ESCAPE | FLAG_DOUBLED_QUOTE | FLAG_CONTROL)) === 0
            ? copy(buf, start, end, out, w)
            : writeEscapedString(buf, start, end, out, w);
    }
  }
  out[w++] = 0x0a;
  sink.pos = w;
}

function copy(buf: Buffer, start: number, end: number, out: Buffer, w: number): number {
  if (end - start > 24) return w + buf.copy(out, w, start, end);
  for (let i = start; i < end; i++) out[w++] = buf[i];
  return w;
}

function writeEscapedString(buf: Buffer, start: number, end: number, out: Buffer, w: number): number {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === 0x5c) {
      const e = buf[++i];
      const action = ESCAPE_ACTION[e];
      if (action === 1) {
        out[w++] = 0x5c;
        out[w++] = e;
      } else if (action === 3) {
        out[w++] = 0x5c;
        out[w++] = 0x5c;
        out[w++] = e;
      } else w = writeByte(e, out, w);
    } else if (c === 0x27) {
      out[w++] = 0x27;
      i++;
    } else w = writeByte(c, out, w);
  }
  return w;
}

/** TAB, LF, backslash and NUL → the letter after the backslash; 0 for bytes that go as they are. */
const BYTE_ESCAPE: Uint8Array = (() => {
  const t = new Uint8Array(256);
  t[0x09] = 0x74;
  t[0x0a] = 0x6e;
  t[0x5c] = 0x5c;
  t[0x00] = 0x30;
  return t;
})();

/** One data byte, escaped where LOAD DATA would read it as structure. */
function writeByte(c: number, out: Buffer, w: number): number {
  const escaped = BYTE_ESCAPE[c];
  if (escaped === 0) {
    out[w++] = c;
  } else {
    out[w++] = 0x5c;
    out[w++] = escaped;
  }
  return w;
}

function hexNibble(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

function writeHex(buf: Buffer, start: number, end: number, out: Buffer, w: number): number {
  for (let i = start; i + 1 < end; i += 2)
    w = writeByte((hexNibble(buf[i]) << 4) | hexNibble(buf[i + 1]), out, w);
  return w;
}
