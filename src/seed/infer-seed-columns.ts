import type { PortableType } from '../adapters/portable-types';
import { ColumnInference } from './column-inference';
import type { CsvSource } from './csv-reader';
import { openCsv } from './csv-reader';
import { validateHeader } from './seed-header';

export interface InferredColumns {
  readonly names: readonly string[];
  readonly types: readonly PortableType[];
  readonly rows: number;
}

/**
 * Pass 1: reads the whole file once, keeping only a few numbers a column, so the types hold for every row
 * (not a sample) and a malformed row fails before anything touches the database.
 */
export async function inferSeedColumns(
  source: CsvSource,
  maxIdentifierLength: number,
  signal?: AbortSignal,
): Promise<InferredColumns> {
  const csv = await openCsv(source);
  let names: string[];
  try {
    names = validateHeader(csv.header, source.filePath, maxIdentifierLength);
  } catch (err) {
    await csv.close();
    throw err;
  }
  const columns = names.map(() => new ColumnInference());
  let rows = 0;
  for await (const batch of csv.batches) {
    signal?.throwIfAborted();
    for (const record of batch) {
      for (let i = 0; i < columns.length; i++) columns[i].observe(record[i]);
    }
    rows += batch.length;
  }
  return { names, types: columns.map((c) => c.result()), rows };
}
