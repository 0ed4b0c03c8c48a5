import type { AdapterCapabilities } from '../adapter';

export const mysqlCapabilities: AdapterCapabilities = {
  type: 'mysql',
  // https://dev.mysql.com/doc/refman/8.0/en/identifier-length.html
  maxIdentifierLength: 64,
  // https://dev.mysql.com/doc/refman/8.0/en/rename-table.html: several renames in one statement are atomic.
  atomicMultiRename: true,
  // https://dev.mysql.com/doc/refman/8.0/en/implicit-commit.html
  transactionalDdl: false,
  parallelWrites: true,
  defaultThreads: 4,
  upsertSyntax: 'on-duplicate-key',
  createOrReplaceView: true,
  identifierQuote: '`',
  crossSchemaViews: true,
};
