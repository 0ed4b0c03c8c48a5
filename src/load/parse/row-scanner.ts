import { NEED_MORE, ScanError } from './scan-error';
import {
  type RowSpans,
  FLAG_BINARY as FLAG_BINARY_,
  FLAG_CONTROL as FLAG_CONTROL_,
  FLAG_DOUBLED_QUOTE as FLAG_DOUBLED_QUOTE_,
  FLAG_ESCAPE as FLAG_ESCAPE_,
  KIND_BITS as KIND_BITS_,
  KIND_HEX as KIND_HEX_,
  KIND_NULL as KIND_NULL_,
  KIND_NUMBER as KIND_NUMBER_,
  KIND_STRING as KIND_STRING_,
  SPAN_WIDTH as SPAN_WIDTH_,
} from './value-spans';

// Local copies: compiled to CommonJS, an imported constant is a property read on the module object at
// every use, and this is the hot loop.
const FLAG_BINARY = FLAG_BINARY_;
const FLAG_CONTROL = FLAG_CONTROL_;
const FLAG_DOUBLED_QUOTE = FLAG_DOUBLED_QUOTE_;
const FLAG_ESCAPE = FLAG_ESCAPE_;
const KIND_BITS = KIND_BITS_;
const KIND_HEX = KIND_HEX_;
const KIND_NULL = KIND_NULL_;
const KIND_NUMBER = KIND_NUMBER_;
const KIND_STRING = KIND_STRING_;
const SPAN_WIDTH = SPAN_WIDTH_;

/*
 * The hot loop of the loader: one `( value, value, ... )` tuple of an INSERT. Byte codes are spelled as numbers
 * on purpose (V8 keeps everything a small integer); no string is built here.
 */
const QUOTE = 0x27;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = 0x28;
const CLOSE = 0x29;

/** Bytes a string body scan must stop at: the quote, the backslash, and TAB and LF (LOAD DATA escapes them). */
const STRING_BYTE: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (const c of [QUOTE, BACKSLASH, 0x09, 0x0a]) t[c] = 1;
  return t;
})();

/** Cheap first: most bytes tested here are not spaces, and `> 0x20` rules them out in one compare. */
function isSpace(c: number): boolean {
  return c <= 0x20 && (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09);
}

function isNumberByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b || c === 0x65 || c === 0x45;
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function isWordByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/**
 * Scans the tuple starting at `pos` (an opening parenthesis) into `row`. Returns the position after the closing
 * parenthesis, or NEED_MORE when the buffer ends first; throws ScanError on bytes no server would accept.
 */
export function scanRow(buf: Buffer, pos: number, end: number, row: RowSpans): number {
  let spans = row.spans;
  let p = pos + 1;
  let n = 0;
  for (;;) {
    if (p >= end) return NEED_MORE;
    let c = buf[p];
    while (isSpace(c)) {
      if (++p >= end) return NEED_MORE;
      c = buf[p];
    }
    const o = n * SPAN_WIDTH;
    if (o + SPAN_WIDTH > spans.length) spans = row.grow();
    if (c === QUOTE) {
      p = scanString(buf, p, end, spans, o, 0, p);
    } else if (c >= 0x30 && c <= 0x39 && c !== 0x30) {
      p = scanNumber(buf, p, end, spans, o);
    } else {
      p = scanOtherValue(buf, p, end, spans, o, c);
    }
    if (p < 0) return NEED_MORE;
    n++;
    if (p >= end) return NEED_MORE;
    c = buf[p];
    while (isSpace(c)) {
      if (++p >= end) return NEED_MORE;
      c = buf[p];
    }
    if (c === COMMA) {
      p++;
      continue;
    }
    if (c === CLOSE) {
      row.count = n;
      return p + 1;
    }
    throw new ScanError(p, `expected ',' or ')' after a value, found ${describeByte(c)}`);
  }
}

/** A string literal from its opening quote; `flags` carries an introducer's flag, rawStart its position. */
function scanString(
  buf: Buffer,
  p: number,
  end: number,
  spans: Int32Array,
  o: number,
  flags: number,
  rawStart: number,
): number {
  const start = p + 1;
  let i = start;
  for (;;) {
    // A table lookup per byte for the first bytes; a long body goes to the native search.
    const shortEnd = Math.min(end, i + 512);
    while (i < shortEnd && STRING_BYTE[buf[i]] === 0) i++;
    if (i === shortEnd && i < end) {
      const r = scanLongBody(buf, i, end);
      if (r < 0) return NEED_MORE;
      flags |= longFlags;
      i = r;
      break;
    }
    if (i >= end) return NEED_MORE;
    const c = buf[i];
    if (c === QUOTE) {
      if (i + 1 >= end) return NEED_MORE;
      if (buf[i + 1] !== QUOTE) break;
      flags |= FLAG_DOUBLED_QUOTE;
      i += 2;
    } else if (c === BACKSLASH) {
      flags |= FLAG_ESCAPE;
      i += 2;
    } else {
      flags |= FLAG_CONTROL;
      i++;
    }
  }
  spans[o] = KIND_STRING | flags;
  spans[o + 1] = start;
  spans[o + 2] = i;
  spans[o + 3] = rawStart;
  spans[o + 4] = i + 1;
  return i + 1;
}

