import { createReadStream } from 'node:fs';
import { csvParse } from './csv-parse-module';
import { ErrorCodes, TbError } from '../core/errors';
import type { CsvSource } from './csv-reader';

interface CsvParseError {
  readonly code: string;
  readonly message: string;
  readonly lines?: number;
  readonly record?: unknown[];
}

interface ParseContext {
  /** Fields of the first record, the header. */
  headerFields: number;
  /** The line the last complete record ended on. */
  lastRecordEnd: number;
}

/**
 * Parses the file again up to its error, noting what the fast pass does not track (an on_record callback
 * costs about half the parse time): the header's width and where the last good record ended.
 */
async function parseContext(source: CsvSource): Promise<ParseContext> {
  const at: ParseContext = { headerFields: 0, lastRecordEnd: 0 };
  const parser = csvParse().parse({
    ...csvParseOptions(source),
    on_record: (record: string[], context: { lines: number }) => {
      if (at.headerFields === 0) at.headerFields = record.length;
      at.lastRecordEnd = context.lines;
      return record;
    },
  });
  try {
    for await (const _record of createReadStream(source.filePath).pipe(parser)) {
      // only the callback's notes matter
    }
  } catch {
    // the same error as before; the notes are what we came for
  }
  return at;
}

/** The options both readers share. */
export function csvParseOptions(source: CsvSource) {
  return {
    delimiter: source.delimiter ?? ',',
    bom: true,
    skip_empty_lines: true,
    // Like Python's csv (dbt's reader): a quote inside an unquoted field is an ordinary character.
    relax_quotes: true,
  };
}

const HINT =
  'quote a field that holds the delimiter, a quote or a line break ("a, b"), and double a quote inside it ("")';

/** csv-parse's errors become TbErrors naming the file and line; a missing file says so; others pass through. */
export async function toSeedError(err: unknown, source: CsvSource): Promise<unknown> {
  const file = source.filePath;
  if (err instanceof TbError) return err;
  const e = err as Partial<CsvParseError> & { code?: unknown };
  if (e.code === 'ENOENT')
    return new TbError(ErrorCodes.seedParse, 'seed file not found', { file, cause: err });
  if (typeof e.code !== 'string' || !e.code.startsWith('CSV_')) return err;
  let line = typeof e.lines === 'number' ? e.lines : undefined;
  let message = `malformed CSV: ${e.message}`;
  if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && Array.isArray(e.record)) {
    const { headerFields } = await parseContext(source);
    message = `line ${line} has ${e.record.length} fields, the header has ${headerFields}`;
  } else if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse reports the end of the file; the record that opened the quote starts after the last good one.
    line = (await parseContext(source)).lastRecordEnd + 1;
    message = `the quoted field in the record starting on line ${line} is never closed`;
  }
  return new TbError(ErrorCodes.seedParse, message, { file, line, cause: err, hint: HINT });
}
