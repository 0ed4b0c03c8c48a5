import {
  FLAG_DOUBLED_QUOTE as FLAG_DOUBLED_QUOTE_,
  FLAG_ESCAPE as FLAG_ESCAPE_,
  type RowSpans,
  KIND_BITS as KIND_BITS_,
  KIND_HEX as KIND_HEX_,
  KIND_MASK as KIND_MASK_,
  KIND_NULL as KIND_NULL_,
  KIND_NUMBER as KIND_NUMBER_,
  SPAN_WIDTH as SPAN_WIDTH_,
} from '../parse/value-spans';
import { bitsValue, bytesValue, hexBytes, unescapeString } from '../values/unescape';
import { Converter } from './sqlite-types';

// Local copies: compiled to CommonJS, an imported constant is a property read on the module object at
// every use, and this is the hot loop.
const KIND_BITS = KIND_BITS_;
const KIND_HEX = KIND_HEX_;
const KIND_MASK = KIND_MASK_;
const KIND_NULL = KIND_NULL_;
const KIND_NUMBER = KIND_NUMBER_;
const SPAN_WIDTH = SPAN_WIDTH_;

export type SqliteValue = number | bigint | string | Buffer | null;

const ESCAPED = FLAG_ESCAPE_ | FLAG_DOUBLED_QUOTE_;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * Fills `out` with the row's values for binding. Integers stay exact (a BigInt past 2^53; text past 64 bits,
 * which SQLite then stores as REAL); strings are decoded only for text columns; BLOB bytes are bound as is.
 */
export function convertRow(
  buf: Buffer,
  row: RowSpans,
  converters: readonly Converter[],
  out: SqliteValue[],
  offset: number,
): void {
  const spans = row.spans;
  for (let i = 0; i < row.count; i++) {
    const o = i * SPAN_WIDTH;
    const kind = spans[o] & KIND_MASK;
    out[offset + i] =
      kind === KIND_NULL
        ? null
        : convertValue(buf, spans[o], spans[o + 1], spans[o + 2], converters[i], kind);
  }
}

function convertValue(
  buf: Buffer,
  flags: number,
  start: number,
  end: number,
  converter: Converter,
  kind: number,
): SqliteValue {
  if (kind === KIND_NUMBER) return convertNumber(buf, start, end, converter);
  if (kind === KIND_BITS) return fitInt64(bitsValue(buf, start, end));
  // The common case, an unescaped string for a text column, is decoded straight from the chunk.
  if (
    kind !== KIND_HEX &&
    (flags & ESCAPED) === 0 &&
    converter !== Converter.Blob &&
    converter !== Converter.Bit
  ) {
    return buf.toString('utf8', start, end);
  }
  const bytes = kind === KIND_HEX ? hexBytes(buf, start, end) : unescapeString(buf, start, end, flags);
  switch (converter) {
    case Converter.Blob:
      return bytes;
    case Converter.Bit:
      return fitInt64(bytesValue(bytes));
    default:
      return bytes.toString('utf8');
  }
}

function convertNumber(buf: Buffer, start: number, end: number, converter: Converter): SqliteValue {
  switch (converter) {
    case Converter.Integer:
    case Converter.Bit:
      return parseInteger(buf, start, end);
    case Converter.Real:
      return Number(buf.toString('latin1', start, end));
    case Converter.Blob:
      return Buffer.from(buf.subarray(start, end));
    default:
      return buf.toString('latin1', start, end);
  }
}

/** SQLite integers are signed 64-bit: a larger value goes as text, which SQLite stores as the nearest REAL. */
function fitInt64(value: number | bigint): SqliteValue {
  return typeof value === 'bigint' && (value > INT64_MAX || value < INT64_MIN) ? value.toString() : value;
}

/** Plain decimal digits up to 15 are summed in place; anything else goes through the string. */
function parseInteger(buf: Buffer, start: number, end: number): SqliteValue {
  const negative = buf[start] === 0x2d;
  let i = negative ? start + 1 : start;
  if (end - i <= 15) {
    let n = 0;
    for (; i < end; i++) {
      const d = buf[i] - 0x30;
      if (d < 0 || d > 9) return Number(buf.toString('latin1', start, end));
      n = n * 10 + d;
    }
    return negative ? -n : n;
  }
  const text = buf.toString('latin1', start, end);
  if (!/^-?\d+$/.test(text)) return Number(text);
  const big = BigInt(text);
  if (big > INT64_MAX || big < INT64_MIN) return text;
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}
