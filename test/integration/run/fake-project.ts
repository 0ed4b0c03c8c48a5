import type { Manifest, NodeCompiler, RuntimeState, SourceNode } from '../../../src/core/types';
import type { FakeModel } from '../../unit/materialize/fake-node';
import { PROJECT, compiledNode, modelId, modelNode } from '../../unit/materialize/fake-node';

export interface ProjectModel extends Omit<FakeModel, 'sql' | 'parents'> {
  /** The compiled SELECT, or a function of the runtime flags (for `is_incremental()`). */
  readonly sql: string | ((runtime: RuntimeState) => string);
  /** Names of parent models. */
  readonly parents?: readonly string[];
  /** Source tables read, as `schema.table`. */
  readonly sources?: readonly string[];
}

export interface FakeProject {
  readonly manifest: Pick<Manifest, 'nodes' | 'parentMap' | 'sources'>;
  readonly compiler: NodeCompiler;
  /** Every compile call, in order: what the runner asked for. */
  readonly compiles: { id: string; runtime: RuntimeState }[];
}

/**
 * A project without files: models with their compiled SQL, as the compile stage would hand them to
 * the runner. Ephemeral models are inlined by whoever writes the child's SQL, as the compiler would.
 */
export function fakeProject(models: readonly ProjectModel[]): FakeProject {
  const byId = new Map(models.map((m) => [modelId(m.name), m]));
  const plain = (m: ProjectModel, runtime: RuntimeState): FakeModel => ({
    ...m,
    sql: typeof m.sql === 'function' ? m.sql(runtime) : m.sql,
    parents: (m.parents ?? []).map(modelId),
  });
  const initial: RuntimeState = { isIncremental: false, fullRefresh: false };
  const nodes = Object.fromEntries(models.map((m) => [modelId(m.name), modelNode(plain(m, initial))]));
  const parentMap = Object.fromEntries(
    models.map((m) => [
      modelId(m.name),
      [...(m.parents ?? []).map(modelId), ...(m.sources ?? []).map(sourceId)],
    ]),
  );
  const sources = Object.fromEntries(
    models.flatMap((m) => m.sources ?? []).map((s) => [sourceId(s), sourceNode(s)] as const),
  );
  const compiles: { id: string; runtime: RuntimeState }[] = [];
  return {
    manifest: { nodes, parentMap, sources },
    compiles,
    compiler: {
      compile(id, runtime) {
        const m = byId.get(id);
        if (!m) throw new Error(`no model ${id}`);
        compiles.push({ id, runtime });
        return compiledNode(plain(m, runtime));
      },
      renderHook: (sql) => sql,
    },
  };
}

export function sourceId(table: string): string {
  return `source.${PROJECT}.${table}`;
}

function sourceNode(table: string): SourceNode {
  const [schema, name] = table.split('.');
  return {
    resourceType: 'source',
    uniqueId: sourceId(table),
    name,
    packageName: PROJECT,
    originalFilePath: 'models/sources.yml',
    path: 'sources.yml',
    fqn: [PROJECT, schema, name],
    tags: [],
    config: { enabled: true, materialized: 'table', tags: [], pre_hook: [], post_hook: [] },
    description: '',
    columns: {},
    dependsOn: { nodes: [], macros: [] },
    checksum: '0',
    sourceName: schema,
    sourceDescription: '',
    schema,
    identifier: name,
  };
}
