import type { AdapterCapabilities } from '../adapter';

export const sqliteCapabilities: AdapterCapabilities = {
  type: 'sqlite',
  // SQLite has no limit; tb keeps MySQL's so that one project runs on both.
  maxIdentifierLength: 64,
  atomicMultiRename: false,
  // https://www.sqlite.org/lang_transaction.html: DDL is transactional.
  transactionalDdl: true,
  parallelWrites: false,
  defaultThreads: 1,
  upsertSyntax: 'on-conflict',
  createOrReplaceView: false,
  // https://www.sqlite.org/lang_createview.html: a view cannot reference another attached database.
  identifierQuote: '"',
  crossSchemaViews: false,
};
