import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { csvParse } from './csv-parse-module';
import { ErrorCodes, TbError } from '../core/errors';
import { csvParseOptions, toSeedError } from './csv-errors';
import { utf8Check } from './utf8-check';

export interface CsvSource {
  readonly filePath: string;
  readonly delimiter?: string;
}

export interface CsvFile {
  /** The first record as written (names are checked by validateHeader). */
  readonly header: readonly string[];
  /** The records after the header, in batches. */
  readonly batches: AsyncIterable<string[][]>;
  /** Closes the file when the batches are not read to their end. */
  close(): Promise<void>;
}

const BATCH_ROWS = 2000;

async function* recordBatches(source: CsvSource): AsyncGenerator<string[][]> {
  const parser = csvParse().parse(csvParseOptions(source));
  const bytes = createReadStream(source.filePath, { highWaterMark: 1 << 20 });
  pipeline(bytes, utf8Check(source.filePath), parser, () => {
    // Errors reach the loop below through the parser.
  });
  let batch: string[][] = [];
  let header = true;
  for await (const record of parser as AsyncIterable<string[]>) {
    batch.push(record);
    // The header goes alone, so that the caller has it before reading a row.
    if (header || batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
      header = false;
    }
  }
  if (batch.length > 0) yield batch;
}

async function* mapErrors(batches: AsyncIterable<string[][]>, source: CsvSource): AsyncGenerator<string[][]> {
  try {
    yield* batches;
  } catch (err) {
    throw await toSeedError(err, source);
  }
}

/** Streams a CSV in constant memory, whatever its size. Each call reads the file again from the start. */
export async function openCsv(source: CsvSource): Promise<CsvFile> {
  const iterator = recordBatches(source)[Symbol.asyncIterator]();
  let first: IteratorResult<string[][]>;
  try {
    first = await iterator.next();
  } catch (err) {
    throw await toSeedError(err, source);
  }
  if (first.done || first.value.length === 0) {
    throw new TbError(ErrorCodes.seedParse, 'the CSV is empty: a seed needs a header row', {
      file: source.filePath,
      line: 1,
    });
  }
  const [header] = first.value;
  return {
    header,
    batches: mapErrors({ [Symbol.asyncIterator]: () => iterator }, source),
    close: async () => {
      await iterator.return?.(undefined);
    },
  };
}
