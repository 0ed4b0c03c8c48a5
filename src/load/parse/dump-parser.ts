import { classifyStatement, type DumpStatement } from './dump-statement';
import { DumpError, countNewlines, snippetAt } from './dump-error';
import { scanInsertHeader, type InsertHeader } from './insert-header';
import { describeByte, scanRow as scanRowImport } from './row-scanner';
import { DumpInputError, NEED_MORE, ScanError } from './scan-error';
import type { ServerVersion } from './server-version';
import {
  isSpaceByte as isSpaceImport,
  matchesAt,
  scanStatement,
  skipBetweenStatements,
} from './statement-scanner';
import { RowSpans } from './value-spans';

/** What the parser reports, in dump order. Calls are synchronous; `row` must copy what it keeps of `buf`. */
export interface DumpHandler {
  statement(statement: DumpStatement): void;
  insertStart(header: InsertHeader): void;
  row(buf: Buffer, row: RowSpans): void;
  insertEnd(): void;
}

export interface DumpParserOptions {
  /** For error messages. */
  readonly file: string;
  /** Conditional comments are judged against this server. */
  readonly server: ServerVersion;
}

// Local bindings for the per-row calls (a bundler may compile imports to getters).
const scanRow = scanRowImport;
const isSpaceByte = isSpaceImport;
const EMPTY = Buffer.alloc(0);
const DELIMITER_WORD = Buffer.from('DELIMITER');

/**
 * The streaming tokenizer: bytes in (chunks of any size, statements of any length), statement events out.
 * A unit (a statement, an INSERT header, one row) is scanned only when it lies whole in the buffer; when the
 * buffer ends inside one, the parser waits for twice as many bytes before trying again, so a 500 MB row costs
 * a few rescans, not thousands.
 */
export class DumpParser {
  private buf: Buffer = EMPTY;
  private pos = 0;
  /** Absolute offset of buf[0] in the dump, and the newlines before it. */
  private base = 0;
  private linesBefore = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private minBytes = 0;
  private delimiter = Buffer.from(';');
  private inRows = false;
  private expectRow = true;
  private table: string | undefined;
  /** Where the row being handled starts, for the errors a handler raises. */
  private rowStart = 0;
  private readonly row = new RowSpans();

  constructor(
    private readonly handler: DumpHandler,
    private readonly options: DumpParserOptions,
  ) {}

  /** Bytes handed to the parser so far. */
  get bytesFed(): number {
    return this.base + this.buf.length + this.pendingBytes;
  }

