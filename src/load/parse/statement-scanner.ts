import { NEED_MORE, ScanError } from './scan-error';
import { conditionalRuns, type ServerVersion } from './server-version';

/*
 * Byte-level scanning of everything that is not an INSERT's rows: comments, version-conditional comments,
 * quoted runs, and the end of a statement at the current DELIMITER.
 */

export function isSpaceByte(c: number): boolean {
  return c <= 0x20 && (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0b || c === 0x0c);
}

export function matchesAt(buf: Buffer, p: number, end: number, bytes: Buffer): boolean {
  if (p + bytes.length > end) return false;
  for (let k = 0; k < bytes.length; k++) if (buf[p + k] !== bytes[k]) return false;
  return true;
}

/** The position after a quoted run starting at `p`, or NEED_MORE. */
export function skipQuoted(buf: Buffer, p: number, end: number): number {
  const quote = buf[p];
  const backslash = quote !== 0x60;
  let i = p + 1;
  while (i < end) {
    const c = buf[i];
    if (backslash && c === 0x5c) i += 2;
    else if (c === quote) {
      if (i + 1 >= end) return NEED_MORE;
      if (buf[i + 1] !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return NEED_MORE;
}

/** The position after the line that `p` is on (after its LF), or NEED_MORE. */
export function skipLine(buf: Buffer, p: number, end: number): number {
  const lf = buf.indexOf(0x0a, p);
  return lf < 0 || lf >= end ? NEED_MORE : lf + 1;
}

/** `--` starts a comment only when followed by a space or a control character. */
export function isDashComment(buf: Buffer, p: number, end: number): boolean | null {
  if (buf[p] !== 0x2d || buf[p + 1] !== 0x2d) return false;
  if (p + 2 >= end) return null;
  return buf[p + 2] <= 0x20;
}

export interface ConditionalMarker {
  /** Position after the marker and its version digits. */
  readonly contentStart: number;
  readonly runs: boolean;
}

/** At `/*`: whether it is a conditional comment that runs on `server`; null for a plain comment. */
export function readConditional(
  buf: Buffer,
  p: number,
  end: number,
  server: ServerVersion,
): ConditionalMarker | null | typeof NEED_MORE {
  if (p + 4 > end) return NEED_MORE;
  const mariadbOnly = buf[p + 2] === 0x4d && buf[p + 3] === 0x21;
  if (buf[p + 2] !== 0x21 && !mariadbOnly) return null;
  let i = p + (mariadbOnly ? 4 : 3);
  const maxDigits = mariadbOnly ? 6 : 5;
  const digitsStart = i;
  while (i < end && i - digitsStart < maxDigits && buf[i] >= 0x30 && buf[i] <= 0x39) i++;
  if (i >= end) return NEED_MORE;
  const version = i > digitsStart ? Number(buf.toString('latin1', digitsStart, i)) : null;
  return { contentStart: i, runs: conditionalRuns(server, mariadbOnly, version) };
}

/** The position after the `*\/` closing a comment whose body starts at `p`, or NEED_MORE. */
export function skipBlockComment(buf: Buffer, p: number, end: number): number {
  let i = p;
  for (;;) {
    const star = buf.indexOf(0x2a, i);
    if (star < 0 || star + 1 >= end) return NEED_MORE;
    if (buf[star + 1] === 0x2f) return star + 2;
    i = star + 1;
  }
}

/**
 * Skips what lies between statements: whitespace, comments, conditional comments that do not run on the
 * server, and empty statements. Returns the start of the next statement (or `end`), or NEED_MORE when a comment
 * is cut by the end of the buffer.
 */
export function skipBetweenStatements(
  buf: Buffer,
  p: number,
  end: number,
  delimiter: Buffer,
  server: ServerVersion,
  final = false,
): number {
  const lineEnd = (from: number) => {
    const next = skipLine(buf, from, end);
    return next < 0 && final ? end : next;
  };
  while (p < end) {
    const c = buf[p];
    if (isSpaceByte(c)) p++;
    else if (c === 0x23) p = lineEnd(p);
    else if (c === 0x2d) {
      const dash = isDashComment(buf, p, end);
      if (dash === null) return NEED_MORE;
      if (!dash) return p;
      p = lineEnd(p);
    } else if (c === 0x2f && buf[p + 1] === 0x2a) {
      const cond = readConditional(buf, p, end, server);
      if (cond === NEED_MORE) return NEED_MORE;
      if (cond !== null && cond.runs) return p;
      p = skipBlockComment(buf, p + 2, end);
    } else if (matchesAt(buf, p, end, delimiter)) p += delimiter.length;
    else return p;
    if (p < 0) return NEED_MORE;
  }
  return p;
}

export interface ScannedStatement {
  /** The statement with comments removed and the markers of running conditional comments stripped. */
  readonly text: string;
  /** Position after the delimiter. */
  readonly end: number;
}

/** A whole statement up to its delimiter, or NEED_MORE. */
export function scanStatement(
  buf: Buffer,
  p: number,
  end: number,
  delimiter: Buffer,
  server: ServerVersion,
): ScannedStatement | typeof NEED_MORE {
  const pieces: Buffer[] = [];
  const SPACE = Buffer.from(' ');
  let from = p;
  let inConditional = false;
  let i = p;
  const cut = (to: number, next: number) => {
    pieces.push(buf.subarray(from, to), SPACE);
    from = next;
  };
  while (i < end) {
    const c = buf[i];
    if (c === delimiter[0] && matchesAt(buf, i, end, delimiter)) {
      pieces.push(buf.subarray(from, i));
      return { text: Buffer.concat(pieces).toString('utf8'), end: i + delimiter.length };
    }
    let next = i + 1;
    if (c === 0x27 || c === 0x22 || c === 0x60) next = skipQuoted(buf, i, end);
    else if (c === 0x23) {
      next = skipLine(buf, i, end);
      if (next >= 0) cut(i, next);
    } else if (c === 0x2d && isDashComment(buf, i, end) !== false) {
      if (isDashComment(buf, i, end) === null) return NEED_MORE;
      next = skipLine(buf, i, end);
      if (next >= 0) cut(i, next);
    } else if (c === 0x2f && buf[i + 1] === 0x2a) {
      next = scanComment(buf, i, end, server, inConditional);
      if (next >= 0) {
        const opens = readConditional(buf, i, end, server);
        const runs = opens !== null && opens !== NEED_MORE && opens.runs;
        if (runs) inConditional = true;
        cut(i, runs ? opens.contentStart : next);
      }
    } else if (c === 0x2a && inConditional && buf[i + 1] === 0x2f) {
      inConditional = false;
      next = i + 2;
      cut(i, next);
    }
    if (next < 0) return NEED_MORE;
    i = next;
  }
  return NEED_MORE;
}

/** At `/*`: where scanning resumes. A running conditional comment's content is code, so it resumes inside. */
function scanComment(buf: Buffer, p: number, end: number, server: ServerVersion, nested: boolean): number {
  const cond = readConditional(buf, p, end, server);
  if (cond === NEED_MORE) return NEED_MORE;
  if (cond !== null && cond.runs) {
    if (nested) throw new ScanError(p, 'nested conditional comment');
    return cond.contentStart;
  }
  return skipBlockComment(buf, p + 2, end);
}
