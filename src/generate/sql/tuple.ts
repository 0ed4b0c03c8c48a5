/**
 * One row as mysqldump prints it inside an extended INSERT: `(1,'text',NULL,35.6895000)`, and a
 * binary value as `_binary '...'` (raw bytes, escaped).
 * @see https://github.com/mysql/mysql-server/blob/8.0/client/mysqldump.cc (dump_table, is_blob)
 */
import type { SqlValue, ValueKind } from './escape';
import { escapeString, escapeBytes } from './escape';

/** Text when every value is text; bytes when a BLOB value is present (it is not valid UTF-8). */
export function tuple(kinds: readonly ValueKind[], row: readonly SqlValue[]): string | Buffer {
  let s = '(';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) s += ',';
    if (v === null) s += 'NULL';
    else if (Buffer.isBuffer(v)) return binaryTuple(kinds, row);
    else if (kinds[i] === 'num') s += String(v);
    else s += `'${escapeString(String(v))}'`;
  }
  return s + ')';
}

function binaryTuple(kinds: readonly ValueKind[], row: readonly SqlValue[]): Buffer {
  const parts: Buffer[] = [];
  let text = '(';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) text += ',';
    if (Buffer.isBuffer(v) && v.length > 0) {
      // mysqldump marks binary columns with the _binary introducer (no charset conversion).
      parts.push(Buffer.from(`${text}_binary '`, 'utf8'), escapeBytes(v));
      text = "'";
    } else if (Buffer.isBuffer(v)) text += "''";
    else if (v === null) text += 'NULL';
    else if (kinds[i] === 'num') text += String(v);
    else text += `'${escapeString(String(v))}'`;
  }
  parts.push(Buffer.from(`${text})`, 'utf8'));
  return Buffer.concat(parts);
}
