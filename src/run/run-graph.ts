import type { ExecutableNode, Manifest, ResourceType } from '../core/types';
import { criticalPathPriority } from '../graph/critical-path';
import { Dag } from '../graph/dag';
import type { ScheduledTask } from './scheduler';

export function isEphemeral(node: ExecutableNode): boolean {
  return node.config.materialized === 'ephemeral';
}

export interface TaskOptions {
  /** Resource types that run; default models. */
  readonly resourceTypes?: readonly ResourceType[];
  /** `tb build`: the children of a node wait for that node's tests (and are skipped when one fails). */
  readonly testsGateChildren?: boolean;
}

/**
 * The nodes to run, in topological order, each with its parents among them and its critical-path
 * priority. Ephemeral models and unselected nodes drop out, but order is kept through them: with
 * a -> eph -> c, c still waits for a.
 */
export function runTasks(
  manifest: Pick<Manifest, 'nodes' | 'parentMap'>,
  select?: readonly string[],
  options: TaskOptions = {},
): ScheduledTask[] {
  const nodes = manifest.nodes;
  const types = new Set(options.resourceTypes ?? ['model']);
  const ids = Object.keys(nodes);
  const edges: [string, string][] = [];
  for (const child of ids) {
    const parents = new Set([...(manifest.parentMap[child] ?? []), ...nodes[child].dependsOn.nodes]);
    for (const parent of parents) if (parent in nodes) edges.push([parent, child]);
  }
  const wanted = (select ?? ids).filter((id) => {
    const node = nodes[id];
    return node !== undefined && types.has(node.resourceType) && node.config.enabled && !isEphemeral(node);
  });
  if (options.testsGateChildren) edges.push(...testGates(nodes, edges, new Set(wanted)));
  const dag = Dag.from(
    ids.map((id) => ({ id, file: nodes[id].originalFilePath })),
    edges,
  ).subgraph(wanted);
  const priority = criticalPathPriority(dag);
  return dag
    .topologicalOrder()
    .map((id) => ({ id, parents: dag.parents(id), priority: priority.get(id) ?? 1 }));
}

/**
 * test -> child edges: every non-test child of a tested node waits for that node's tests, but only when
 * everything the test reads is upstream of the child (dbt's rule). Anything less can close a cycle: a test
 * reading `daily` and `int` gating `notices` (a child of `int`), and a test reading `notices` and `int`
 * gating `daily`, make daily -> t1 -> notices -> t2 -> daily.
 */
function testGates(
  nodes: Manifest['nodes'],
  edges: readonly [string, string][],
  wanted: ReadonlySet<string>,
): [string, string][] {
  const children = new Map<string, string[]>();
  for (const [p, c] of edges) children.set(p, [...(children.get(p) ?? []), c]);
  const gates: [string, string][] = [];
  for (const [parent, test] of edges) {
    if (nodes[test].resourceType !== 'test' || !wanted.has(test)) continue;
    const testParents = new Set(edges.filter(([, c]) => c === test).map(([p]) => p));
    for (const child of children.get(parent) ?? []) {
      if (nodes[child].resourceType === 'test' || testParents.has(child)) continue;
      const readsOnlyUpstream = [...testParents].every(
        (p) => p === parent || dependsOn(p, new Set([child]), children),
      );
      if (readsOnlyUpstream) gates.push([test, child]);
    }
  }
  return gates;
}

/** True when `node` is one of `targets` or upstream of one. */
function dependsOn(
  node: string,
  targets: ReadonlySet<string>,
  children: ReadonlyMap<string, string[]>,
): boolean {
  const stack = [node];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (targets.has(id)) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return false;
}

/**
 * Schemas a model's SQL reads: its parents' schemas, looking through ephemeral parents (inlined as CTEs)
 * to what they read. Sources count too.
 */
export function upstreamSchemas(manifest: RunManifest, id: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (child: string): void => {
    for (const parent of parentsOf(manifest, child)) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      const node = manifest.nodes[parent];
      const source = manifest.sources?.[parent];
      if (node && isEphemeral(node)) visit(parent);
      else if (node) out.add(node.schema);
      else if (source) out.add(source.schema);
    }
  };
  visit(id);
  return [...out].sort();
}

type RunManifest = Pick<Manifest, 'nodes' | 'parentMap'> & Partial<Pick<Manifest, 'sources'>>;

function parentsOf(manifest: RunManifest, id: string): string[] {
  return [...new Set([...(manifest.parentMap[id] ?? []), ...(manifest.nodes[id]?.dependsOn.nodes ?? [])])];
}