/*
 * Positions of the next quote, backslash, TAB and LF in the buffer being scanned, found with Buffer.indexOf
 * (memchr) and reused until passed: each byte class is searched once per buffer, so a body of any length
 * costs a few native scans, never a rescan.
 */
let cachedBuf: Buffer | null = null;
const nextAt = new Int32Array(4);
const CLASS_BYTES = [QUOTE, BACKSLASH, 0x09, 0x0a];
let longFlags = 0;

function next(buf: Buffer, k: number, from: number): number {
  if (nextAt[k] >= from) return nextAt[k];
  const at = buf.indexOf(CLASS_BYTES[k], from);
  nextAt[k] = at < 0 ? buf.length : at;
  return nextAt[k];
}

/** The closing quote of a body from `i` on (its flags in longFlags), or NEED_MORE. */
function scanLongBody(buf: Buffer, i: number, end: number): number {
  if (cachedBuf !== buf) {
    cachedBuf = buf;
    nextAt.fill(-1);
  }
  let flags = 0;
  for (;;) {
    const q = next(buf, 0, i);
    if (q >= end) return NEED_MORE;
    const bs = next(buf, 1, i);
    if (bs < q) {
      flags |= FLAG_ESCAPE;
      if (next(buf, 2, i) < bs || next(buf, 3, i) < bs) flags |= FLAG_CONTROL;
      i = bs + 2;
      continue;
    }
    if (next(buf, 2, i) < q || next(buf, 3, i) < q) flags |= FLAG_CONTROL;
    if (q + 1 >= end) return NEED_MORE;
    if (buf[q + 1] === QUOTE) {
      flags |= FLAG_DOUBLED_QUOTE;
      i = q + 2;
      continue;
    }
    longFlags = flags;
    return q;
  }
}

function scanNumber(buf: Buffer, p: number, end: number, spans: Int32Array, o: number): number {
  const start = p;
  let plain = true;
  let c = buf[p];
  while (c >= 0x30 && c <= 0x39) {
    if (++p >= end) return NEED_MORE;
    c = buf[p];
  }
  if (c !== COMMA && c !== CLOSE && isNumberByte(c)) {
    plain = false;
    while (isNumberByte(c)) {
      if (++p >= end) return NEED_MORE;
      c = buf[p];
    }
  }
  if (!plain || start === p) checkNumberShape(buf, start, p);
  spans[o] = KIND_NUMBER;
  spans[o + 1] = start;
  spans[o + 2] = p;
  spans[o + 3] = start;
  spans[o + 4] = p;
  return p;
}

/** `[+-] digits [. digits] [e [+-] digits]` with at least one mantissa digit, checked without allocating. */
function checkNumberShape(buf: Buffer, start: number, end: number): void {
  let i = start;
  if (i < end && (buf[i] === 0x2d || buf[i] === 0x2b)) i++;
  let digits = 0;
  for (; i < end && buf[i] >= 0x30 && buf[i] <= 0x39; i++) digits++;
  if (i < end && buf[i] === 0x2e) {
    for (i++; i < end && buf[i] >= 0x30 && buf[i] <= 0x39; i++) digits++;
  }
  let ok = digits > 0;
  if (ok && i < end && (buf[i] === 0x65 || buf[i] === 0x45)) {
    i++;
    if (i < end && (buf[i] === 0x2d || buf[i] === 0x2b)) i++;
    const expStart = i;
    while (i < end && buf[i] >= 0x30 && buf[i] <= 0x39) i++;
    ok = i > expStart;
  }
  if (!ok || i !== end) {
    throw new ScanError(
      start,
      `malformed number '${buf.toString('latin1', start, Math.min(end, start + 40))}'`,
    );
  }
}

/** NULL, hex and bit literals, introducers, and numbers starting with a sign, a dot or a zero. */
function scanOtherValue(
  buf: Buffer,
  p: number,
  end: number,
  spans: Int32Array,
  o: number,
  c: number,
): number {
  if (c === 0x30) {
    if (p + 1 >= end) return NEED_MORE;
    const next = buf[p + 1];
    if (next === 0x78) return scanBareHex(buf, p, end, spans, o, 0, p);
    if (next === 0x62) return scanBareBits(buf, p, end, spans, o);
    return scanNumber(buf, p, end, spans, o);
  }
  if (c === 0x2d || c === 0x2b || c === 0x2e) return scanNumber(buf, p, end, spans, o);
  if (c === 0x4e || c === 0x6e) return scanNull(buf, p, end, spans, o);
  if (c === 0x5f) return scanIntroducer(buf, p, end, spans, o);
  if (p + 1 >= end) return NEED_MORE;
  if ((c === 0x78 || c === 0x58) && buf[p + 1] === QUOTE)
    return scanQuotedDigits(buf, p, end, spans, o, KIND_HEX);
  if ((c === 0x62 || c === 0x42) && buf[p + 1] === QUOTE)
    return scanQuotedDigits(buf, p, end, spans, o, KIND_BITS);
  throw new ScanError(p, `expected a value, found ${describeByte(c)}`);
}

