import type { Adapter, Relation, RelationInfo, RelationKind } from '../adapters/adapter';
import type { DbClock } from './db-clock';

/**
 * What relations exist, read once per schema at the start of a run and kept current as nodes build
 * (dbt's relation cache): one listing per schema instead of a lookup per node.
 */
export class RelationCache {
  private readonly bySchema = new Map<string, Map<string, RelationKind>>();

  static async load(adapter: Adapter, schemas: Iterable<string>, clock: DbClock): Promise<RelationCache> {
    const cache = new RelationCache();
    for (const schema of new Set(schemas)) {
      const relations = await clock.time(() => adapter.listRelations(schema));
      cache.bySchema.set(schema, new Map(relations.map((r) => [r.name, r.kind])));
    }
    return cache;
  }

  get(relation: Relation): RelationInfo | undefined {
    const kind = this.bySchema.get(relation.schema)?.get(relation.name);
    return kind === undefined ? undefined : { ...relation, kind };
  }

  set(relation: Relation, kind: RelationKind): void {
    this.schema(relation.schema).set(relation.name, kind);
  }

  delete(relation: Relation): void {
    this.bySchema.get(relation.schema)?.delete(relation.name);
  }

  /** After a failure nobody knows what is left: ask the warehouse about these names again. */
  async refresh(adapter: Adapter, relations: readonly Relation[], clock: DbClock): Promise<void> {
    for (const relation of relations) {
      const info = await clock.time(() => adapter.getRelation(relation));
      if (info) this.set(relation, info.kind);
      else this.delete(relation);
    }
  }

  private schema(schema: string): Map<string, RelationKind> {
    let map = this.bySchema.get(schema);
    if (!map) {
      map = new Map();
      this.bySchema.set(schema, map);
    }
    return map;
  }
}
