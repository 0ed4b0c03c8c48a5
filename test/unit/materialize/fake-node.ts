import type { CompiledNode, ModelNode, NodeConfig } from '../../../src/core/types';

export interface FakeModel {
  readonly name: string;
  readonly schema: string;
  readonly sql: string;
  readonly config?: Partial<NodeConfig>;
  /** Unique ids of the parents. */
  readonly parents?: readonly string[];
  readonly preHooks?: readonly string[];
  readonly postHooks?: readonly string[];
}

export const PROJECT = 'tbtest';

export function modelId(name: string): string {
  return `model.${PROJECT}.${name}`;
}

/** A model node as the parse stage would hand it over, with only what the runner reads filled in. */
export function modelNode(m: FakeModel): ModelNode {
  const config: NodeConfig = {
    enabled: true,
    materialized: 'view',
    tags: [],
    pre_hook: m.preHooks ?? [],
    post_hook: m.postHooks ?? [],
    ...m.config,
  };
  return {
    resourceType: 'model',
    uniqueId: modelId(m.name),
    name: m.name,
    packageName: PROJECT,
    originalFilePath: `models/${m.schema}/${m.name}.sql`,
    path: `${m.schema}/${m.name}.sql`,
    fqn: [PROJECT, m.schema, m.name],
    tags: [],
    config,
    description: '',
    columns: {},
    dependsOn: { nodes: [...(m.parents ?? [])], macros: [] },
    checksum: '0',
    schema: m.schema,
    alias: (config.alias as string | undefined) ?? m.name,
    rawCode: m.sql,
    refs: [],
    sources: [],
  };
}

export function compiledNode(m: FakeModel): CompiledNode {
  const node = modelNode(m);
  return {
    node,
    relation: { schema: node.schema, name: node.alias },
    compiledSql: m.sql,
    config: node.config,
    preHooks: m.preHooks ?? [],
    postHooks: m.postHooks ?? [],
  };
}
