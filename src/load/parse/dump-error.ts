import { ErrorCodes, TbError } from '../../core/errors';

export interface DumpErrorDetails {
  readonly file: string;
  /** Absolute byte offset in the (decompressed) dump. */
  readonly offset: number;
  readonly line: number;
  readonly table?: string;
  readonly snippet: string;
  readonly truncated?: boolean;
}

/**
 * Bad input: where it is (byte offset, line, table) and what it looks like, so a person can open the file at
 * the spot. `dump.sql: byte 1234567 (line 89), table \`movings\`: expected ',' ...: ...snippet...`
 */
export class DumpError extends TbError {
  readonly offset: number;
  readonly table?: string;
  readonly snippet: string;

  constructor(message: string, details: DumpErrorDetails) {
    super(details.truncated ? ErrorCodes.dumpTruncated : ErrorCodes.dumpSyntax, message, {
      file: details.file,
      line: details.line,
      hint: details.truncated
        ? 'the dump ends early: was the file copied completely? (compare its size with the source)'
        : undefined,
    });
    this.name = 'DumpError';
    this.offset = details.offset;
    this.table = details.table;
    this.snippet = details.snippet;
  }

  override format(): string {
    const table = this.table ? `, table \`${this.table}\`` : '';
    const head = `${this.file}: byte ${this.offset} (line ${this.line})${table}: [${this.code}] ${this.message}`;
    const body = this.snippet ? `${head}: ${this.snippet}` : head;
    return this.hint ? `${body}\n  hint: ${this.hint}` : body;
  }
}

/** Up to 60 bytes around `pos`, printable: control bytes as \xNN, the error spot marked with ⟨here⟩. */
export function snippetAt(buf: Buffer, pos: number): string {
  const from = Math.max(0, pos - 40);
  const to = Math.min(buf.length, pos + 30);
  const show = (a: number, b: number) =>
    buf
      .toString('utf8', a, b)
      .replace(/[\x00-\x1f\x7f]/g, (ch) =>
        ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
      );
  return `...${show(from, pos)}⟨here⟩${show(pos, to)}...`;
}

export function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  let i = buf.indexOf(0x0a, from);
  while (i >= 0 && i < to) {
    n++;
    i = buf.indexOf(0x0a, i + 1);
  }
  return n;
}
