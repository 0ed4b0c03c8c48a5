import type { ExecutableNode, Manifest } from '../core/types';
import { criticalPathPriority } from '../graph/critical-path';
import { Dag } from '../graph/dag';
import type { ScheduledTask } from './scheduler';

export function isEphemeral(node: ExecutableNode): boolean {
  return node.config.materialized === 'ephemeral';
}

/**
 * The models to run, in topological order, each with its parents among them and its critical-path
 * priority. Ephemeral models and unselected nodes drop out, but order is kept through them: with
 * a -> eph -> c, c still waits for a.
 */
export function runTasks(
  manifest: Pick<Manifest, 'nodes' | 'parentMap'>,
  select?: readonly string[],
): ScheduledTask[] {
  const nodes = manifest.nodes;
  const ids = Object.keys(nodes);
  const edges: [string, string][] = [];
  for (const child of ids) {
    const parents = new Set([...(manifest.parentMap[child] ?? []), ...nodes[child].dependsOn.nodes]);
    for (const parent of parents) if (parent in nodes) edges.push([parent, child]);
  }
  const wanted = (select ?? ids).filter((id) => {
    const node = nodes[id];
    return node !== undefined && node.resourceType === 'model' && node.config.enabled && !isEphemeral(node);
  });
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
