/** Runs one load in its own process, for the kill -9 test: `kill-child.ts <target json> <schema> <dump>`. */
import { createAdapter } from '../../../src/adapters/create-adapter';
import { loadDump } from '../../../src/load';

const adapter = createAdapter(JSON.parse(process.argv[2]));
loadDump(adapter, process.argv[4], { schema: process.argv[3], jobs: 1 })
  .then(() => adapter.close())
  .catch(() => process.exit(3));
