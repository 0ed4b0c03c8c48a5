import type { Adapter } from '../adapters/adapter';
import type { TextRow } from '../adapters/bulk-insert';
import { bulkInsert } from '../adapters/bulk-insert';
import { ErrorCodes, TbError } from '../core/errors';
import type { Relation } from '../core/types';
import { openCsv } from './csv-reader';
import { inferSeedColumns } from './infer-seed-columns';
import { resolveColumns, rowConverter } from './seed-columns';
import type { SeedColumn, SeedOptions, SeedResult, SeedSpec } from './seed-spec';
import type { SwapNames } from './seed-swap';
import { swapNames, swapStatements } from './seed-swap';

function createTableSql(adapter: Adapter, relation: Relation, columns: readonly SeedColumn[]): string {
  const defs = columns.map((c) => `  ${adapter.quoteIdentifier(c.name)} ${c.type}`);
  return `CREATE TABLE ${adapter.quoteRelation(relation)} (\n${defs.join(',\n')}\n)`;
}

/** Pass 2: the file again, as text rows for bulkInsert. */
async function* dataRows(spec: SeedSpec, columns: readonly SeedColumn[]): AsyncGenerator<TextRow[]> {
  const csv = await openCsv(spec);
  const convert = rowConverter(columns);
  for await (const batch of csv.batches) yield batch.map(convert);
}

/** A database error names the seed and its file; a TbError or an abort passes as it is. */
function seedFailure(err: unknown, spec: SeedSpec, relation: Relation, signal?: AbortSignal): unknown {
  if (err instanceof TbError || signal?.aborted) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new TbError(
    ErrorCodes.database,
    `seed '${spec.name}' could not be loaded into ${relation.schema}.${relation.name}: ${reason}`,
    {
      file: spec.filePath,
      cause: err,
      hint: 'a column_types override must accept every value of its column',
    },
  );
}

async function loadAndSwap(
  adapter: Adapter,
  spec: SeedSpec,
  columns: readonly SeedColumn[],
  names: SwapNames,
  signal?: AbortSignal,
): Promise<number> {
  const { dialect } = adapter;
  await adapter.executeAtomically([dialect.dropTable(names.tmp), dialect.dropTable(names.old)]);
  await adapter.execute(createTableSql(adapter, names.tmp, columns));
  try {
    const target = { relation: names.tmp, columns: columns.map((c) => c.name) };
    const rows = await bulkInsert(adapter, target, dataRows(spec, columns), { signal });
    signal?.throwIfAborted();
    const existing = await adapter.getRelation(spec.relation);
    await adapter.executeAtomically(swapStatements(dialect, spec.relation, names, existing?.kind));
    return rows;
  } catch (err) {
    // The old table is untouched until the swap; only the half-built one goes.
    await adapter.execute(dialect.dropTable(names.tmp)).catch(() => undefined);
    throw seedFailure(err, spec, names.tmp, signal);
  }
}

/**
 * Loads one CSV into `spec.relation`: infers the column types over the whole file, builds
 * `<name>__tb_tmp`, fills it in one transaction and swaps it in place of the old table. Readers see the old
 * table or the new one, never a half-loaded one; a failure leaves the old table as it was.
 */
export async function seedTable(
  adapter: Adapter,
  spec: SeedSpec,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const started = performance.now();
  const { logger, signal } = options;
  signal?.throwIfAborted();
  const caps = adapter.capabilities;
  const inferred = await inferSeedColumns(spec, caps.maxIdentifierLength, signal);
  const columns = resolveColumns(caps, inferred.names, inferred.types, spec);
  logger?.debug('seed_columns', `seed ${spec.name}: ${inferred.rows} rows, ${columns.length} columns`, {
    seed: spec.name,
    columns: columns.map((c) => `${c.name} ${c.type}`),
    fullRefresh: options.fullRefresh ?? false,
  });
  await adapter.ensureSchema(spec.relation.schema);
  const rows = await loadAndSwap(
    adapter,
    spec,
    columns,
    swapNames(spec.relation, caps.maxIdentifierLength),
    signal,
  );
  const seconds = (performance.now() - started) / 1000;
  logger?.debug('seed_loaded', `seed ${spec.name}: ${rows} rows in ${seconds.toFixed(2)}s`, {
    seed: spec.name,
    rows,
    seconds,
  });
  return { relation: spec.relation, rows, columns, seconds };
}
