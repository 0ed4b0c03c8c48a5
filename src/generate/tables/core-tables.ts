/** The five core tables, streamed from their packed rows. */
import type { DumpTable } from '../sql/table-spec';
import type { TableContext } from './context';

export function coreTables(ctx: TableContext): readonly DumpTable[] {
  return ctx.core.tables;
}
