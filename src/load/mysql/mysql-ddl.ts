import type { IndexDef, TableDef } from '../table-def';
import type { CharsetCatalog } from './charset-catalog';
import { quoteId } from './mysql-connection';

/*
 * A dump's table re-created in the shadow schema: the dump's own column text (charsets mapped to what the
 * server has), the primary key (rows arrive in its order, so InnoDB appends), and no secondary index: those are
 * built after the data, which is several times faster than maintaining them row by row. FOREIGN KEY clauses are
 * not recreated (see src/load/README.md).
 */

export interface TableDdl {
  readonly create: string;
  /** ALTER TABLE statements that add the deferred indexes, in order. */
  readonly indexes: readonly string[];
}

export function tableDdl(def: TableDef, schema: string, catalog: CharsetCatalog): TableDdl {
  const relation = `${quoteId(schema)}.${quoteId(def.name)}`;
  const early = def.indexes.filter((ix) => mustStayInCreate(def, ix));
  const late = def.indexes.filter((ix) => !early.includes(ix));
  const items = [
    ...def.columns.map((c) => catalog.rewrite(c.text)),
    ...(def.primaryKey ? [def.primaryKey.text.sql] : []),
    ...early.map((ix) => ix.text.sql),
    ...def.otherItems.map((t) => catalog.rewrite(t)),
  ];
  const create = `CREATE TABLE ${relation} (\n  ${items.join(',\n  ')}\n) ${catalog.rewrite(def.options)}`;
  return { create, indexes: alterStatements(relation, late) };
}

/** InnoDB builds one FULLTEXT or SPATIAL index per ALTER; plain and unique ones go together. */
function alterStatements(relation: string, indexes: readonly IndexDef[]): string[] {
  const plain = indexes.filter((ix) => ix.kind === 'index' || ix.kind === 'unique');
  const special = indexes.filter((ix) => ix.kind === 'fulltext' || ix.kind === 'spatial');
  const out: string[] = [];
  if (plain.length > 0)
    out.push(`ALTER TABLE ${relation} ${plain.map((ix) => `ADD ${ix.text.sql}`).join(', ')}`);
  for (const ix of special) out.push(`ALTER TABLE ${relation} ADD ${ix.text.sql}`);
  return out;
}

/** An AUTO_INCREMENT column must lead some index at CREATE time (the server refuses the table otherwise). */
function mustStayInCreate(def: TableDef, index: IndexDef): boolean {
  const auto = def.columns.find((c) => c.autoIncrement);
  if (!auto) return false;
  if (def.primaryKey?.parts[0]?.column === auto.name) return false;
  const first = def.indexes.find((ix) => ix.parts[0]?.column === auto.name);
  return first === index;
}
