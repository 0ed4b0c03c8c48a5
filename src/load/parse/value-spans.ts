/**
 * A parsed row is a flat Int32Array of value spans, never objects: the tokenizer hands the writer byte offsets
 * into the chunk it is scanning, and the writer copies or decodes them before the chunk goes away.
 *
 * Each value takes SPAN_WIDTH ints: [kind | flags, start, end, rawStart, rawEnd]. For a string, start..end is the
 * body between the quotes (still escaped); for a hex or bit literal, the digits; rawStart..rawEnd is the whole
 * literal as written, introducer included (the INSERT re-emitter copies it verbatim).
 */
export const SPAN_WIDTH = 5;

export const KIND_MASK = 0x0f;
export const KIND_NULL = 1;
export const KIND_NUMBER = 2;
export const KIND_STRING = 3;
export const KIND_HEX = 4;
export const KIND_BITS = 5;

/** A backslash escape occurs in the string body. */
export const FLAG_ESCAPE = 0x10;
/** A doubled quote (`''`) occurs in the string body. */
export const FLAG_DOUBLED_QUOTE = 0x20;
/** A raw tab or line feed occurs in the string body (LOAD DATA must escape it). */
export const FLAG_CONTROL = 0x40;
/** The literal had the `_binary` introducer. */
export const FLAG_BINARY = 0x80;

/** A reusable row: the spans of the values scanned so far. */
export class RowSpans {
  spans: Int32Array = new Int32Array(64 * SPAN_WIDTH);
  count = 0;

  grow(): Int32Array {
    const bigger = new Int32Array(this.spans.length * 2);
    bigger.set(this.spans);
    this.spans = bigger;
    return bigger;
  }
}

export function kindName(kind: number): string {
  switch (kind & KIND_MASK) {
    case KIND_NULL:
      return 'NULL';
    case KIND_NUMBER:
      return 'number';
    case KIND_STRING:
      return 'string';
    case KIND_HEX:
      return 'hex literal';
    case KIND_BITS:
      return 'bit literal';
    default:
      return 'value';
  }
}
