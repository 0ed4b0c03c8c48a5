import type { Adapter, ColumnDef, Relation } from '../adapters/adapter';
import type { GraphNode } from '../core/types';
import type { WarehouseColumns } from './build-catalog';
import { docsRelation } from './docs-relation';

/** Relations introspected at once: enough to hide round trips, few enough for a small MySQL pool. */
const CONCURRENCY = 4;

/**
 * Reads the columns of every built relation the nodes name. The warehouse is asked once for its version
 * first: if that fails, nothing else is tried and the docs fall back to the YAML types, saying why.
 * Each schema is listed once, so relations that were never built cost no query.
 */
export async function readWarehouseColumns(
  adapter: Adapter,
  nodes: readonly GraphNode[],
): Promise<WarehouseColumns> {
  try {
    await adapter.serverVersion();
  } catch (err) {
    return { state: 'unreachable', error: (err as Error)?.message ?? String(err) };
  }
  const wanted = nodes
    .map((n) => ({ id: n.uniqueId, relation: docsRelation(n) }))
    .filter((w): w is { id: string; relation: Relation } => w.relation !== undefined);
  const existing = await existingRelations(adapter, new Set(wanted.map((w) => w.relation.schema)));
  const built = wanted.filter((w) => existing.has(key(w.relation)));
  const columns = new Map<string, readonly ColumnDef[]>();
  for (let i = 0; i < built.length; i += CONCURRENCY) {
    const batch = built.slice(i, i + CONCURRENCY);
    const read = await Promise.all(batch.map((w) => adapter.getColumns(w.relation).catch(() => [])));
    batch.forEach((w, k) => {
      if (read[k].length > 0) columns.set(w.id, read[k]);
    });
  }
  return { state: 'reachable', columns };
}

async function existingRelations(adapter: Adapter, schemas: ReadonlySet<string>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const schema of schemas) {
    const relations = await adapter.listRelations(schema).catch(() => []);
    for (const r of relations) out.add(key(r));
  }
  return out;
}

/** MySQL on Linux and SQLite keep names as written; lower-casing both sides also covers lower_case_table_names. */
function key(r: Relation): string {
  return `${r.schema}.${r.name}`.toLowerCase();
}
