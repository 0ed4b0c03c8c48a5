import type { Manifest } from '../core/types';
import type { DagEdge } from './dag';
import { Dag } from './dag';

/**
 * The project's DAG: every node and source, with an edge from each parent to its child (a test is a
 * child of the nodes it tests). Parents come from `parentMap`, and from `dependsOn.nodes` in case a
 * hand-built manifest left the map out. A parent the manifest does not hold (the parse stage already
 * reported it) gets no edge. Throws a TbError (dagCycle) naming the whole chain on a cycle.
 */
export function buildDag(manifest: Manifest): Dag {
  const all = { ...manifest.sources, ...manifest.nodes };
  const nodes = Object.values(all).map((n) => ({ id: n.uniqueId, file: n.originalFilePath }));
  const edges: DagEdge[] = [];
  for (const child of Object.keys(all)) {
    const parents = new Set([...(manifest.parentMap[child] ?? []), ...all[child].dependsOn.nodes]);
    for (const parent of parents) if (parent in all) edges.push([parent, child]);
  }
  return Dag.from(nodes, edges);
}
