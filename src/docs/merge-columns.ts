import type { ColumnDef } from '../adapters/adapter';
import type { ColumnInfo } from '../core/types';
import type { DocsColumn } from './catalog-types';

/**
 * One column list from what the properties YAML says and what the warehouse has. The warehouse's order
 * and types win; YAML adds descriptions, and a YAML column the relation lacks is kept (marked so the page
 * can say it is missing). Names match case-insensitively, as MySQL and SQLite compare column names.
 */
export function mergeColumns(
  described: Readonly<Record<string, ColumnInfo>>,
  warehouse: readonly ColumnDef[] | undefined,
  testsByColumn: ReadonlyMap<string, readonly string[]>,
): DocsColumn[] {
  const yaml = new Map(Object.values(described).map((c) => [c.name.toLowerCase(), c]));
  const testsOf = (name: string): readonly string[] => testsByColumn.get(name.toLowerCase()) ?? [];
  if (warehouse === undefined) {
    return [...yaml.values()].map((c) => fromYaml(c, null, testsOf(c.name)));
  }
  const built = warehouse.map((w): DocsColumn => {
    const info = yaml.get(w.name.toLowerCase());
    // SQLite declares no type for an expression column of CREATE TABLE AS: the YAML may know it.
    const typed = w.dataType !== '' || !info?.dataType;
    return {
      name: w.name,
      description: info?.description ?? '',
      type: typed ? w.dataType || null : (info?.dataType ?? null),
      typeSource: typed ? (w.dataType ? 'warehouse' : null) : 'yaml',
      inWarehouse: true,
      tests: testsOf(w.name),
    };
  });
  const present = new Set(warehouse.map((w) => w.name.toLowerCase()));
  const missing = [...yaml.entries()]
    .filter(([key]) => !present.has(key))
    .map(([, c]) => fromYaml(c, false, testsOf(c.name)));
  return [...built, ...missing];
}

function fromYaml(c: ColumnInfo, inWarehouse: boolean | null, tests: readonly string[]): DocsColumn {
  return {
    name: c.name,
    description: c.description,
    type: c.dataType ?? null,
    typeSource: c.dataType ? 'yaml' : null,
    inWarehouse,
    tests,
  };
}
