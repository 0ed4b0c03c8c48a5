import { TbError } from '../core/errors';

interface NunjucksError {
  message?: string;
  lineno?: number;
  colno?: number;
  cause?: unknown;
}

/**
 * nunjucks reports `(file) [Line 3, Column 14]\n  Error: msg`; tb reports `file:3:14: [TB201] msg`.
 * A TbError raised inside a template (unknown ref, missing var) keeps its code and gains the location.
 */
export function toTemplateError(err: unknown, file: string, code: string, zeroBased = false): TbError {
  const e = err as NunjucksError;
  const inner = findTbError(err);
  // The parser counts from 1; the compiled template's position markers count from 0.
  const shift = zeroBased ? 1 : 0;
  const line = e.lineno === undefined ? parseLine(e.message) : e.lineno + shift;
  const column = e.colno === undefined ? parseColumn(e.message) : e.colno + shift;
  if (inner) {
    return new TbError(inner.code, inner.message, {
      file,
      line: inner.line ?? line,
      column: inner.column ?? column,
      hint: inner.hint,
    });
  }
  return new TbError(code, cleanMessage(e.message ?? String(err)), { file, line, column });
}

function findTbError(err: unknown): TbError | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur instanceof TbError) return cur;
    cur = (cur as NunjucksError).cause;
  }
  return undefined;
}

function parseLine(msg: string | undefined): number | undefined {
  const m = /\[Line (\d+)/.exec(msg ?? '');
  return m ? Number(m[1]) : undefined;
}

function parseColumn(msg: string | undefined): number | undefined {
  const m = /Column (\d+)\]/.exec(msg ?? '');
  return m ? Number(m[1]) : undefined;
}

function cleanMessage(msg: string): string {
  return msg
    .replace(/^Template render error: /, '')
    .replace(/^\([^)]*\)\s*(\[Line \d+, Column \d+\])?\s*/, '')
    .replace(/^\s*(Template render error|Error): /, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}
