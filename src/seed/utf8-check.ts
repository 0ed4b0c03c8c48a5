import { Transform } from 'node:stream';
import { ErrorCodes, TbError } from '../core/errors';

const NEWLINE = 0x0a;

function countNewlines(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(NEWLINE); i !== -1 && i < end; i = buf.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** Offset of the first byte that does not start or continue a UTF-8 sequence (lead and continuation bytes only). */
export function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const size =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) {
      // A sequence cut by the end of the chunk continues in the next one.
      if (i + k >= buf.length) return buf.length;
      if ((buf[i + k] & 0xc0) !== 0x80) return i;
    }
    i += size;
  }
  return buf.length;
}

/**
 * Passes bytes through, failing on the first sequence that is not UTF-8 (a Shift_JIS export from Excel, say)
 * where a lenient decoder would write U+FFFD into the table without a word. The error names the line.
 */
export function utf8Check(file: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 1;
  const fail = (line: number): TbError =>
    new TbError(ErrorCodes.seedParse, `line ${line} is not valid UTF-8`, {
      file,
      line,
      hint: 'save the CSV as UTF-8',
    });
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return done(fail(lines + countNewlines(chunk, Math.min(firstInvalidUtf8(chunk), chunk.length))));
      }
      lines += countNewlines(chunk, chunk.length);
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(fail(lines));
      }
    },
  });
}
