/**
 * Thrown by the byte scanners with a position inside the buffer being scanned; the dump parser turns it into a
 * TbError with the absolute byte offset, line, table and a snippet.
 */
export class ScanError extends Error {
  constructor(
    readonly pos: number,
    message: string,
  ) {
    super(message);
    this.name = 'ScanError';
  }
}

/** Thrown by a statement handler for input that is well-formed but wrong (unknown table, value count). */
export class DumpInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DumpInputError';
  }
}

/** The scanners return this when the buffer ends before the unit they scan does. */
export const NEED_MORE = -1;