  feed(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.buf.length - this.pos + this.pendingBytes < this.minBytes) return;
    this.compact();
    this.run(false);
  }

  /** The input is complete: anything left unfinished is a truncated dump. */
  end(): void {
    this.compact();
    this.run(true);
    if (this.inRows) this.fail(this.pos, `the dump ends inside the INSERT rows of \`${this.table}\``, true);
    if (this.pos < this.buf.length) this.fail(this.pos, 'the dump ends inside a statement', true);
  }

  private compact(): void {
    if (this.pos > 0) {
      this.linesBefore += countNewlines(this.buf, 0, this.pos);
      this.base += this.pos;
    }
    const rest = this.buf.subarray(this.pos);
    this.buf =
      this.pending.length === 1 && rest.length === 0
        ? this.pending[0]
        : Buffer.concat([rest, ...this.pending]);
    this.pos = 0;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private run(final: boolean): void {
    for (;;) {
      const before = this.pos;
      let next: number;
      try {
        next = this.inRows ? this.stepRows() : this.stepStatement(final);
      } catch (err) {
        if (err instanceof ScanError) this.fail(err.pos, err.message);
        if (err instanceof DumpInputError) this.fail(this.inRows ? this.rowStart : before, err.message);
        throw err;
      }
      if (next === NEED_MORE) {
        this.minBytes = Math.max(1, (this.buf.length - this.pos) * 2);
        return;
      }
      if (this.pos >= this.buf.length) {
        this.minBytes = 0;
        return;
      }
    }
  }

  /** Rows of the current INSERT until its delimiter; keeps going while whole rows are in the buffer. */
  private stepRows(): number {
    const buf = this.buf;
    const end = buf.length;
    let p = this.pos;
    for (;;) {
      while (p < end && isSpaceByte(buf[p])) p++;
      this.pos = p;
      if (p >= end) return NEED_MORE;
      if (this.expectRow) {
        if (buf[p] !== 0x28)
          throw new ScanError(p, `expected '(' to start a row, found ${describeByte(buf[p])}`);
        const next = scanRow(buf, p, end, this.row);
        if (next < 0) return NEED_MORE;
        this.rowStart = p;
        this.handler.row(buf, this.row);
        p = next;
        this.pos = p;
        this.expectRow = false;
        continue;
      }
      if (buf[p] === 0x2c) {
        p++;
        this.expectRow = true;
      } else if (matchesAt(buf, p, end, this.delimiter)) {
        this.pos = p + this.delimiter.length;
        this.inRows = false;
        this.handler.insertEnd();
        return this.pos;
      } else if (p + this.delimiter.length > end && this.delimiter[0] === buf[p]) {
        return NEED_MORE;
      } else {
        throw new ScanError(
          p,
          `expected ',' or '${this.delimiter}' after a row, found ${describeByte(buf[p])}`,
        );
      }
    }
  }

  private stepStatement(final: boolean): number {
    const buf = this.buf;
    const end = buf.length;
    const p = skipBetweenStatements(buf, this.pos, end, this.delimiter, this.options.server, final);
    if (p < 0) return NEED_MORE;
    this.pos = p;
    if (p >= end) return NEED_MORE;
    // A statement's first word decides how it is scanned: wait until it is whole.
    if (end - p < 16 && !final) return NEED_MORE;
    if (this.atWord(p, DELIMITER_WORD)) return this.readDelimiter(p, final);
    if (this.atInsert(p)) {
      const scanned = scanInsertHeader(buf, p, end, this.delimiter);
      if (scanned === NEED_MORE) return NEED_MORE;
      this.table = scanned.header.table;
      this.inRows = true;
      this.expectRow = true;
      this.wrapHandler(p, () => this.handler.insertStart(scanned.header));
      this.pos = scanned.end;
      return this.pos;
    }
    const scanned = scanStatement(buf, p, end, this.delimiter, this.options.server);
    if (scanned === NEED_MORE) return NEED_MORE;
    this.wrapHandler(p, () => {
      const statement = classifyStatement(scanned.text);
      if (statement.kind === 'create-table') this.table = statement.table.name;
      this.handler.statement(statement);
    });
    this.pos = scanned.end;
    return this.pos;
  }

  private wrapHandler(at: number, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      if (err instanceof DumpInputError) throw new ScanError(at, err.message);
      throw err;
    }
  }

  /** The client command `DELIMITER ;;`: the rest of the line is the new delimiter. */
  private readDelimiter(p: number, final: boolean): number {
    const lf = this.buf.indexOf(0x0a, p);
    if (lf < 0 && !final) return NEED_MORE;
    const lineEnd = lf < 0 ? this.buf.length : lf;
    const text = this.buf.toString('utf8', p + DELIMITER_WORD.length, lineEnd).trim();
    if (text.length === 0 || /\s/.test(text)) throw new ScanError(p, `malformed DELIMITER command '${text}'`);
    this.delimiter = Buffer.from(text);
    this.pos = lf < 0 ? lineEnd : lf + 1;
    return this.pos;
  }

  private atWord(p: number, upper: Buffer): boolean {
    const end = p + upper.length;
    if (end >= this.buf.length) return false;
    for (let k = 0; k < upper.length; k++) if ((this.buf[p + k] & 0xdf) !== upper[k]) return false;
    return isSpaceByte(this.buf[end]);
  }

  private atInsert(p: number): boolean {
    const word = this.buf.toString('latin1', p, Math.min(this.buf.length, p + 8)).toUpperCase();
    return /^(INSERT|REPLACE)[\s/]/.test(word);
  }

  private fail(pos: number, message: string, truncated = false): never {
    throw new DumpError(message, {
      file: this.options.file,
      offset: this.base + pos,
      line: this.linesBefore + countNewlines(this.buf, 0, pos) + 1,
      table: this.table,
      snippet: snippetAt(this.buf, pos),
      truncated,
    });
  }
}
