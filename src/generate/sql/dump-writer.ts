/**
 * Streams tables into mysqldump text. Rows are `(...)` tuples, packed into extended INSERTs the
 * way mysqldump packs them: a new statement starts when the next row would bring the statement
 * to net_buffer_length (1 MiB - 1025 bytes by default).
 * @see https://github.com/mysql/mysql-server/blob/8.0/client/mysqldump.cc (dump_table)
 */
import type { Sink } from '../sink';
import type { DumpTable } from './table-spec';
import { structureSection, dataSectionStart, dataSectionEnd } from './ddl';

export const NET_BUFFER_LENGTH = 1024 * 1024 - 1025;
/**
 * Text is handed to the sink every 64 K characters: row strings then die young, in V8's
 * new space, instead of being promoted and inflating the heap (and RSS) at scale 1.
 */
const FLUSH_CHARS = 1 << 16;

/** Bytes gathered before a write: one reused buffer, so streaming makes no buffer garbage. */
const OUT_BYTES = 1 << 20;

export class DumpWriter {
  private parts: string[] = [];
  private chars = 0;
  private readonly out = Buffer.allocUnsafe(OUT_BYTES);
  private used = 0;

  constructor(private readonly sink: Sink) {}

  /** Text that is not row data (header, sections, trailer). */
  async text(s: string): Promise<void> {
    this.push(s);
    await this.flush();
  }

  /** Writes one table's structure and data; returns the number of rows written. */
  async table(t: DumpTable): Promise<number> {
    const name = t.spec.name;
    this.push(structureSection(t.spec, t.autoIncrement));
    this.push(dataSectionStart(name));
    const insert = `INSERT INTO \`${name}\` VALUES `;
    const initLength = Buffer.byteLength(insert) + 4;
    let total = NET_BUFFER_LENGTH; // forces a statement break before the first row
    let open = false;
    let rows = 0;
    for (const row of t.rows()) {
      // mysqldump counts the row with its parentheses plus 2.
      const rowLength = 2 + (typeof row === 'string' ? Buffer.byteLength(row) : row.length);
      if (total + rowLength < NET_BUFFER_LENGTH) {
        total += rowLength;
        this.push(',');
      } else {
        this.push(open ? `;\n${insert}` : insert);
        open = true;
        total = rowLength + initLength;
      }
      if (typeof row === 'string') this.push(row);
      else await this.pushBytes(row);
      rows++;
      if (this.chars >= FLUSH_CHARS) await this.flush();
    }
    if (open) this.push(';\n');
    this.push(dataSectionEnd(name));
    await this.flush();
    if (rows !== t.rowCount) {
      throw new Error(`internal: table ${name} announced ${t.rowCount} rows and streamed ${rows}`);
    }
    return rows;
  }

  private push(s: string): void {
    this.parts.push(s);
    this.chars += s.length;
  }

  private async pushBytes(b: Buffer): Promise<void> {
    await this.flush();
    if (this.used + b.length > OUT_BYTES) await this.drain();
    if (b.length > OUT_BYTES) await this.send(b);
    else this.used += b.copy(this.out, this.used);
  }

  /** Moves the pending text into the output buffer (3 bytes a character at most). */
  private async stage(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.chars = 0;
    if (this.used + 3 * text.length > OUT_BYTES) await this.drain();
    if (3 * text.length > OUT_BYTES) await this.send(Buffer.from(text, 'utf8'));
    else this.used += this.out.write(text, this.used, 'utf8');
  }

  private async drain(): Promise<void> {
    if (this.used === 0) return;
    const n = this.used;
    this.used = 0;
    await this.send(this.out.subarray(0, n));
  }

  private async send(b: Buffer): Promise<void> {
    const wait = this.sink.write(b);
    if (wait) await wait;
  }

  /** Stages pending text; writes once the buffer is mostly full. */
  async flush(): Promise<void> {
    await this.stage();
    if (this.used > OUT_BYTES - (OUT_BYTES >> 2)) await this.drain();
  }

  /** Everything pending goes to the sink. */
  async end(): Promise<void> {
    await this.stage();
    await this.drain();
  }
}
