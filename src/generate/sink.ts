/**
 * Where the dump goes: a file written through `<name>.tmp` and renamed when complete, so a crash
 * never leaves a half dump under the final name.
 *
 * Plain files are written synchronously from one reused buffer: the generator is CPU-bound, a
 * write into the page cache is quick, and no chunk waits in memory for an asynchronous write
 * (at scale 1, queued chunks and their garbage would cost tens of megabytes of RSS). Gzip goes
 * through a zlib stream and waits for 'drain', so memory stays flat there too.
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { once } from 'node:events';

export interface Sink {
  /** Writes `chunk`; the caller may reuse the chunk's memory once the returned promise (if any) settles. */
  write(chunk: Buffer): Promise<void> | undefined;
  /** Uncompressed bytes written so far. */
  readonly bytes: number;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export function fileSink(finalPath: string, gzip: boolean): Sink {
  return gzip ? new GzipFileSink(finalPath) : new PlainFileSink(finalPath);
}

class PlainFileSink implements Sink {
  private written = 0;
  private fd: number | null;

  constructor(private readonly finalPath: string) {
    this.fd = fs.openSync(`${finalPath}.tmp`, 'w');
  }

  get bytes(): number {
    return this.written;
  }

  write(chunk: Buffer): undefined {
    if (this.fd === null) throw new Error('internal: write after close');
    let off = 0;
    while (off < chunk.length) off += fs.writeSync(this.fd, chunk, off, chunk.length - off);
    this.written += chunk.length;
    return undefined;
  }

  async close(): Promise<void> {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    await fs.promises.rename(`${this.finalPath}.tmp`, this.finalPath);
  }

  async abort(): Promise<void> {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    await fs.promises.rm(`${this.finalPath}.tmp`, { force: true });
  }
}

class GzipFileSink implements Sink {
  private written = 0;
  private readonly file: fs.WriteStream;
  private readonly gzip: zlib.Gzip;
  private failure: Error | undefined;

  constructor(private readonly finalPath: string) {
    this.file = fs.createWriteStream(`${finalPath}.tmp`);
    this.gzip = zlib.createGzip({ level: 6 });
    this.file.on('error', (e) => (this.failure ??= e));
    this.gzip.on('error', (e) => (this.failure ??= e));
    this.gzip.pipe(this.file);
  }

  get bytes(): number {
    return this.written;
  }

  write(chunk: Buffer): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    this.written += chunk.length;
    // zlib keeps a reference until it has compressed the chunk: hand it a copy.
    if (this.gzip.write(Buffer.from(chunk))) return undefined;
    return this.drain();
  }

  private async drain(): Promise<void> {
    await once(this.gzip, 'drain');
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    this.gzip.end();
    await once(this.file, 'close');
    if (this.failure) throw this.failure;
    await fs.promises.rename(`${this.finalPath}.tmp`, this.finalPath);
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    this.file.destroy();
    await fs.promises.rm(`${this.finalPath}.tmp`, { force: true });
  }
}
