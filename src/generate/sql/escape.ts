/**
 * Values written the way mysqldump writes them: strings through mysql_real_escape_string
 * (NUL, newline, carriage return, backslash, both quotes and Ctrl-Z are escaped; tab is not),
 * numbers and DECIMALs bare, NULL bare, binary columns byte by byte with the same escapes
 * (mysqldump without --hex-blob, which also puts the `_binary` introducer before the quote),
 * so a BLOB's other bytes, >= 0x80 included, go out raw.
 * @see https://dev.mysql.com/doc/c-api/8.0/en/mysql-real-escape-string.html
 */

export type SqlValue = string | number | bigint | null | Buffer;

/** How a column's values are written: bare number, quoted string, or escaped bytes. */
export type ValueKind = 'num' | 'str' | 'bin';

const SPECIAL = /[\0\n\r\\'"\x1a]/;
const SPECIAL_ALL = /[\0\n\r\\'"\x1a]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\n': '\\n',
  '\r': '\\r',
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\x1a': '\\Z',
};

export function escapeString(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (ch) => ESCAPES[ch]) : s;
}

/** A quoted SQL string literal. */
export function q(s: string): string {
  return `'${escapeString(s)}'`;
}

const BYTE_ESCAPES = new Map<number, number>([
  [0x00, 0x30], // \0
  [0x0a, 0x6e], // \n
  [0x0d, 0x72], // \r
  [0x5c, 0x5c], // \\
  [0x27, 0x27], // \'
  [0x22, 0x22], // \"
  [0x1a, 0x5a], // \Z
]);

/** The bytes between the quotes of a binary literal (quotes not included). */
export function escapeBytes(data: Buffer): Buffer {
  let extra = 0;
  for (let i = 0; i < data.length; i++) if (BYTE_ESCAPES.has(data[i])) extra++;
  if (extra === 0) return data;
  const out = Buffer.allocUnsafe(data.length + extra);
  let j = 0;
  for (let i = 0; i < data.length; i++) {
    const esc = BYTE_ESCAPES.get(data[i]);
    if (esc === undefined) {
      out[j++] = data[i];
    } else {
      out[j++] = 0x5c;
      out[j++] = esc;
    }
  }
  return out;
}
