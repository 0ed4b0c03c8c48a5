import { NEED_MORE, ScanError } from './scan-error';
import { isOp, isWord, lexSql, nameOf } from './sql-lexer';
import { isSpaceByte, matchesAt, skipQuoted } from './statement-scanner';

/** `INSERT [IGNORE] INTO t [(a, b)] VALUES`: what the rows that follow belong to. */
export interface InsertHeader {
  readonly table: string;
  /** The column list as written, or null for "every column in order". */
  readonly columns: readonly string[] | null;
  readonly verb: 'insert' | 'replace';
  readonly ignore: boolean;
}

export interface ScannedHeader {
  readonly header: InsertHeader;
  /** Position after the VALUES keyword. */
  readonly end: number;
}

/** A header longer than this is no header (a column list of thousands of columns still fits). */
const MAX_HEADER_BYTES = 1 << 20;

/** Finds VALUES after INSERT/REPLACE at `p` and parses what lies before it. */
export function scanInsertHeader(
  buf: Buffer,
  p: number,
  end: number,
  delimiter: Buffer,
): ScannedHeader | typeof NEED_MORE {
  let i = p;
  let depth = 0;
  const limit = Math.min(end, p + MAX_HEADER_BYTES);
  while (i < limit) {
    const c = buf[i];
    if (c === 0x60 || c === 0x27 || c === 0x22) {
      i = skipQuoted(buf, i, end);
      if (i < 0) return NEED_MORE;
      continue;
    }
    if (c === 0x28) depth++;
    else if (c === 0x29) depth--;
    else if (depth === 0 && matchesAt(buf, i, end, delimiter)) {
      throw new ScanError(p, 'only INSERT ... VALUES is supported (no INSERT ... SELECT or INSERT ... SET)');
    } else if (
      depth === 0 &&
      (c === 0x56 || c === 0x76) &&
      precedesValues(buf[i - 1]) &&
      isValuesWord(buf, i, end)
    ) {
      const after = valuesWordEnd(buf, i);
      if (after >= end) return NEED_MORE;
      return { header: parseHeader(buf.toString('utf8', p, i), p), end: after };
    }
    i++;
  }
  if (limit === end && end - p < MAX_HEADER_BYTES) return NEED_MORE;
  throw new ScanError(p, 'no VALUES keyword within 1 MiB of INSERT');
}

function precedesValues(c: number): boolean {
  return isSpaceByte(c) || c === 0x29 || c === 0x60;
}

function isValuesWord(buf: Buffer, i: number, end: number): boolean {
  const word = buf.toString('latin1', i, Math.min(end, i + 7)).toUpperCase();
  return word.startsWith('VALUES') || word.startsWith('VALUE ') || word.startsWith('VALUE(');
}

function valuesWordEnd(buf: Buffer, i: number): number {
  return (buf[i + 5] | 0x20) === 0x73 ? i + 6 : i + 5;
}

function parseHeader(text: string, at: number): InsertHeader {
  const tokens = lexSql(text);
  const verb = isWord(tokens[0], 'REPLACE') ? 'replace' : 'insert';
  let i = 1;
  let ignore = false;
  while (isWord(tokens[i], 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE', 'INTO')) {
    if (isWord(tokens[i], 'IGNORE')) ignore = true;
    i++;
  }
  let table = nameOf(tokens[i]);
  if (isOp(tokens[i + 1], '.')) table = nameOf(tokens[(i += 2)]);
  if (table === undefined) throw new ScanError(at, 'expected a table name after INSERT INTO');
  i++;
  let columns: string[] | null = null;
  if (isOp(tokens[i], '(')) {
    columns = [];
    for (i++; i < tokens.length && !isOp(tokens[i], ')'); i++) {
      if (isOp(tokens[i], ',')) continue;
      const name = nameOf(tokens[i]);
      if (name === undefined) throw new ScanError(at, `unexpected '${tokens[i].value}' in the column list`);
      columns.push(name);
    }
    i++;
  }
  if (i < tokens.length) throw new ScanError(at, `unexpected '${tokens[i].value}' before VALUES`);
  return { table, columns, verb, ignore };
}
