import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, read, unlinkSync, write } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ErrorCodes, TbError } from '../../core/errors';

export interface SpoolRange {
  readonly offset: number;
  readonly length: number;
}

/** Bytes per read while streaming a spooled batch: one LOCAL INFILE packet (under max_allowed_packet). */
const READ_BYTES = 1 << 20;

/**
 * LOAD DATA bodies waiting on disk instead of in memory. The tokenizer runs two to three times faster than
 * one session loads, and only a table's own session may load it, so the loader reads ahead into the next
 * tables while the sessions are busy; what does not fit the memory bound waits here.
 *
 * The file is unlinked as soon as it is open: whatever happens to the process (kill -9 included), the
 * space goes back to the system. When nothing is left waiting it is truncated, so it only grows as far as
 * the largest backlog.
 */
export class BatchSpool {
  private end = 0;
  private outstanding = 0;
  private writes: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(private readonly fd: number) {}

  static open(dir: string): BatchSpool {
    const path = join(dir, `tb-load-spool-${process.pid}-${randomBytes(6).toString('hex')}`);
    let fd: number;
    try {
      fd = openSync(path, 'wx+', 0o600);
    } catch (err) {
      throw new TbError(
        ErrorCodes.configInvalidValue,
        `cannot create the load's spool file in ${dir}: ${(err as Error).message}`,
        {
          hint: 'point --spool-dir (or TMPDIR) at a writable folder, or keep batches in memory with --spool-mb 0',
        },
      );
    }
    unlinkSync(path);
    return new BatchSpool(fd);
  }

  /** Bytes written and not yet released. */
  get bytes(): number {
    return this.outstanding;
  }

  /** Appends `chunks`; resolves with where they are once they are written. */
  write(chunks: readonly Buffer[]): Promise<SpoolRange> {
    const length = chunks.reduce((n, c) => n + c.length, 0);
    const range = { offset: this.end, length };
    this.end += length;
    this.outstanding += length;
    let at = range.offset;
    const done = this.writes.then(async () => {
      for (const chunk of chunks) {
        for (let off = 0; off < chunk.length;) {
          const n = await writeAt(this.fd, chunk, off, chunk.length - off, at);
          off += n;
          at += n;
        }
      }
      return range;
    });
    this.writes = done.catch(() => undefined);
    return done;
  }

  /** The bytes of `range`, read as they are sent. */
  stream(range: SpoolRange): Readable {
    const fd = this.fd;
    return Readable.from(
      (async function* () {
        for (let at = range.offset; at < range.offset + range.length;) {
          const want = Math.min(READ_BYTES, range.offset + range.length - at);
          const buf = Buffer.allocUnsafe(want);
          const n = await readAt(fd, buf, want, at);
          if (n === 0) throw new Error(`spool file ended at byte ${at}`);
          at += n;
          yield n === want ? buf : buf.subarray(0, n);
        }
      })(),
    );
  }

  /** `range` has been loaded; once nothing waits, the file starts again from empty. */
  release(range: SpoolRange): void {
    this.outstanding -= range.length;
    if (this.outstanding === 0 && !this.closed) {
      const end = this.end;
      void this.writes.then(() => {
        // Only if nothing was appended meanwhile.
        if (this.end === end && this.outstanding === 0 && !this.closed) {
          ftruncateSync(this.fd, 0);
          this.end = 0;
        }
      });
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

function writeAt(fd: number, buf: Buffer, off: number, len: number, pos: number): Promise<number> {
  return new Promise((resolve, reject) =>
    write(fd, buf, off, len, pos, (err, n) => (err ? reject(err) : resolve(n))),
  );
}

function readAt(fd: number, buf: Buffer, len: number, pos: number): Promise<number> {
  return new Promise((resolve, reject) =>
    read(fd, buf, 0, len, pos, (err, n) => (err ? reject(err) : resolve(n))),
  );
}
