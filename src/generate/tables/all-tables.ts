/** Every table of the dump, in the order mysqldump writes them (SHOW TABLES: by name). */
import type { DumpTable } from '../sql/table-spec';
import type { TableContext } from './context';
import { coreTables } from './core-tables';
import { emptyTables } from './vendor-empty';
import { masterTables } from './masters';
import { organisationTables } from './organisation';
import { propertyTables } from './property';
import { contractTables } from './contracts';
import { billingTables } from './billing';
import { peopleTables } from './people';
import { operationsTables } from './operations';
import { mediaTables } from './media';
import { logTables } from './logs';

export function allTables(ctx: TableContext): DumpTable[] {
  const tables = [
    ...coreTables(ctx),
    ...emptyTables(),
    ...masterTables(ctx),
    ...organisationTables(ctx),
    ...propertyTables(ctx),
    ...contractTables(ctx),
    ...billingTables(ctx),
    ...peopleTables(ctx),
    ...operationsTables(ctx),
    ...mediaTables(ctx),
    ...logTables(ctx),
  ];
  return tables.sort((a, b) => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0));
}
