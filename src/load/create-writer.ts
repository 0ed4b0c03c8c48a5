import type { Adapter } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import type { DumpWriter, WriterOptions } from './dump-writer';
import { MysqlDumpWriter } from './mysql/mysql-writer';
import { SqliteDumpWriter } from './sqlite/sqlite-writer';

type WriterFactory = (adapter: Adapter, options: WriterOptions) => DumpWriter;

/** One writer per engine, keyed by the adapter's declared type. */
const writers: Readonly<Record<string, WriterFactory>> = {
  mysql: (adapter, options) => new MysqlDumpWriter(adapter, options),
  sqlite: (adapter, options) => new SqliteDumpWriter(adapter, options),
};

export function createDumpWriter(adapter: Adapter, options: WriterOptions): DumpWriter {
  const factory = writers[adapter.capabilities.type];
  if (!factory)
    throw new TbError(ErrorCodes.internal, `tb load has no writer for '${adapter.capabilities.type}'`);
  return factory(adapter, options);
}
