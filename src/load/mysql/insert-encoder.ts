import { isUtf8 } from 'node:buffer';
import {
  type RowSpans,
  FLAG_BINARY as FLAG_BINARY_,
  KIND_MASK as KIND_MASK_,
  KIND_STRING as KIND_STRING_,
  SPAN_WIDTH as SPAN_WIDTH_,
} from '../parse/value-spans';
import { unescapeString } from '../values/unescape';

// Local copies: compiled to CommonJS, an imported constant is a property read on the module object at
// every use, and this is the hot loop.
const FLAG_BINARY = FLAG_BINARY_;
const KIND_MASK = KIND_MASK_;
const KIND_STRING = KIND_STRING_;
const SPAN_WIDTH = SPAN_WIDTH_;

/**
 * Rows re-emitted as the dump wrote them, for tables LOAD DATA cannot fill (BIT, geometry) and servers that
 * refuse LOCAL INFILE. Literals are copied verbatim; a string whose bytes are not UTF-8 (a BLOB without
 * --hex-blob) becomes a hex literal, since the statement travels as UTF-8 text.
 */
export function encodeInsertTuple(buf: Buffer, row: RowSpans, keep: readonly boolean[]): string {
  const spans = row.spans;
  const parts: string[] = [];
  for (let i = 0; i < row.count; i++) {
    if (!keep[i]) continue;
    const o = i * SPAN_WIDTH;
    const kind = spans[o];
    const rawStart = spans[o + 3];
    const rawEnd = spans[o + 4];
    if ((kind & KIND_MASK) === KIND_STRING && !isUtf8(buf.subarray(rawStart, rawEnd))) {
      const bytes = unescapeString(buf, spans[o + 1], spans[o + 2], kind);
      parts.push(`${kind & FLAG_BINARY ? '_binary ' : ''}X'${bytes.toString('hex')}'`);
    } else {
      parts.push(buf.toString('utf8', rawStart, rawEnd));
    }
  }
  return '(' + parts.join(',') + ')';
}
