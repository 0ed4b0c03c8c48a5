import type { DumpWriter } from './dump-writer';
import type { DumpHandler } from './parse/dump-parser';
import type { DumpStatement, SkippedKind } from './parse/dump-statement';
import type { InsertHeader } from './parse/insert-header';
import { DumpInputError } from './parse/scan-error';
import { SPAN_WIDTH, type RowSpans } from './parse/value-spans';
import type { ColumnDef, TableDef } from './table-def';

export interface TableTally {
  readonly def: TableDef;
  rows: number;
  bytes: number;
}

/**
 * The dump as the server would see it: which tables exist, what each INSERT may write, how many rows each
 * table received. It checks what a server would refuse (unknown table or column, wrong value count) and hands
 * the rest to the writer (none in a dry run).
 */
export class DumpModel implements DumpHandler {
  readonly tables = new Map<string, TableTally>();
  readonly skipped = new Map<SkippedKind, string[]>();
  rows = 0;
  private current: TableTally | null = null;
  private width = 0;

  constructor(private readonly writer: DumpWriter | null) {}

  statement(statement: DumpStatement): void {
    switch (statement.kind) {
      case 'create-table':
        return this.createTable(statement.table);
      case 'drop-table':
        for (const name of statement.names) {
          if (this.tables.delete(name)) this.writer?.dropTable(name);
        }
        return;
      case 'skip': {
        const list = this.skipped.get(statement.what) ?? [];
        list.push(statement.name ?? '');
        this.skipped.set(statement.what, list);
        return;
      }
      case 'ignore':
        return;
    }
  }

  insertStart(header: InsertHeader): void {
    const tally = this.tables.get(header.table);
    if (!tally) throw new DumpInputError(`INSERT into \`${header.table}\`, a table the dump never created`);
    const columns = header.columns ? header.columns.map((c) => findColumn(tally.def, c)) : tally.def.columns;
    this.current = tally;
    this.width = columns.length;
    this.writer?.insertStart(tally.def, header, columns);
  }

  row(buf: Buffer, row: RowSpans): void {
    const tally = this.current as TableTally;
    if (row.count !== this.width) {
      throw new DumpInputError(`a row of ${row.count} values, but \`${tally.def.name}\` takes ${this.width}`);
    }
    tally.rows++;
    this.rows++;
    tally.bytes += row.spans[(row.count - 1) * SPAN_WIDTH + 4] - row.spans[3] + 3;
    this.writer?.row(buf, row);
  }

  insertEnd(): void {
    this.writer?.insertEnd();
  }

  private createTable(def: TableDef): void {
    if (this.tables.has(def.name)) throw new DumpInputError(`table \`${def.name}\` is created twice`);
    const names = new Set<string>();
    for (const c of def.columns) {
      if (names.has(c.name.toLowerCase()))
        throw new DumpInputError(`duplicate column \`${c.name}\` in \`${def.name}\``);
      names.add(c.name.toLowerCase());
    }
    this.tables.set(def.name, { def, rows: 0, bytes: 0 });
    this.writer?.createTable(def);
  }

  /** What was skipped, one line per kind, for the warnings. */
  skippedSummary(): string[] {
    return [...this.skipped].map(([what, names]) => {
      const shown = names.filter((n) => n !== '');
      const list =
        shown.length > 0 ? `: ${shown.slice(0, 5).join(', ')}${shown.length > 5 ? ', ...' : ''}` : '';
      return `skipped ${names.length} ${what} statement${names.length === 1 ? '' : 's'}${list}`;
    });
  }
}

/** MySQL column names are case-insensitive. */
function findColumn(def: TableDef, name: string): ColumnDef {
  const lower = name.toLowerCase();
  const column = def.columns.find((c) => c.name.toLowerCase() === lower);
  if (!column) throw new DumpInputError(`unknown column \`${name}\` in the INSERT into \`${def.name}\``);
  return column;
}
