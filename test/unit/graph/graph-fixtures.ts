import type {
  ExecutableNode,
  GraphNode,
  Manifest,
  NodeConfig,
  ResourceType,
  SourceNode,
  TestMetadata,
} from '../../../src/core/types';

/** Tiny manifests for graph tests: project `p`, every readonly field filled with a plain default. */
export const PROJECT = 'p';

export interface NodeSpec {
  /** Folder under the resource path: `gold` -> models/gold/<name>.sql, fqn [p, gold, name]. */
  readonly folder?: string;
  /** Unique ids this node depends on. */
  readonly dependsOn?: readonly string[];
  readonly tags?: readonly string[];
  readonly config?: Partial<NodeConfig>;
  readonly checksum?: string;
  readonly macros?: readonly string[];
  readonly testMetadata?: TestMetadata;
  readonly packageName?: string;
  readonly schema?: string;
  readonly patchPath?: string;
}

const FOLDER: Record<string, string> = {
  model: 'models',
  seed: 'seeds',
  snapshot: 'snapshots',
  test: 'tests',
  analysis: 'analyses',
};

function config(resourceType: ResourceType, spec: NodeSpec): NodeConfig {
  return {
    enabled: true,
    materialized: resourceType === 'test' ? 'test' : resourceType === 'seed' ? 'seed' : 'view',
    tags: spec.tags ?? [],
    pre_hook: [],
    post_hook: [],
    ...spec.config,
  };
}

export function node(
  resourceType: Exclude<ResourceType, 'source' | 'operation'>,
  name: string,
  spec: NodeSpec = {},
): ExecutableNode {
  const pkg = spec.packageName ?? PROJECT;
  const folders = spec.folder ? spec.folder.split('/') : [];
  const path = [...folders, `${name}.${resourceType === 'seed' ? 'csv' : 'sql'}`].join('/');
  const base = {
    uniqueId: `${resourceType}.${pkg}.${name}`,
    name,
    packageName: pkg,
    originalFilePath: `${FOLDER[resourceType]}/${path}`,
    path,
    fqn: [pkg, ...folders, name],
    tags: spec.tags ?? [],
    config: config(resourceType, spec),
    description: '',
    columns: {},
    dependsOn: { nodes: spec.dependsOn ?? [], macros: spec.macros ?? [] },
    checksum: spec.checksum ?? `sha-${name}`,
    patchPath: spec.patchPath,
    schema: spec.schema ?? 'main',
    alias: name,
    rawCode: `select 1 as ${name}`,
    refs: [],
    sources: [],
  };
  if (resourceType === 'seed')
    return { ...base, resourceType, seedFilePath: `/project/${base.originalFilePath}` };
  if (resourceType === 'test') return { ...base, resourceType, testMetadata: spec.testMetadata };
  return { ...base, resourceType } as ExecutableNode;
}

export const model = (name: string, spec?: NodeSpec): ExecutableNode => node('model', name, spec);

/** A generic test (`unique`, `relationships`, ...) on the given nodes. */
export function genericTest(
  name: string,
  testName: string,
  on: readonly string[],
  spec: NodeSpec = {},
): ExecutableNode {
  return node('test', name, { ...spec, dependsOn: on, testMetadata: { name: testName, kwargs: {} } });
}

export function source(sourceName: string, table: string, spec: NodeSpec = {}): SourceNode {
  const pkg = spec.packageName ?? PROJECT;
  return {
    resourceType: 'source',
    uniqueId: `source.${pkg}.${sourceName}.${table}`,
    name: table,
    packageName: pkg,
    originalFilePath: 'models/sources.yml',
    path: 'sources.yml',
    fqn: [pkg, sourceName, table],
    tags: spec.tags ?? [],
    config: config('source', spec),
    description: '',
    columns: {},
    dependsOn: { nodes: [], macros: [] },
    checksum: spec.checksum ?? `sha-${sourceName}-${table}`,
    sourceName,
    sourceDescription: '',
    schema: spec.schema ?? sourceName,
    identifier: table,
  };
}

/** A manifest whose parentMap and childMap follow each node's dependsOn. */
export function manifest(nodes: readonly GraphNode[], macros: Manifest['macros'] = {}): Manifest {
  const parentMap: Record<string, string[]> = {};
  const childMap: Record<string, string[]> = {};
  for (const n of nodes) {
    parentMap[n.uniqueId] = [...n.dependsOn.nodes];
    childMap[n.uniqueId] ??= [];
    for (const parent of n.dependsOn.nodes) (childMap[parent] ??= []).push(n.uniqueId);
  }
  return {
    metadata: {
      projectName: PROJECT,
      generatedAt: '2024-01-01T00:00:00Z',
      invocationId: 'test',
      tbVersion: '0.1.0',
      adapterType: 'sqlite',
    },
    nodes: Object.fromEntries(
      nodes.filter((n) => n.resourceType !== 'source').map((n) => [n.uniqueId, n]),
    ) as Manifest['nodes'],
    sources: Object.fromEntries(
      nodes.filter((n) => n.resourceType === 'source').map((n) => [n.uniqueId, n]),
    ) as Manifest['sources'],
    macros,
    parentMap,
    childMap,
  };
}

/** `a` -> `model.p.a`. */
export const m = (name: string): string => `model.${PROJECT}.${name}`;
export const t = (name: string): string => `test.${PROJECT}.${name}`;
