/** The bronze layer's library API: `loadDump(adapter, source, options)`. The CLI command is a thin shell. */
export { loadDump, DEFAULT_LOAD_SCHEMA } from './load-dump';
export type { LoadEvent, LoadOptions, LoadResult, TableSummary } from './load-types';
export { openSource, type DumpSource, type SourceOptions } from './source/open-source';
export type { ObjectStore } from './source/object-store';
export { dumpDateFromName, latestDumpKey } from './source/dump-date';
export { DumpError } from './parse/dump-error';
export { parseServerVersion, type ServerVersion } from './parse/server-version';
export { LOAD_LOG_TABLE } from './load-log';
