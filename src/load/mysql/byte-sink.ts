const EMPTY = Buffer.alloc(0);

/** An append-only byte buffer in fixed chunks: the body of one LOAD DATA batch. */
export class ByteSink {
  readonly chunks: Buffer[] = [];
  private current: Buffer;
  pos = 0;
  private done = 0;

  constructor(private readonly chunkSize = 1 << 20) {
    this.current = Buffer.allocUnsafe(chunkSize);
  }

  get length(): number {
    return this.done + this.pos;
  }

  /** Room for `n` more bytes in `buf` from `pos`; returns the chunk to write into. */
  reserve(n: number): Buffer {
    if (this.pos + n <= this.current.length) return this.current;
    this.seal();
    this.current = Buffer.allocUnsafe(Math.max(this.chunkSize, n));
    return this.current;
  }

  private seal(): void {
    if (this.pos > 0) this.chunks.push(this.current.subarray(0, this.pos));
    this.done += this.pos;
    this.pos = 0;
  }

  /**
   * The bytes written so far; the sink is not used afterwards and keeps no reference to them, so that a
   * batch waiting in a queue does not hold a body that has moved to the spool file.
   */
  take(): Buffer[] {
    this.seal();
    this.current = EMPTY;
    return this.chunks.splice(0);
  }
}