function scanNull(buf: Buffer, p: number, end: number, spans: Int32Array, o: number): number {
  if (p + 4 > end) return NEED_MORE;
  if ((buf.readUInt32BE(p) | 0x20202020) !== 0x6e756c6c) {
    throw new ScanError(p, `expected a value, found ${describeByte(buf[p])}`);
  }
  if (p + 4 < end && isWordByte(buf[p + 4])) throw new ScanError(p, 'expected a value, found a word');
  spans[o] = KIND_NULL;
  spans[o + 1] = p;
  spans[o + 2] = p + 4;
  spans[o + 3] = p;
  spans[o + 4] = p + 4;
  return p + 4;
}

/** `_binary '...'`, `_utf8mb4'...'`, `_binary 0x...`: the charset is the column's business, `_binary` is kept. */
function scanIntroducer(buf: Buffer, p: number, end: number, spans: Int32Array, o: number): number {
  const rawStart = p;
  let i = p + 1;
  while (i < end && isWordByte(buf[i])) i++;
  if (i >= end) return NEED_MORE;
  const name = buf.toString('latin1', p + 1, i).toLowerCase();
  const flags = name === 'binary' ? FLAG_BINARY : 0;
  while (i < end && isSpace(buf[i])) i++;
  if (i + 1 >= end) return NEED_MORE;
  const c = buf[i];
  if (c === QUOTE) return scanString(buf, i, end, spans, o, flags, rawStart);
  if (c === 0x30 && buf[i + 1] === 0x78) return scanBareHex(buf, i, end, spans, o, flags, rawStart);
  if ((c === 0x78 || c === 0x58) && buf[i + 1] === QUOTE) {
    const next = scanQuotedDigits(buf, i, end, spans, o, KIND_HEX);
    if (next >= 0) {
      spans[o] |= flags;
      spans[o + 3] = rawStart;
    }
    return next;
  }
  throw new ScanError(i, `expected a string after the introducer _${name}, found ${describeByte(c)}`);
}

function scanBareHex(
  buf: Buffer,
  p: number,
  end: number,
  spans: Int32Array,
  o: number,
  flags: number,
  rawStart: number,
): number {
  const start = p + 2;
  let i = start;
  while (i < end && isHexDigit(buf[i])) i++;
  if (i >= end) return NEED_MORE;
  if (i === start || isWordByte(buf[i])) throw new ScanError(p, 'malformed hex literal');
  spans[o] = KIND_HEX | flags;
  spans[o + 1] = start;
  spans[o + 2] = i;
  spans[o + 3] = rawStart;
  spans[o + 4] = i;
  return i;
}

function scanBareBits(buf: Buffer, p: number, end: number, spans: Int32Array, o: number): number {
  const start = p + 2;
  let i = start;
  while (i < end && (buf[i] === 0x30 || buf[i] === 0x31)) i++;
  if (i >= end) return NEED_MORE;
  if (i === start || isWordByte(buf[i])) throw new ScanError(p, 'malformed bit literal');
  spans[o] = KIND_BITS;
  spans[o + 1] = start;
  spans[o + 2] = i;
  spans[o + 3] = p;
  spans[o + 4] = i;
  return i;
}

/** X'4142' and b'0101'. */
function scanQuotedDigits(
  buf: Buffer,
  p: number,
  end: number,
  spans: Int32Array,
  o: number,
  kind: number,
): number {
  const start = p + 2;
  let i = start;
  const ok = kind === KIND_HEX ? isHexDigit : (c: number) => c === 0x30 || c === 0x31;
  while (i < end && ok(buf[i])) i++;
  if (i >= end) return NEED_MORE;
  if (buf[i] !== QUOTE) throw new ScanError(i, `malformed ${kind === KIND_HEX ? 'hex' : 'bit'} literal`);
  if (kind === KIND_HEX && (i - start) % 2 !== 0)
    throw new ScanError(p, 'hex literal with an odd number of digits');
  spans[o] = kind;
  spans[o + 1] = start;
  spans[o + 2] = i;
  spans[o + 3] = p;
  spans[o + 4] = i + 1;
  return i + 1;
}

export function describeByte(c: number | undefined): string {
  if (c === undefined) return 'the end of the input';
  if (c >= 0x21 && c < 0x7f) return `'${String.fromCharCode(c)}'`;
  return `byte 0x${c.toString(16).padStart(2, '0')}`;
}

export const ROW_OPEN = OPEN;
